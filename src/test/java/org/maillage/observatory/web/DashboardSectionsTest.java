package org.maillage.observatory.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.maillage.account.ScopeType;
import org.maillage.observatory.Area;
import org.maillage.observatory.Chart;
import org.maillage.observatory.Dashboard;
import org.maillage.observatory.FigureTable;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.IContext;

/** The sections are written once for the same figures and language, again when the figures change. */
class DashboardSectionsTest {

    private final AtomicInteger written = new AtomicInteger();

    /** Writes what it was asked, and counts. */
    private final ITemplateEngine engine = new ITemplateEngine() {
        @Override public org.thymeleaf.IEngineConfiguration getConfiguration() { return null; }
        @Override public String process(String template, IContext context) { return "html " + written.incrementAndGet(); }
        @Override public String process(String template, Set<String> selectors, IContext context) { return process(template, context); }
        @Override public String process(TemplateSpec spec, IContext context) { return process("", context); }
        @Override public void process(String template, IContext context, java.io.Writer writer) {}
        @Override public void process(String template, Set<String> selectors, IContext context, java.io.Writer writer) {}
        @Override public void process(TemplateSpec spec, IContext context, java.io.Writer writer) {}
        @Override public org.thymeleaf.IThrottledTemplateProcessor processThrottled(String template, IContext context) { return null; }
        @Override public org.thymeleaf.IThrottledTemplateProcessor processThrottled(String template, Set<String> selectors, IContext context) { return null; }
        @Override public org.thymeleaf.IThrottledTemplateProcessor processThrottled(TemplateSpec spec, IContext context) { return null; }
    };

    private static Dashboard dashboard(String figure) {
        FigureTable table = new FigureTable("stages", "Porteurs par étape",
                List.of(new FigureTable.Column("Étape", false), new FigureTable.Column("Porteurs", true)),
                List.of(List.<Object>of("Idée", figure)), "");
        return new Dashboard(new Area(ScopeType.REGION, "53", "Bretagne", "53"), 2026, true, List.of(),
                List.of(new Dashboard.Section(table, Chart.bar(1))), List.of(2026), "", Instant.now());
    }

    @Test
    void theSameFiguresAreWrittenOnceAndNewFiguresAgain() {
        DashboardSections sections = new DashboardSections(engine);
        MockHttpServletRequest request = new MockHttpServletRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();

        String first = sections.html(dashboard("12"), Locale.FRENCH, request, response);
        // made again for the next request from the same figures (another instant): not written again
        assertThat(sections.html(dashboard("12"), Locale.FRENCH, request, response)).isEqualTo(first);
        assertThat(written).hasValue(1);

        assertThat(sections.html(dashboard("13"), Locale.FRENCH, request, response)).isNotEqualTo(first);
        assertThat(sections.html(dashboard("12"), Locale.ENGLISH, request, response)).isNotEqualTo(first);
        assertThat(written).hasValue(3);
    }
}
