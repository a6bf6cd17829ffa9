package org.maillage.observatory.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.maillage.observatory.Dashboard;
import org.maillage.observatory.Dashboard.Section;
import org.maillage.observatory.FigureTable;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.Slugs;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** What the observatory's pages hand out: charts as SVG, tables as files, the yearly report as PDF. */
public final class ObservatoryFiles {

    private ObservatoryFiles() {}

    /** Each section's chart as SVG, by table code (empty when it has none). */
    public static Map<String, String> charts(Dashboard dashboard) {
        Map<String, String> charts = new LinkedHashMap<>();
        for (Section section : dashboard.sections()) {
            charts.put(section.table().code(), SvgCharts.svg(section.table(), section.chart(), "chart-" + section.table().code()));
        }
        return charts;
    }

    /**
     * One table (its code) or all of them as CSV, XLSX or ODS.
     *
     * @throws NotFoundException for an unknown format or table
     */
    public static ResponseEntity<byte[]> tables(Dashboard dashboard, String tableCode, String format) {
        List<FigureTable> tables = tableCode == null || tableCode.isBlank() ? dashboard.tables()
                : dashboard.tables().stream().filter(t -> t.code().equals(tableCode)).toList();
        if (tables.isEmpty()) {
            throw new NotFoundException("observatory.table.unknown");
        }
        String name = fileName(dashboard, tableCode == null || tableCode.isBlank() ? "" : "-" + tableCode);
        return switch (format) {
            case "csv" -> download(TableExports.csv(tables), TableExports.CSV_TYPE, name + ".csv");
            case "xlsx" -> download(TableExports.xlsx(tables), TableExports.XLSX_TYPE, name + ".xlsx");
            case "ods" -> download(TableExports.ods(tables), TableExports.ODS_TYPE, name + ".ods");
            default -> throw new NotFoundException("observatory.format.unknown");
        };
    }

    /** The yearly activity report of the dashboard's territory, as PDF, with labels in the reader's language. */
    public static ResponseEntity<byte[]> report(Dashboard dashboard, MessageSource messages, Locale locale) {
        String generated = DateTimeFormatter.ofPattern("d MMMM yyyy", locale)
                .format(dashboard.computedAt().atZone(ZoneId.of("Europe/Paris")));
        ReportPdf.ReportLabels labels = new ReportPdf.ReportLabels(
                messages.getMessage("observatory.report.title", new Object[] {Integer.toString(dashboard.year())}, locale),
                dashboard.area().name(),
                messages.getMessage("observatory.keyFigures", null, locale),
                messages.getMessage(dashboard.area().type() == org.maillage.account.ScopeType.POLE
                        ? "observatory.report.textHeading" : "observatory.report.textHeading.territory", null, locale),
                messages.getMessage("observatory.previousYear", new Object[] {Integer.toString(dashboard.year() - 1)}, locale),
                messages.getMessage("observatory.report.generatedOn", new Object[] {generated}, locale),
                messages.getMessage("observatory.report.pageOf", null, locale));
        return download(ReportPdf.write(dashboard, labels), MediaType.APPLICATION_PDF.toString(),
                fileName(dashboard, "-rapport") + ".pdf");
    }

    private static String fileName(Dashboard dashboard, String suffix) {
        return "observatoire-" + Slugs.of(dashboard.area().name(), 60, dashboard.area().code()) + "-" + dashboard.year() + suffix;
    }

    private static ResponseEntity<byte[]> download(byte[] body, String type, String name) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
