package org.maillage.journey;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.maillage.offer.ProjectNeed;
import org.maillage.offer.ProjectStage;
import org.maillage.offer.Scheme;

/**
 * The public form "Je porte un projet". No SIRET, no address: who, the idea in their own words, where,
 * how far they are, what they need, and their consent.
 *
 * @param collective whether they are a group (null: not answered)
 * @param gender optional, for the observatory's figures only
 * @param ageBand optional, for the observatory's figures only
 * @param website a field hidden from people: only robots fill it in (honeypot)
 * @param submissionKey the form's key, given with the page: sending it twice makes one request
 */
public record IntakeForm(
        @NotBlank(message = "{intake.name.blank}") @Size(max = 120, message = "{porteur.name.size}") String displayName,
        @NotBlank(message = "{porteur.email.blank}") @Email(message = "{porteur.email.invalid}")
        @Size(max = 254, message = "{porteur.email.invalid}") String email,
        @Pattern(regexp = "^$|^[0-9 +().-]{6,25}$", message = "{porteur.phone.invalid}") String phone,
        @NotNull(message = "{intake.collective.choose}") Boolean collective,
        @NotBlank(message = "{intake.idea.blank}") @Size(max = 2000, message = "{intake.idea.tooLong}") String idea,
        @NotBlank(message = "{intake.commune.blank}") @Size(max = 100, message = "{intake.commune.unknown}") String commune,
        @NotNull(message = "{intake.stage.choose}") ProjectStage stage,
        Set<ProjectNeed> needs,
        HeardFrom heardFrom,
        Gender gender,
        AgeBand ageBand,
        @AssertTrue(message = "{intake.consent.contact}") boolean consentContact,
        @AssertTrue(message = "{intake.consent.data}") boolean consentData,
        String website,
        UUID submissionKey) {

    public IntakeForm {
        needs = Scheme.present(needs);
    }

    public static IntakeForm blank() {
        return new IntakeForm("", "", "", null, "", "", null, Set.of(), null, null, null, false, false, "",
                UUID.randomUUID());
    }

    public boolean robot() {
        return website != null && !website.isBlank();
    }
}
