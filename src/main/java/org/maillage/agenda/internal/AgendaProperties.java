package org.maillage.agenda.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the agenda.
 *
 * @param reminderBefore how long before an event the people with a place get a reminder
 * @param jobInterval how often reminders are sent (one node at a time)
 */
@ConfigurationProperties("maillage.agenda")
record AgendaProperties(@DefaultValue("24h") Duration reminderBefore, @DefaultValue("15m") Duration jobInterval) {}
