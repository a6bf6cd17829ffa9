package org.maillage.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.BindParam;

class FormBindingTest {

    record Form(@BindParam("nom") String name, String email) {}

    @Test
    void aFormParameterIsBoundFromItsBindParamNameElseItsOwnAndTheAnswerIsKept() throws Exception {
        Constructor<Form> constructor = Form.class.getDeclaredConstructor(String.class, String.class);
        for (int round = 0; round < 2; round++) {
            assertThat(FormBinding.nameOf(MethodParameter.forFieldAwareConstructor(constructor, 0, "name"))).isEqualTo("nom");
            assertThat(FormBinding.nameOf(MethodParameter.forFieldAwareConstructor(constructor, 1, "email"))).isNull();
        }
    }
}
