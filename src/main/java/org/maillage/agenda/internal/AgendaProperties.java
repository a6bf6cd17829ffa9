package org.maillage.agenda.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the agenda.
 *
 * @param reminderBefore how long before an event the people with a place get a reminder
 * @param jobInterval how often reminders are sent and old registrations erased (one node at a time)
 * @param retention how long after an event the names and addresses of its registrants are kept
 */
@ConfigurationProperties("maillage.agenda")
record AgendaProperties(@DefaultValue("24h") Duration reminderBefore, @DefaultValue("15m") Duration jobInterval,
        @DefaultValue("365d") Duration retention) {}
