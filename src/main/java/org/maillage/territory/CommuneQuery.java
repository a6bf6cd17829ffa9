package org.maillage.territory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a visitor types to find a commune: a name (any accents or case) or a postal code. Commune
 * names are made of letters, digits, spaces, hyphens, apostrophes and parentheses; anything else
 * (";", "=", "--", quotes…) is refused with a message rather than searched.
 */
public record CommuneQuery(
        @NotBlank(message = "{commune.query.blank}")
        @Size(max = CommuneQuery.MAX_LENGTH, message = "{commune.query.size}")
        @Pattern(regexp = "^(?!.*--)[\\p{L}\\p{M}0-9 '’ʼ().,-]*$", message = "{commune.query.characters}")
        String q) {

    public static final int MAX_LENGTH = 100;
}
