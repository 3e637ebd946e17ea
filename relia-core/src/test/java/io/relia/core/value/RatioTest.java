package io.relia.core.value;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RatioTest {

    @ParameterizedTest
    @CsvSource({"99.95%, 0.9995", "0.9995, 0.9995", "100%, 1", "0%, 0", "1, 1", "99.9 %, 0.999", "5e-1, 0.5"})
    void parsesPercentagesAndRatios(String text, String ratio) {
        assertThat(Ratio.parse(text).orThrow().value()).isEqualByComparingTo(new BigDecimal(ratio));
    }

    @Test
    void complementIsExact() {
        assertThat(Ratio.parse("99.95%").orThrow().complement().value()).isEqualByComparingTo("0.0005");
        assertThat(Ratio.parse("99.95%").orThrow().complement().format()).isEqualTo("0.05%");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"99.95|write 99.95% if you mean a percentage", "101%|more than 100%",
        "-1%|negative", "abc|not a number", "''|empty", "1.2.3|not a number"})
    void refusesWithAnExplanation(String text, String explanation) {
        Parsed.Invalid<Ratio> invalid = (Parsed.Invalid<Ratio>) Ratio.parse(text);
        assertThat(invalid.message() + " " + invalid.hint()).contains(explanation);
    }

    static Stream<BigDecimal> randomRatios() {
        Random random = new Random(99L);
        return IntStream.range(0, 300).mapToObj(i -> BigDecimal.valueOf(random.nextInt(1_000_001), 6));
    }

    @ParameterizedTest
    @MethodSource("randomRatios")
    void formatThenParseIsTheIdentity(BigDecimal value) {
        Ratio ratio = new Ratio(value);
        assertThat(Ratio.parse(ratio.format()).orThrow()).isEqualTo(ratio);
        assertThat(Ratio.parse(ratio.value().toPlainString()).orThrow()).isEqualTo(ratio);
    }

    static Stream<String> randomGarbage() {
        return RandomText.strings(3L, "0123456789.%eE+- x", 400, 10);
    }

    @ParameterizedTest
    @MethodSource("randomGarbage")
    void neverThrowsAndStaysInRange(String text) {
        Parsed<Ratio> parsed = Ratio.parse(text);
        if (parsed instanceof Parsed.Ok<Ratio>(Ratio ratio)) {
            assertThat(ratio.asDouble()).isBetween(0.0, 1.0);
        } else {
            assertThat(((Parsed.Invalid<Ratio>) parsed).message()).isNotBlank();
        }
    }
}
