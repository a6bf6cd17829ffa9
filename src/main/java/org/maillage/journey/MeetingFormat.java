package org.maillage.journey;

/** How a meeting with the porteur is held. */
public enum MeetingFormat { IN_PERSON, PHONE, VIDEO }
