package org.maillage.agenda.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.maillage.agenda.Agenda;
import org.maillage.agenda.Agenda.EventQuery;
import org.maillage.agenda.Agenda.EventView;
import org.maillage.network.Poles;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.PlatformProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A pôle's events as an iCalendar feed (RFC 5545) that calendar applications subscribe to. */
@RestController
class CalendarController {

    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Agenda agenda;
    private final Poles poles;
    private final PlatformProperties platform;

    CalendarController(Agenda agenda, Poles poles, PlatformProperties platform) {
        this.agenda = agenda;
        this.poles = poles;
        this.platform = platform;
    }

    @GetMapping(value = "/agenda/ical/{pole}.ics")
    ResponseEntity<byte[]> pole(@PathVariable String pole) {
        var summary = poles.findBySlug(pole).orElseThrow(() -> new NotFoundException("agenda.event.pole.unknown")).pole();
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Maillage//Agenda//FR");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "X-WR-CALNAME:" + text(summary.name()));
        for (EventView event : agenda.upcoming(new EventQuery(summary.regionCode(), null, pole, null))) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:" + event.slug() + "@maillage");
            line(ics, "DTSTAMP:" + UTC.format(event.updatedAt()));
            line(ics, "DTSTART:" + UTC.format(event.startsAt()));
            line(ics, "DTEND:" + UTC.format(event.endsAt()));
            line(ics, "STATUS:" + (event.calledOff() ? "CANCELLED" : "CONFIRMED"));
            line(ics, "SUMMARY:" + text(event.title()));
            if (!event.place().isEmpty()) {
                line(ics, "LOCATION:" + text(event.place()));
            }
            if (!event.description().isEmpty()) {
                line(ics, "DESCRIPTION:" + text(event.description()));
            }
            line(ics, "URL:" + platform.link("/agenda/" + event.slug()));
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                .body(ics.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** A content line, folded at 75 octets with CRLF and a space (never inside a UTF-8 character). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
