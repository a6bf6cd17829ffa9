package org.maillage.journey;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A porteur met by a pôle (form of the animator). No SIRET, no address: only what is needed to
 * contact them, and their consent.
 */
public record RegisterPorteur(
        @NotBlank(message = "{porteur.name.blank}") @Size(max = 120, message = "{porteur.name.size}") String displayName,
        @NotBlank(message = "{porteur.email.blank}") @Email(message = "{porteur.email.invalid}")
        @Size(max = 254, message = "{porteur.email.invalid}") String email,
        @Pattern(regexp = "^$|^[0-9 +().-]{6,25}$", message = "{porteur.phone.invalid}") String phone,
        @NotBlank(message = "{porteur.pole.blank}") String poleSlug,
        @AssertTrue(message = "{porteur.consent.required}") boolean consent,
        boolean sendSpaceLink) {}
