package org.maillage.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Dates and amounts as people type them in French forms. */
class FrenchInputTest {

    @Test
    void datesFromThePickerOrAsWrittenAndOnlyRealOnes() {
        assertThat(FrenchInput.date("2027-06-30")).contains(LocalDate.of(2027, 6, 30));
        assertThat(FrenchInput.date(" 30/6/2027 ")).contains(LocalDate.of(2027, 6, 30));
        assertThat(FrenchInput.date("31/02/2027")).as("no 31 February").isEmpty();
        assertThat(FrenchInput.date("+999999999-01-01")).as("a year the database refuses").isEmpty();
        assertThat(FrenchInput.date("demain")).isEmpty();
        assertThat(FrenchInput.date("")).isEmpty();
    }

    @Test
    void amountsWithSpacesCommasDotsAndEuros() {
        assertThat(FrenchInput.decimal("35 000")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("35000"));
        assertThat(FrenchInput.decimal("35\u202f000 €")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("35000"));
        assertThat(FrenchInput.decimal("35.000")).as("a dot grouping thousands")
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("35000"));
        assertThat(FrenchInput.decimal("1.250,50")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1250.5"));
        assertThat(FrenchInput.decimal("17,5")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("17.5"));
        assertThat(FrenchInput.decimal("17.5")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("17.5"));
        assertThat(FrenchInput.decimal("trente")).isEmpty();
        assertThat(FrenchInput.decimal("1e9")).isEmpty();
    }
}
