package testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pages that fail on purpose, to check what a user sees of an unexpected error (tests only). Outside
 * {@code org.maillage} so that only tests that import this configuration (and its nested controllers) have them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FailingPageForTests {

    public static final String SECRET = "SensitiveInternalDetail-42";

    @Controller
    static class FailingPage {
        @GetMapping("/test/failure")
        String fail() {
            throw new IllegalStateException(SECRET);
        }
    }

    @RestController
    static class FailingApi {
        @GetMapping("/api/test/failure")
        String fail() {
            throw new IllegalStateException(SECRET);
        }
    }
}
