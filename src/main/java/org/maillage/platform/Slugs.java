package org.maillage.platform;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Web addresses made from names: "Pôle ESS du Pays de Brest" → "pole-ess-du-pays-de-brest". */
public final class Slugs {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("(^-|-$)");
    private static final Pattern LAST_DASH = Pattern.compile("-$");

    private Slugs() {}

    /** Lower-case ASCII words joined by dashes, at most {@code max} characters; {@code fallback} when nothing is left. */
    public static String of(String text, int max, String fallback) {
        String ascii = MARKS.matcher(Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)).replaceAll("")
                .replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae");
        String slug = EDGE_DASHES.matcher(NOT_WORD.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
        if (slug.length() > max) {
            slug = LAST_DASH.matcher(slug.substring(0, max)).replaceAll("");
        }
        return slug.isEmpty() ? fallback : slug;
    }
}
