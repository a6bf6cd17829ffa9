package org.maillage.journey;

/** Why a partner does not take a referral (the list the partner chooses from). */
public enum DeclineReason { FULL, NOT_ELIGIBLE, OUT_OF_TERRITORY, TOO_EARLY, NOT_ADAPTED, OTHER }
