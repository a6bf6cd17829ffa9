package org.maillage.platform.web;

import java.math.BigDecimal;
import java.text.ParseException;
import java.util.Locale;
import org.springframework.format.Formatter;

/**
 * Decimal numbers in forms as people type them in France: "0,8", "35 000", "1 250,50" — and as
 * elsewhere, "0.8". Printed back with a decimal comma in French.
 */
final class DecimalFormatter implements Formatter<BigDecimal> {

    @Override
    public BigDecimal parse(String text, Locale locale) throws ParseException {
        String plain = text.strip().replaceAll("[\\s\\u00a0\\u202f]", "").replace(',', '.');
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            throw new ParseException(text, 0);
        }
    }

    @Override
    public String print(BigDecimal value, Locale locale) {
        String plain = value.stripTrailingZeros().toPlainString();
        return Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? plain.replace('.', ',') : plain;
    }
}
