package org.maillage.platform.web;

import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.validation.Validator;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;

/**
 * The conversions of request values bound to forms and parameters, as Spring does them, without
 * reading a target's annotations where no annotation can change the result: a text, a yes/no, an
 * enumeration or a UUID. Spring looks its converter up by the pair of types, annotations included:
 * the target of a record's component is new at each request, so the JDK parses the constructor's
 * annotations again to compare them, about 10 % of the CPU of a "Je porte un projet" request (a JFR
 * profile, docs/BENCHMARKS.md §11). {@link FormBinding} keeps the parameters' names for the same reason.
 * Dates and numbers keep their annotations ({@code @DateTimeFormat}, the French decimal comma).
 */
final class FormConversion implements ConversionService {

    private final ConversionService spring;

    FormConversion(ConversionService spring) {
        this.spring = spring;
    }

    /** The target a converter is looked up with: the type alone when its annotations cannot matter. */
    static TypeDescriptor plain(TypeDescriptor target) {
        if (target == null) {
            return null;
        }
        Class<?> type = target.getType();
        boolean plain = type == String.class || type == Boolean.class || type == boolean.class || type == UUID.class
                || type.isEnum();
        return plain ? TypeDescriptor.valueOf(type) : target;
    }

    @Override
    public boolean canConvert(Class<?> sourceType, Class<?> targetType) {
        return spring.canConvert(sourceType, targetType);
    }

    @Override
    public boolean canConvert(TypeDescriptor sourceType, TypeDescriptor targetType) {
        return spring.canConvert(sourceType, plain(targetType));
    }

    @Override
    public <T> T convert(Object source, Class<T> targetType) {
        return spring.convert(source, targetType);
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        return spring.convert(source, sourceType, plain(targetType));
    }

    /** What Spring Boot's web configuration sets for binding (Boot uses this bean when there is one). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Binding {

        @Bean
        ConfigurableWebBindingInitializer webBindingInitializer(
                @Qualifier("mvcConversionService") FormattingConversionService conversions,
                @Qualifier("mvcValidator") Validator validator) {
            ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer();
            initializer.setConversionService(new FormConversion(conversions));
            initializer.setValidator(validator);
            return initializer;
        }
    }
}
