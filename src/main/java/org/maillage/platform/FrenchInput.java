package org.maillage.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Values typed in forms as people write them in France, read by hand so that a form keeps what was typed
 * when it is not one: dates from a browser's date picker (2026-11-12) or as written (12/11/2026), amounts
 * with spaces and a decimal comma ("35 000", "1 250,50 €").
 */
public final class FrenchInput {

    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private FrenchInput() {}

    /** The date typed; empty when blank or not a date (31/02 is not one, nor a year before 1900 or after 2200). */
    public static Optional<LocalDate> date(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        for (DateTimeFormatter format : new DateTimeFormatter[] {DateTimeFormatter.ISO_LOCAL_DATE, WRITTEN}) {
            try {
                LocalDate date = LocalDate.parse(typed.strip(), format);
                return date.getYear() >= 1900 && date.getYear() <= 2200 ? Optional.of(date) : Optional.empty();
            } catch (DateTimeParseException e) {
                // try the next way of writing it
            }
        }
        return Optional.empty();
    }

    /**
     * The number typed (spaces, a decimal comma and a euro sign allowed; dots group thousands in "35.000" and
     * "1.250,50", a dot is decimal in "17.5"); empty when blank or not a number.
     */
    public static Optional<BigDecimal> decimal(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String plain = typed.strip().replaceAll("[\\s\\u00a0\\u202f€]", "");
        if (plain.contains(",") || plain.matches("-?\\d{1,3}(\\.\\d{3})+")) {
            plain = plain.replace(".", ""); // "1.250,50" or "35.000": dots group thousands
        }
        plain = plain.replace(',', '.');
        if (!plain.matches("-?\\d{1,15}(\\.\\d{1,6})?")) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(plain));
    }
}
