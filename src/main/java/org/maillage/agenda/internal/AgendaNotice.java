package org.maillage.agenda.internal;

import org.springframework.stereotype.Component;

/** What the privacy notice says of the agenda, read from the settings ({@code @agendaNotice} in templates). */
@Component("agendaNotice")
public class AgendaNotice {

    private final AgendaProperties properties;

    AgendaNotice(AgendaProperties properties) {
        this.properties = properties;
    }

    /** How many days after an event its registrants' names and addresses are kept. */
    public long retentionDays() {
        return properties.retention().toDays();
    }
}
