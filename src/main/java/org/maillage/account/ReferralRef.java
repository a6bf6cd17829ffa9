package org.maillage.account;

/**
 * A referral (prescription) of a porteur to a scheme, as authorization needs it.
 *
 * @param organisation the operator organisation of the scheme
 * @param shared whether the porteur consented to share it with that organisation (it was SENT)
 */
public record ReferralRef(UserId porteur, String poleSlug, String regionCode, String organisation, boolean shared) {}
