package org.maillage.directory;

/**
 * The SIRET number of an establishment: 14 digits that pass the Luhn check (the SIREN, its first 9
 * digits, passes it too). La Poste's establishments are the known exception: SIREN 356000000, whose
 * SIRET digits add up to a multiple of 5.
 */
public final class Siret {

    private static final String LA_POSTE = "356000000";

    private Siret() {}

    /** The digits without spaces, dots or dashes, as people copy them ("123 456 789 00012"). */
    public static String normalize(String text) {
        return text == null ? "" : text.replaceAll("[\\s.\\-\\u00a0\\u202f]", "");
    }

    public static boolean isValid(String siret) {
        if (siret == null || !siret.matches("\\d{14}")) {
            return false;
        }
        if (siret.startsWith(LA_POSTE)) {
            return siret.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        return luhn(siret);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
