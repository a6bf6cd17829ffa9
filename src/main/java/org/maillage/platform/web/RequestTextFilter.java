package org.maillage.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses (400) a request whose parameters (query or form) carry a NUL character: no text people type
 * has one, PostgreSQL cannot store one, and it would otherwise fail deep in a request. People get the
 * French error page, the API a problem+json.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestTextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasNul(request)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasNul(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query != null && (query.contains("%00") || query.indexOf('\u0000') >= 0)) {
            return true;
        }
        try {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                if (parameter.getKey().indexOf('\u0000') >= 0) {
                    return true;
                }
                for (String value : parameter.getValue()) {
                    if (value != null && value.indexOf('\u0000') >= 0) {
                        return true;
                    }
                }
            }
        } catch (IllegalStateException | IllegalArgumentException unreadable) {
            return false; // a body the container cannot read as parameters: the handlers answer it
        }
        return false;
    }
}
