package org.maillage.platform.internal.mail;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs the outbox sender every {@code maillage.mail.poll-interval}, and the purge once an hour. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "maillage.mail.sender-enabled", matchIfMissing = true)
class MailScheduling implements SchedulingConfigurer {

    private final OutboxSender sender;
    private final MailProperties properties;

    MailScheduling(OutboxSender sender, MailProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(sender::sendDue, properties.pollInterval());
        registrar.addFixedDelayTask(sender::purgeSent, Duration.ofHours(1));
    }
}
