package io.relia.load.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestMixTest {

    private static int[] counts(RequestMix mix, int weights, long from, int requests) {
        int[] counts = new int[weights];
        for (long n = from; n < from + requests; n++) {
            counts[mix.at(n)]++;
        }
        return counts;
    }

    @Test
    void eightToTwoGivesFourToOneInEveryCycleOfFive() {
        RequestMix mix = RequestMix.of(8, 2);

        assertThat(mix.cycleLength()).isEqualTo(5);
        assertThat(IntStream.range(0, 10).map(n -> mix.next()).toArray())
                .containsExactly(0, 0, 1, 0, 0, 0, 0, 1, 0, 0);
    }

    @Test
    void interleavesRatherThanSendingRuns() {
        RequestMix mix = RequestMix.of(5, 1, 1);

        assertThat(IntStream.range(0, 7).map(mix::at).toArray()).containsExactly(0, 0, 1, 0, 2, 0, 0);
    }

    @Test
    void decimalWeightsKeepTheirProportions() {
        RequestMix mix = RequestMix.of(0.5, 1.5);

        assertThat(mix.cycleLength()).isEqualTo(4);
        assertThat(counts(mix, 2, 0, 4)).containsExactly(1, 3);
    }

    @Test
    void forksStartAtTheBeginningOfTheSameCycle() {
        RequestMix mix = RequestMix.of(3, 1);
        mix.next();

        RequestMix fork = mix.fork();

        assertThat(fork.next()).isEqualTo(mix.at(0));
        assertThat(fork.cycleLength()).isEqualTo(4);
    }

    @Test
    void refusesAMixWithoutWeights() {
        assertThatThrownBy(RequestMix::of).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 100).mapToObj(i -> 0x313L + i);
    }

    /** Any window of one cycle, starting anywhere, holds each request exactly its weight times. */
    @ParameterizedTest
    @MethodSource("seeds")
    void everyCycleHoldsEachRequestExactlyItsWeight(long seed) {
        Random random = new Random(seed);
        double[] weights = IntStream.range(0, 1 + random.nextInt(6)).mapToDouble(i -> 1 + random.nextInt(50))
                .toArray();
        int gcd = Arrays.stream(weights).mapToInt(w -> (int) w).reduce(0, RequestMixTest::gcd);
        RequestMix mix = RequestMix.of(weights);
        long start = random.nextInt(1_000_000);

        int[] counts = counts(mix, weights.length, start, mix.cycleLength());

        assertThat(mix.cycleLength()).isEqualTo((int) Arrays.stream(weights).sum() / gcd);
        assertThat(counts).containsExactly(Arrays.stream(weights).mapToInt(w -> (int) w / gcd).toArray());
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
