package org.maillage.platform;

import java.text.Normalizer;
import java.util.Locale;

/** Web addresses made from names: "Pôle ESS du Pays de Brest" → "pole-ess-du-pays-de-brest". */
public final class Slugs {

    private Slugs() {}

    /** Lower-case ASCII words joined by dashes, at most {@code max} characters; {@code fallback} when nothing is left. */
    public static String of(String text, int max, String fallback) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > max) {
            slug = slug.substring(0, max).replaceAll("-$", "");
        }
        return slug.isEmpty() ? fallback : slug;
    }
}
