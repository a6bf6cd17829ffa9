package org.maillage.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import testsupport.FailingPageForTests;

/**
 * The whole application on a random port against a real embedded PostgreSQL in a temporary
 * directory, with the Brittany reference data loaded, sending its emails to the in-process SMTP
 * server of {@link TestMail}. Every integration test uses this same configuration, so they share one
 * application context and one database server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "maillage.embedded-database.temporary=true")
@Import({FailingPageForTests.class, TestUsers.class})
@ContextConfiguration(initializers = TestMail.class)
public @interface MaillageIntegrationTest {}
