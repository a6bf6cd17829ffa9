package org.maillage.platform.internal.mail;

import java.util.HashMap;
import java.util.Map;
import org.maillage.platform.Email;
import org.maillage.platform.Notifications;
import org.maillage.platform.PlatformProperties;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders the email now (text and subject in the recipient's language) and stores it in the outbox. */
@Service
class OutboxNotifications implements Notifications {

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final PlatformProperties platform;
    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    OutboxNotifications(JdbcClient jdbc, MessageSource messages, PlatformProperties platform) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.platform = platform;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        templates.setTemplateResolver(resolver);
        templates.setTemplateEngineMessageSource(messages);
    }

    /** Joins the caller's transaction: the email exists if and only if the change that caused it does. */
    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void email(Email email) {
        Map<String, Object> model = new HashMap<>(email.model());
        model.put("publicUrl", platform.publicUrl().replaceAll("/+$", ""));
        Context context = new Context(email.locale(), model);
        String body = templates.process(email.template(), context);
        Object[] subjectArguments = {email.model().get("subjectArgument")};
        String subject = messages.getMessage("mail." + email.template() + ".subject", subjectArguments, email.locale());
        jdbc.sql("insert into platform.outbox_email (recipient, subject, body) values (:to, :subject, :body)")
                .param("to", email.to())
                .param("subject", subject)
                .param("body", body)
                .update();
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void forget(String address) {
        jdbc.sql("delete from platform.outbox_email where lower(recipient) = lower(:to) and status <> 'SENT'")
                .param("to", address).update();
        jdbc.sql("update platform.outbox_email set recipient = 'effacé', body = null where lower(recipient) = lower(:to)")
                .param("to", address).update();
    }
}
