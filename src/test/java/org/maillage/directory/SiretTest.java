package org.maillage.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiretTest {

    /** A SIRET passing the Luhn check, from its first 13 digits. */
    static String valid(String thirteen) {
        for (int check = 0; check <= 9; check++) {
            if (Siret.luhn(thirteen + check)) {
                return thirteen + check;
            }
        }
        throw new IllegalStateException();
    }

    @Test
    void theLuhnCheckAcceptsRealNumbersAndRefusesTypos() {
        assertThat(Siret.isValid("73282932000074")).as("a published SIRET").isTrue();
        assertThat(Siret.isValid("73282932000075")).as("last digit changed").isFalse();
        assertThat(Siret.isValid("73282392000074")).as("two digits swapped").isFalse();
        assertThat(Siret.isValid(valid("1234567890001"))).isTrue();
        assertThat(Siret.isValid("7328293200007")).as("13 digits").isFalse();
        assertThat(Siret.isValid("7328293200007A")).isFalse();
        assertThat(Siret.isValid(null)).isFalse();
    }

    @Test
    void laPosteEstablishmentsFollowTheirOwnRule() {
        assertThat(Siret.isValid("35600000000010")).as("digits add up to 15").isTrue();
        assertThat(Siret.isValid("35600000000011")).isFalse();
    }

    @Test
    void copiedNumbersAreNormalised() {
        assertThat(Siret.normalize("732 829 320 00074")).isEqualTo("73282932000074");
        assertThat(Siret.normalize("732.829.320-00074")).isEqualTo("73282932000074");
        assertThat(Siret.normalize(null)).isEmpty();
    }
}
