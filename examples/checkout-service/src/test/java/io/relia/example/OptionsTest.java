package io.relia.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void checkoutDefaultsToPort8080OnLoopbackCallingPaymentsOn8081() throws UsageException {
        Options options = Options.parse(List.of("checkout"));

        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.paymentsUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
    }

    @Test
    void paymentsDefaultsToPort8081WithoutFailuresOrLatency() throws UsageException {
        Options options = Options.parse(List.of("payments"));

        assertThat(options.port()).isEqualTo(8081);
        assertThat(options.failureRate()).isZero();
        assertThat(options.latency()).isZero();
        assertThat(options.seed()).isEmpty();
    }

    @Test
    void acceptsSeparateAndEqualsSignValues() throws UsageException {
        Options options = Options.parse(List.of("payments", "--port", "0", "--failure-rate=0.25", "--latency", "20ms",
                "--seed=7", "--host=0.0.0.0"));

        assertThat(options.port()).isZero();
        assertThat(options.failureRate()).isEqualTo(0.25);
        assertThat(options.latency()).isEqualTo(Duration.ofMillis(20));
        assertThat(options.seed()).hasValue(7);
        assertThat(options.host()).isEqualTo("0.0.0.0");
    }

    @ParameterizedTest
    @CsvSource({"20ms, 20", "20, 20", "2s, 2000", "1m, 60000", "0, 0"})
    void parsesDurationsInMillisSecondsAndMinutes(String text, long millis) {
        assertThat(Options.duration(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void rejectsAFailureRateAboveOne() {
        assertThatThrownBy(() -> Options.parse(List.of("payments", "--failure-rate", "1.5")))
                .isInstanceOf(UsageException.class).hasMessageContaining("--failure-rate");
    }

    @Test
    void rejectsAnOptionThatBelongsToTheOtherService() {
        assertThatThrownBy(() -> Options.parse(List.of("checkout", "--latency", "20ms")))
                .isInstanceOf(UsageException.class).hasMessageContaining("unknown option for checkout");
    }

    @Test
    void rejectsAPaymentsUrlThatIsNotHttp() {
        assertThatThrownBy(() -> Options.parse(List.of("checkout", "--payments-url", "ftp://x")))
                .isInstanceOf(UsageException.class).hasMessageContaining("--payments-url");
    }

    @Test
    void rejectsAnUnknownService() {
        assertThatThrownBy(() -> Options.parse(List.of("inventory")))
                .isInstanceOf(UsageException.class).hasMessageContaining("checkout or payments");
    }

    @Test
    void rejectsAnOptionWithoutValue() {
        assertThatThrownBy(() -> Options.parse(List.of("checkout", "--port")))
                .isInstanceOf(UsageException.class).hasMessageContaining("needs a value");
    }
}
