package org.maillage.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import org.maillage.platform.MapProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A strict Content-Security-Policy with a nonce drawn for each request: only scripts carrying that
 * nonce run (ours are files, loaded with it), no inline script, no inline style, no framing.
 * Swagger UI, on its own paths, gets the looser policy of its security chain instead.
 */
class ContentSecurityPolicyFilter extends OncePerRequestFilter {

    private final String tileOrigin;

    ContentSecurityPolicyFilter(String tileOrigin) {
        this.tileOrigin = tileOrigin;
    }

    static final String NONCE_ATTRIBUTE = "cspNonce";
    static final String API_DOCS_UI = "/api/docs/swagger-ui/";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getEncoder().encodeToString(bytes);
        request.setAttribute(NONCE_ATTRIBUTE, nonce);
        response.setHeader("Content-Security-Policy", policy(nonce, tileOrigin));
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + API_DOCS_UI);
    }

    /** The policy; {@code tileOrigin} is the map tile server, the only other place images come from. */
    static String policy(String nonce, String tileOrigin) {
        return "default-src 'self'; script-src 'nonce-" + nonce + "' 'strict-dynamic'; style-src 'self'; "
                + "img-src 'self' data: " + tileOrigin + "; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<ContentSecurityPolicyFilter> contentSecurityPolicyFilter(MapProperties map) {
            FilterRegistrationBean<ContentSecurityPolicyFilter> registration =
                    new FilterRegistrationBean<>(new ContentSecurityPolicyFilter(map.tileOrigin()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }
}
