package org.maillage.observatory;

import java.time.Instant;
import java.util.List;

/**
 * The figures of a territory for a year, as a dashboard, an export and the yearly report show them.
 *
 * @param exact false when figures about fewer than 5 people are hidden (funders, the public)
 * @param years the years one can choose, latest first
 * @param text the short text the pôle (or the coordination) wrote for the yearly report, or empty
 */
public record Dashboard(Area area, int year, boolean exact, List<KeyFigure> keyFigures, List<Section> sections,
        List<Integer> years, String text, Instant computedAt) {

    public Dashboard {
        keyFigures = List.copyOf(keyFigures);
        sections = List.copyOf(sections);
        years = List.copyOf(years);
        text = text == null ? "" : text;
    }

    /** The text's paragraphs: separated by a blank line, as the form says. */
    public List<String> paragraphs() {
        return java.util.Arrays.stream(text.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    public List<FigureTable> tables() {
        return sections.stream().map(Section::table).toList();
    }

    /**
     * A headline figure with last year's for comparison; values are already written in French,
     * {@link FigureTable#HIDDEN} when hidden.
     */
    public record KeyFigure(String code, String label, String value, String previous) {}

    /** A table with its chart. */
    public record Section(FigureTable table, Chart chart) {}
}
