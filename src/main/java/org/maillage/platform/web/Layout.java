package org.maillage.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the shared layout needs on every page, error pages included: the current path (navigation)
 * and the link to this page in the other language. Used in templates as {@code ${@layout...}}.
 */
@Component("layout")
public class Layout {

    /** The other language of the site and the link to this page in it. */
    public record LanguageSwitch(String language, String url) {}

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

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
