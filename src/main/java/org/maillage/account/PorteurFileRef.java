package org.maillage.account;

import java.util.Set;

/**
 * A porteur's file, as authorization needs it.
 *
 * @param porteur the porteur's own account
 * @param poleSlug the pôle that welcomed them: its animators hold the file
 * @param consentedOrganisations operator organisations the porteur agreed to share their file with
 */
public record PorteurFileRef(UserId porteur, String poleSlug, String regionCode, Set<String> consentedOrganisations) {

    public PorteurFileRef {
        consentedOrganisations = Set.copyOf(consentedOrganisations);
    }
}
