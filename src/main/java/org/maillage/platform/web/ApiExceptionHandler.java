package org.maillage.platform.web;

import java.util.List;
import org.maillage.platform.NotFoundException;
import org.maillage.platform.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the JSON API as RFC 9457 problem+json, with a French detail (English with
 * {@code ?lang=en}) and, for invalid input, the list of fields and reasons. Never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Problems problems;

    ApiExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return problems.of(HttpStatus.NOT_FOUND, problems.message(e.messageKey(), e.arguments()));
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<Object> ruleViolation(RuleViolationException e) {
        return problems.of(HttpStatus.CONFLICT, problems.message(e.messageKey(), e.arguments()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // Spring Security answers: 401 or 403 problem
        }
        if (Problems.unstorableText(e)) {
            return invalid(List.of());
        }
        if (Problems.databaseUnreachable(e)) {
            return problems.of(HttpStatus.SERVICE_UNAVAILABLE, problems.detail(HttpStatus.SERVICE_UNAVAILABLE));
        }
        log.error("Unexpected error in the API", e);
        return problems.of(HttpStatus.INTERNAL_SERVER_ERROR, problems.detail(HttpStatus.INTERNAL_SERVER_ERROR));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<Problems.FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new Problems.FieldProblem(error.getField(), fieldMessage(error)))
                .toList();
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> error instanceof FieldError field
                                ? new Problems.FieldProblem(field.getField(), fieldMessage(field))
                                : new Problems.FieldProblem(result.getMethodParameter().getParameterName(),
                                        resolvableMessage(error))))
                .toList();
        return invalid(errors);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() == null ? "?" : e.getPropertyName();
        return invalid(List.of(new Problems.FieldProblem(name,
                problems.message("validation.typeMismatch", new Object[] {name}))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(List.of(new Problems.FieldProblem(e.getParameterName(),
                problems.message("validation.missing", new Object[] {e.getParameterName()}))));
    }

    /** Everything else Spring MVC rejects (missing parameter, wrong type, unknown route…). */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problems.of(status, problems.detail(status));
    }

    private ResponseEntity<Object> invalid(List<Problems.FieldProblem> errors) {
        String detail = errors.isEmpty() ? problems.detail(HttpStatus.BAD_REQUEST)
                : errors.stream().map(Problems.FieldProblem::message).distinct()
                        .reduce((a, b) -> a + " " + b).orElseThrow();
        return problems.of(HttpStatus.BAD_REQUEST, detail, errors);
    }

    private String fieldMessage(FieldError error) {
        return error.isBindingFailure() ? problems.message("validation.typeMismatch", new Object[] {error.getField()})
                : resolvableMessage(error);
    }

    private String resolvableMessage(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? problems.detail(HttpStatus.BAD_REQUEST) : error.getDefaultMessage();
    }
}
