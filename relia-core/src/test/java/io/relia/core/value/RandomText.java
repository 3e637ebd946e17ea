package io.relia.core.value;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Seeded random strings for property tests: the same seed gives the same inputs on every run. */
public final class RandomText {

    private RandomText() {
    }

    /** {@code count} strings of 0..maxLength-1 characters drawn from {@code alphabet}. */
    public static Stream<String> strings(long seed, String alphabet, int count, int maxLength) {
        Random random = new Random(seed);
        return IntStream.range(0, count).mapToObj(i -> {
            StringBuilder text = new StringBuilder();
            for (int c = random.nextInt(maxLength); c > 0; c--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return text.toString();
        });
    }
}
