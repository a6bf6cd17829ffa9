package org.maillage.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.support.DefaultFormattingConversionService;

/** Form values convert as Spring converts them; only the lookup skips annotations that cannot matter. */
class FormConversionTest {

    enum Colour { RED, BLUE }

    record Form(String name, Boolean yes, boolean consent, UUID key, Colour colour, Set<Colour> colours,
            @DateTimeFormat(pattern = "dd/MM/yyyy") LocalDate day, BigDecimal amount) {}

    private static TypeDescriptor component(int index) {
        Constructor<?> constructor = Form.class.getDeclaredConstructors()[0];
        return new TypeDescriptor(new MethodParameter(constructor, index));
    }

    @Test
    void textsYesNoEnumerationsAndKeysAreLookedUpByTheirTypeAlone() {
        for (int i : new int[] {0, 1, 2, 3, 4}) {
            TypeDescriptor target = component(i);
            assertThat(FormConversion.plain(target)).isEqualTo(TypeDescriptor.valueOf(target.getType()));
            assertThat(FormConversion.plain(target).getAnnotations()).isEmpty();
        }
    }

    @Test
    void collectionsDatesAndNumbersKeepTheirDescriptor() {
        for (int i : new int[] {5, 6, 7}) {
            TypeDescriptor target = component(i);
            assertThat(FormConversion.plain(target)).isSameAs(target);
        }
    }

    @Test
    void theValuesConvertAsSpringConvertsThem() {
        FormConversion conversion = new FormConversion(new DefaultFormattingConversionService());
        TypeDescriptor text = TypeDescriptor.valueOf(String.class);
        assertThat(conversion.convert(" Yann ", text, component(0))).isEqualTo(" Yann ");
        assertThat(conversion.convert("on", text, component(1))).isEqualTo(true);
        assertThat(conversion.convert("false", text, component(2))).isEqualTo(false);
        UUID key = UUID.randomUUID();
        assertThat(conversion.convert(key.toString(), text, component(3))).isEqualTo(key);
        assertThat(conversion.convert("BLUE", text, component(4))).isEqualTo(Colour.BLUE);
        assertThat(conversion.convert("", text, component(4))).isNull();
        assertThat(conversion.convert("RED,BLUE", text, component(5))).isEqualTo(Set.of(Colour.RED, Colour.BLUE));
        assertThat(conversion.convert("03/12/2026", text, component(6))).isEqualTo(LocalDate.of(2026, 12, 3));
    }
}
