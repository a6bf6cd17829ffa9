package org.maillage.platform.web;

import java.lang.reflect.Executable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.validation.DataBinder;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.support.BindParamNameResolver;

/**
 * Forms bind to records through their constructor. For each component, Spring asks the name of the
 * request parameter ({@code @BindParam}, else the component's name), and the JDK parses again the
 * annotations of every parameter of the constructor to answer: for a form of 15 fields, 225 parses a
 * request, 13 % of the CPU of a "Je porte un projet" request under load (a JFR profile, see
 * docs/BENCHMARKS.md §11). The answer never changes for a constructor's parameter: it is kept.
 */
@ControllerAdvice
class FormBinding {

    private record Parameter(Executable executable, int index) {}

    private static final DataBinder.NameResolver SPRING = new BindParamNameResolver();
    private static final Map<Parameter, Optional<String>> NAMES = new ConcurrentHashMap<>();

    private static final DataBinder.NameResolver KEPT = parameter -> NAMES.computeIfAbsent(
            new Parameter(parameter.getExecutable(), parameter.getParameterIndex()),
            key -> Optional.ofNullable(SPRING.resolveName(parameter))).orElse(null);

    @InitBinder
    void keepParameterNames(WebDataBinder binder) {
        binder.setNameResolver(KEPT);
    }

    /** For tests: the name a form's parameter is bound from. */
    static String nameOf(MethodParameter parameter) {
        return KEPT.resolveName(parameter);
    }
}
