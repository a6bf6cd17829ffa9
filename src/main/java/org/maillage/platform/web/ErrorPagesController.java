package org.maillage.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Everything that ends in the servlet container's error dispatch (unknown page, refused request,
 * unexpected failure): a French page for people, problem+json under {@code /api/}. No stack trace,
 * no exception name, whatever happened.
 */
@Controller
class ErrorPagesController implements ErrorController {

    /** One page for every error; its title and text come from the {@code error.<status>.*} messages. */
    static final String VIEW = "error/page";

    private final Problems problems;

    ErrorPagesController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        HttpStatusCode status = HttpStatusCode.valueOf(statusOf(request));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && path.startsWith(request.getContextPath() + "/api/")) {
            return problems.of(status, problems.detail(status));
        }
        return new ModelAndView(VIEW, problems.pageModel(status, null), status);
    }



    private static int statusOf(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (status instanceof Integer code && code >= 400 && code < 600) {
            return code;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR.value();
    }
}
