package io.relia.core.value;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ByteSizeTest {

    @ParameterizedTest
    @CsvSource({"512Mi, 536870912", "1GiB, 1073741824", "10KB, 10000", "45TB, 45000000000000", "100, 100",
        "1.5Gi, 1610612736", "2M, 2000000", "64k, 64000", "8 MiB, 8388608", "1B, 1", "3mb, 3000000"})
    void parsesDecimalAndBinaryUnits(String text, long bytes) {
        assertThat(ByteSize.parse(text).orThrow().bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"500m|milli", "12 parsecs|unknown unit", "0.3B|whole number", "MB|not a size",
        "-1Gi|not a size", "99999999EiB|too large"})
    void refusesWithAnExplanation(String text, String explanation) {
        Parsed.Invalid<ByteSize> invalid = (Parsed.Invalid<ByteSize>) ByteSize.parse(text);
        assertThat(invalid.message() + " " + invalid.hint()).contains(explanation);
    }

    static Stream<Long> randomSizes() {
        Random random = new Random(11L);
        return IntStream.range(0, 400).mapToObj(i -> switch (i % 4) {
            case 0 -> random.nextLong(0, 1L << 40);
            case 1 -> (long) random.nextInt(4096) << (10 * random.nextInt(4));
            case 2 -> (long) random.nextInt(1000) * 1_000_000L;
            default -> (long) random.nextInt(1024);
        });
    }

    @ParameterizedTest
    @MethodSource("randomSizes")
    void formatThenParseIsTheIdentity(long bytes) {
        ByteSize size = new ByteSize(bytes);
        assertThat(ByteSize.parse(size.format()).orThrow()).isEqualTo(size);
    }

    static Stream<String> randomGarbage() {
        return RandomText.strings(5L, "0123456789.kKMGTPEiIbB m-", 400, 10);
    }

    @ParameterizedTest
    @MethodSource("randomGarbage")
    void neverThrowsAndExplainsEveryRefusal(String text) {
        Parsed<ByteSize> parsed = ByteSize.parse(text);
        if (parsed instanceof Parsed.Invalid<ByteSize> invalid) {
            assertThat(invalid.message()).isNotBlank();
            assertThat(invalid.expected()).isNotBlank();
        } else {
            assertThat(parsed.orThrow().bytes()).isNotNegative();
        }
    }
}
