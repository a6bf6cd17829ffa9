package org.maillage.journey;

/** How a porteur heard of the pôle (asked at the intake). */
public enum HeardFrom { WORD_OF_MOUTH, INTERNET, PARTNER, EVENT, LOCAL_AUTHORITY, EMPLOYMENT_SERVICE, OTHER }
