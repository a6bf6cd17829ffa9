package org.maillage.observatory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.maillage.observatory.Chart;
import org.maillage.observatory.FigureTable;
import org.maillage.observatory.Suppression;

/** The rules that keep people from being recognised in the figures, and how hidden figures are drawn. */
class SuppressionTest {

    private static List<List<Object>> rows(Long... counts) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            rows.add(new ArrayList<>(Arrays.asList("r" + i, counts[i])));
        }
        return rows;
    }

    @Test
    void oneToFourPeopleAreHiddenZeroAndFiveAreNot() {
        assertThat(Suppression.hides(0)).isFalse();
        assertThat(Suppression.hides(1)).isTrue();
        assertThat(Suppression.hides(4)).isTrue();
        assertThat(Suppression.hides(5)).isFalse();
    }

    @Test
    void aLoneHiddenCellTakesTheSmallestOtherOneWithItSoThatTheTotalGivesNothingAway() {
        List<List<Object>> rows = rows(10L, 3L, 8L, 0L);
        new Indicators.Cells(false).protect(rows, 1);
        assertThat(rows.stream().map(r -> r.get(1)).toList()).containsExactly(10L, null, null, 0L);
    }

    @Test
    void twoHiddenCellsAreEnoughAndExactViewersSeeEverything() {
        List<List<Object>> rows = rows(10L, 3L, 2L);
        new Indicators.Cells(false).protect(rows, 1);
        assertThat(rows.stream().map(r -> r.get(1)).toList()).containsExactly(10L, null, null);
        List<List<Object>> exact = rows(10L, 3L);
        new Indicators.Cells(true).protect(exact, 1);
        assertThat(exact.stream().map(r -> r.get(1)).toList()).containsExactly(10L, 3L);
    }

    @Test
    void hiddenCellsAddingUpToFewerThan5TakeAnotherWithThemAndTiesGoByLabel() {
        List<List<Object>> rows = rows(2L, 1L, 20L, 30L, 20L);
        new Indicators.Cells(false).protect(rows, 1);
        // 2 + 1 = 3 could be worked out from the total: the smaller 20 goes too, the first by label (r2)
        assertThat(rows.stream().map(r -> r.get(1)).toList()).containsExactly(null, null, null, 30L, 20L);
    }

    @Test
    void tablesOfTerritoriesHideThreeCellsSoThatAFunderOfOneStillMissesTwo() {
        List<List<Object>> rows = rows(3L, 40L, 12L, 9L);
        new Indicators.Cells(false).protect(rows, List.of(1), List.of(), 3);
        assertThat(rows.stream().map(r -> r.get(1)).toList()).containsExactly(null, 40L, null, null);
    }

    @Test
    void aRowThatAddsUpProtectsItsHiddenCellToo() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(Arrays.asList("TAg BZH", 12L, 8L, 4L, 0L)));
        rows.add(new ArrayList<>(Arrays.asList("France Active", 20L, 10L, 10L, 0L)));
        new Indicators.Cells(false).protect(rows, List.of(1, 2, 3, 4), List.of(1, 2, 3, 4));
        // 12 = 8 + 4 + 0: with the 4 hidden, the 8 goes too; down the column, 4 alone would be found again
        assertThat(rows.get(0)).containsExactly("TAg BZH", 12L, null, null, 0L);
        assertThat(rows.get(1).get(3)).isNull();
    }

    @Test
    void ratesAndAveragesOnFewerThan5PeopleAreHidden() {
        Indicators.Cells aggregates = new Indicators.Cells(false);
        assertThat(aggregates.rate(15, 25)).isEqualTo(60.0);
        assertThat(aggregates.rate(6, 10)).isNull();  // gives away the 4 others
        assertThat(aggregates.rate(3, 5)).isNull();   // gives away 3
        assertThat(aggregates.rate(9, 10)).isNull();  // gives away the 1 left
        assertThat(aggregates.rate(3, 4)).isNull();
        assertThat(aggregates.average(20, 4)).isNull();
        assertThat(aggregates.sumOf(3.5, 2)).isNull();
        assertThat(new Indicators.Cells(true).rate(1, 3)).isEqualTo(33.3);
    }

    @Test
    void chartsEscapeLabelsAndWriteHiddenFiguresWithoutABar() {
        FigureTable table = new FigureTable("t", "Titre <b>", List.of(FigureTable.Column.text("Étape"),
                FigureTable.Column.number("2026")), List.of(Arrays.asList("<script>alert(1)</script>", 12L),
                Arrays.asList("Projet", null)), "");
        String svg = SvgCharts.svg(table, Chart.bar(1), "c");
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;").contains(">" + FigureTable.HIDDEN + "<").contains("role=\"img\"");
        assertThat(svg.split("<rect", -1)).hasSize(2); // one bar: the hidden figure has none
    }
}
