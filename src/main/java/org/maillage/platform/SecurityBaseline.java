package org.maillage.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers every page of Maillage carries, for the module that builds the security filter chain.
 * The Content-Security-Policy, with a fresh nonce per request, is written by the platform's own
 * filter (Spring Security's is static).
 */
public final class SecurityBaseline {

    private SecurityBaseline() {}

    public static HttpSecurity apply(HttpSecurity http) throws Exception {
        return http.headers(headers -> headers
                .contentTypeOptions(options -> { })
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()"))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
    }
}
