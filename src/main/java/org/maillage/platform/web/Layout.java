package org.maillage.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.maillage.platform.Actor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the shared layout needs on every page, error pages included: the current path (navigation)
 * the link to this page in the other language, the signed-in person, dates. Used in templates as
 * {@code ${@layout...}}. (The CSP nonce is the request attribute {@code cspNonce}: Thymeleaf refuses
 * bean calls in the attributes of script tags.)
 */
@Component("layout")
public class Layout {

    /** The other language of the site and the link to this page in it. */
    public record LanguageSwitch(String language, String url) {}

    /**
     * The signed-in person, for the header.
     *
     * @param spacePath their space: {@code /mon-espace} for a porteur, {@code /espace} for staff
     */
    public record SignedIn(String displayName, String spacePath) {}

    /** The signed-in person, or null for a visitor. */
    public SignedIn signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Actor actor)) {
            return null;
        }
        boolean staff = authentication.getAuthorities().stream()
                .anyMatch(authority -> !"ROLE_PORTEUR".equals(authority.getAuthority()));
        return new SignedIn(actor.displayName(), staff ? "/espace" : "/mon-espace");
    }

    public String currentPath() {
        HttpServletRequest request = currentRequest();
        if (request == null) {
            return "/";
        }
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = errorUri instanceof String original ? original : request.getRequestURI();
        return uri.substring(Math.min(uri.length(), request.getContextPath().length()));
    }

    public LanguageSwitch languageSwitch() {
        Locale locale = LocaleContextHolder.getLocale();
        String other = "en".equals(locale.getLanguage()) ? "fr" : "en";
        HttpServletRequest request = currentRequest();
        if (request == null || request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null) {
            return new LanguageSwitch(other, "?" + WebConfiguration.LANGUAGE_PARAMETER + "=" + other);
        }
        String url = UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString())
                .replaceQueryParam(WebConfiguration.LANGUAGE_PARAMETER, other)
                .build()
                .toUriString();
        return new LanguageSwitch(other, url);
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Paris"));

    /** "23/11/2026 14:05", French time, for dates shown in pages. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ZoneId.of("Europe/Paris"));

    /** "23/11/2026", the day in France. */
    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
