package org.maillage.account;

/**
 * Something a role can be granted on, as offered by the module that owns it.
 *
 * @param regionCode the region it lies in, or null (platform, national organisation)
 * @param poleSlug the pôle whose territory it lies in, when that decides who may grant it (a
 *        structure: its pôle's animators), else null
 */
public record ScopeOption(ScopeType type, String code, String label, String regionCode, String poleSlug) {

    public ScopeOption(ScopeType type, String code, String label, String regionCode) {
        this(type, code, label, regionCode, null);
    }
}
