package org.maillage.account.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.maillage.account.Role;

/** The forms of the account pages, bound to records and validated (messages in messages.properties). */
final class Forms {

    private Forms() {}

    record EmailForm(
            @NotBlank(message = "{account.email.blank}") @Email(message = "{account.email.invalid}")
            @Size(max = 254, message = "{account.email.invalid}") String email) {

        static EmailForm empty() {
            return new EmailForm("");
        }
    }

    record NewPasswordForm(String password, String confirmation) {

        static NewPasswordForm empty() {
            return new NewPasswordForm("", "");
        }
    }

    record AcceptInvitationForm(
            @NotBlank(message = "{account.name.blank}") @Size(max = 120, message = "{account.name.size}") String displayName,
            String password,
            String confirmation) {}

    record InviteForm(
            @NotBlank(message = "{account.email.blank}") @Email(message = "{account.email.invalid}")
            @Size(max = 254, message = "{account.email.invalid}") String email,
            @NotBlank(message = "{account.name.blank}") @Size(max = 120, message = "{account.name.size}") String displayName,
            @NotNull(message = "{account.role.blank}") Role role,
            @NotBlank(message = "{account.scope.blank}") String scopeCode) {}

    record GrantForm(
            @NotNull(message = "{account.role.blank}") Role role,
            @NotBlank(message = "{account.scope.blank}") String scopeCode) {}
}
