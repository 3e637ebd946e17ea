package io.relia.slo.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class GoFloatTest {

    @ParameterizedTest
    @CsvSource({"14.4, 14.4", "6, 6", "0.9990000000000001, 0.9990000000000001", "0.0009999999999999432, 0.0009999999999999432",
        "0.00001, 1e-05", "1000000, 1e+06", "123456, 123456", "0.0001, 0.0001", "5.6000000000000005, 5.6000000000000005",
        "-2.5, -2.5", "1.5e+300, 1.5e+300"})
    void formatsLikeGoPercentG(double value, String go) {
        assertThat(GoFloat.g(value)).isEqualTo(go);
    }

    @ParameterizedTest
    @CsvSource({"99.9, 99.9", "95, 95", "99.95, 99.95"})
    void formatsLikeGoF(double value, String go) {
        assertThat(GoFloat.f(value)).isEqualTo(go);
    }
}
