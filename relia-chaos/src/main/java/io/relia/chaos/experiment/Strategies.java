package io.relia.chaos.experiment;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When the steady-state hypothesis is checked and when rollbacks run (Chaos Toolkit's {@code runtime}).
 *
 * @param hypothesis when the hypothesis is checked
 * @param frequency  for {@link Hypothesis#CONTINUOUSLY}: how often during the method
 * @param rollbacks  when rollbacks run
 */
public record Strategies(Hypothesis hypothesis, Duration frequency, Rollbacks rollbacks) {

    /** Default: hypothesis before and after the method, rollbacks always. */
    public static final Strategies DEFAULT = new Strategies(Hypothesis.DEFAULT, Duration.ofSeconds(1),
            Rollbacks.DEFAULT);

    public Strategies {
        Objects.requireNonNull(hypothesis, "hypothesis");
        Objects.requireNonNull(rollbacks, "rollbacks");
        if (frequency.isNegative() || frequency.isZero()) {
            throw new IllegalArgumentException("the hypothesis frequency is positive");
        }
    }

    /** Chaos Toolkit's hypothesis strategies. */
    public enum Hypothesis {
        DEFAULT, BEFORE_METHOD_ONLY, AFTER_METHOD_ONLY, DURING_METHOD_ONLY, CONTINUOUSLY;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Hypothesis> parse(String id) {
            return Arrays.stream(values()).filter(value -> value.id().equals(id.strip())).findFirst();
        }

        public boolean before() {
            return this == DEFAULT || this == BEFORE_METHOD_ONLY || this == CONTINUOUSLY;
        }

        public boolean after() {
            return this == DEFAULT || this == AFTER_METHOD_ONLY || this == CONTINUOUSLY;
        }

        public boolean during() {
            return this == DURING_METHOD_ONLY || this == CONTINUOUSLY;
        }
    }

    /** Chaos Toolkit's rollback strategies. */
    public enum Rollbacks {
        /**
         * Always, as {@link #ALWAYS}: unlike Chaos Toolkit (which skips them after a failure or an interruption),
         * because a fault left in place after a failed run does more harm than a redundant rollback.
         */
        DEFAULT,
        ALWAYS,
        NEVER,
        /** Only when the steady state deviated. */
        DEVIATED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Rollbacks> parse(String id) {
            return Arrays.stream(values()).filter(value -> value.id().equals(id.strip())).findFirst();
        }
    }
}
