package org.maillage.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Builds the RFC 9457 problem+json answers of the API, with titles and details in the user's language. */
@Component
class Problems {

    /** One invalid field and why, in the user's language. */
    record FieldProblem(String field, String message) {}

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    ResponseEntity<Object> of(HttpStatusCode status, String detail) {
        return of(status, detail, List.of());
    }

    ResponseEntity<Object> of(HttpStatusCode status, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title(status));
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    String title(HttpStatusCode status) {
        Locale locale = LocaleContextHolder.getLocale();
        String fallback = status instanceof HttpStatus known ? known.getReasonPhrase() : "Error";
        return messages.getMessage("error." + status.value() + ".title", null,
                messages.getMessage("error." + (status.is4xxClientError() ? "4xx" : "5xx") + ".title", null, fallback, locale),
                locale);
    }

    String detail(HttpStatusCode status) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage("error." + status.value() + ".detail", null,
                messages.getMessage("error." + (status.is4xxClientError() ? "4xx" : "5xx") + ".detail", null, "", locale),
                locale);
    }

    String message(String key, Object[] arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

    Map<String, Object> pageModel(HttpStatusCode status, String detail) {
        return Map.of("status", status.value(), "errorTitle", title(status), "errorDetail", detail == null ? detail(status) : detail);
    }

    /** Whether the database could not be reached (no connection within the pool's timeout). */
    static boolean databaseUnreachable(Throwable failure) {
        return failure instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
                || failure instanceof org.springframework.dao.DataAccessResourceFailureException
                || failure instanceof org.springframework.transaction.CannotCreateTransactionException;
    }

    /**
     * Whether the failure is PostgreSQL refusing a text it cannot store (a NUL character: SQL states
     * 22021 and 22P05), which is bad input from the client.
     */
    static boolean unstorableText(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql
                    && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
