package org.maillage.account.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The password rule (after the CNIL's recommendation of 2022): at least 12 characters mixing three
 * kinds among lower case, upper case, digits and other signs; at most 128; not a common password;
 * not containing the person's email name.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() {
        try (InputStream in = new ClassPathResource("account/common-passwords.txt").getInputStream()) {
            common = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message key of what is wrong with the password, if anything. */
    Optional<String> problem(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password.tooLong");
        }
        int kinds = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (kinds < 3) {
            return Optional.of("password.tooSimple");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.stream().anyMatch(word -> word.length() >= 8 && lower.contains(word))) {
            return Optional.of("password.common");
        }
        String name = email == null ? "" : email.toLowerCase(Locale.ROOT).replaceAll("@.*", "");
        if (name.length() >= 4 && lower.contains(name)) {
            return Optional.of("password.containsEmail");
        }
        return Optional.empty();
    }
}
