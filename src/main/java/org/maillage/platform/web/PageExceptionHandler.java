package org.maillage.platform.web;

import org.maillage.platform.NotFoundException;
import org.maillage.platform.RuleViolationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/** Errors of the HTML pages: the French error page with the reason, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private final Problems problems;

    PageExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, problems.message(e.messageKey(), e.arguments()));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e) {
        return page(HttpStatus.CONTENT_TOO_LARGE, problems.message("import.file.tooLarge", new Object[0]));
    }

    @ExceptionHandler(RuleViolationException.class)
    ModelAndView ruleViolation(RuleViolationException e) {
        return page(HttpStatus.CONFLICT, problems.message(e.messageKey(), e.arguments()));
    }

    /**
     * A text PostgreSQL cannot store (a NUL character in a JSON or multipart body): bad input, not a
     * failure. The database out of reach: 503, try again shortly.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessException.class,
            org.springframework.transaction.CannotCreateTransactionException.class})
    ModelAndView database(RuntimeException e) {
        if (Problems.unstorableText(e)) {
            return page(HttpStatus.BAD_REQUEST, null);
        }
        if (Problems.databaseUnreachable(e)) {
            return page(HttpStatus.SERVICE_UNAVAILABLE, null);
        }
        throw e;
    }

    private ModelAndView page(HttpStatus status, String detail) {
        return new ModelAndView(ErrorPagesController.VIEW, problems.pageModel(status, detail), status);
    }
}
