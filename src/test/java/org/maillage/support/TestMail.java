package org.maillage.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * A real SMTP server in the test JVM (GreenMail) on a free port, shared by every test context,
 * which can be stopped and started again on the same port (SMTP outage). The context initializer
 * points Spring's mail sender at it and makes the outbox sender poll often.
 */
public final class TestMail implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final int PORT = freePort();
    private static GreenMail server = start();
    private static boolean running = true;

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized GreenMail start() {
        GreenMail mail = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                "spring.mail.host=127.0.0.1", "spring.mail.port=" + PORT,
                "maillage.mail.poll-interval=200ms", "maillage.mail.first-retry=1s");
    }

    /** The SMTP server goes down (connections refused) until {@link #restart}. */
    public static synchronized void stop() {
        if (running) {
            server.stop();
            running = false;
        }
    }

    /** Back on the same port (without the messages received before); nothing when already running. */
    public static synchronized void restart() {
        if (!running) {
            server = start();
            running = true;
        }
    }

    /** Messages received for this address so far. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> recipient(message).equalsIgnoreCase(address))
                .toList();
    }

    /** Waits (up to 15 s) until this many messages reached the address, and returns them. */
    public static List<MimeMessage> await(String address, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> to(address), messages -> messages.size() >= count);
    }

    /** Messages received for this address so far whose text contains {@code text}. */
    public static List<MimeMessage> to(String address, String text) {
        return to(address).stream().filter(message -> body(message).contains(text)).toList();
    }

    /**
     * Waits (up to 15 s) until this many messages containing {@code text} reached the address (other
     * messages, such as an account's invitation, do not count), and returns them.
     */
    public static List<MimeMessage> await(String address, String text, int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> to(address, text), messages -> messages.size() >= count);
    }

    /** The text of the message. */
    public static String body(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof String text ? text : String.valueOf(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first link of the message whose path starts with this, with the server part removed. */
    public static String link(MimeMessage message, String pathPrefix) {
        Matcher link = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(pathPrefix) + "[^\\s]*)").matcher(body(message));
        if (!link.find()) {
            throw new AssertionError("no link to " + pathPrefix + " in:\n" + body(message));
        }
        return link.group(1);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
