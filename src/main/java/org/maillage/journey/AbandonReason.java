package org.maillage.journey;

/** Why a porteur stopped their project. */
public enum AbandonReason { PERSONAL, FINANCING, MARKET, OTHER_PATH, NO_NEWS, OTHER }
