package org.maillage.observatory.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maillage.observatory.Dashboard;
import org.maillage.observatory.internal.ObservatoryFiles;
import org.maillage.platform.KeptAnswers;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The sections of a dashboard (its tables and charts) as HTML, written once for the same figures in
 * the same language and kept (a dashboard is made again for each request, from figures the
 * observatory keeps: the key is what the sections show), since nothing in them depends on who reads
 * them: a regional dashboard
 * has 14 charts and about 700 table cells, and writing them was 85 % of the page's CPU while its
 * figures were kept (docs/BENCHMARKS.md §11). Written by the template {@code observatory/sections},
 * escaped as every page is; the page inserts it as it is.
 */
@Component
class DashboardSections {

    /** As long as the observatory keeps a dashboard's figures, at most; new figures are another key. */
    static final Duration TTL = Duration.ofMinutes(5);

    /** What the sections show: their tables and charts, the area and year of their export links. */
    private record Key(List<Dashboard.Section> sections, String areaKey, int year, Locale locale) {}

    private final ITemplateEngine templates;
    /** A page is about 140 KB: a few dozen are enough for the dashboards being read. */
    private final KeptAnswers written = new KeptAnswers(40);

    DashboardSections(ITemplateEngine templates) {
        this.templates = templates;
    }

    String html(Dashboard dashboard, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        Key key = new Key(dashboard.sections(), dashboard.area().key(), dashboard.year(), locale);
        return written.get(key, TTL, () -> {
            var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                    .buildExchange(request, response);
            Map<String, Object> variables = Map.of("dashboard", dashboard, "charts", ObservatoryFiles.charts(dashboard),
                    "exportBase", "/espace/observatoire/export.");
            return templates.process("observatory/sections", new WebContext(exchange, locale, variables));
        });
    }
}
