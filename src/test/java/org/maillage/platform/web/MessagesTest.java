package org.maillage.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** French is complete and every French text has its English translation (and the other way round). */
class MessagesTest {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void frenchAndEnglishHaveTheSameKeys() throws IOException {
        Properties french = load("messages.properties");
        Properties english = load("messages_en.properties");
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(french.stringPropertyNames());
    }

    @Test
    void frenchTextsWithArgumentsUseTypographicApostrophes() throws IOException {
        // A straight apostrophe would be swallowed by MessageFormat in messages with {0} arguments.
        Properties french = load("messages.properties");
        assertThat(french.stringPropertyNames())
                .filteredOn(key -> french.getProperty(key).contains("{0}"))
                .allSatisfy(key -> assertThat(french.getProperty(key)).as(key).doesNotContain("'"));
    }
}
