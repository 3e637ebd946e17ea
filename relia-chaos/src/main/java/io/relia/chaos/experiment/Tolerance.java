package io.relia.chaos.experiment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a probe's output must be for the steady state to hold, with Chaos Toolkit's semantics (chaostoolkit-lib
 * {@code hypothesis.py}) plus Relia's native {@link Condition}s. Outputs are plain Java values as JSON holds them:
 * maps, lists, strings, numbers, booleans, null.
 */
public sealed interface Tolerance {

    /** Whether {@code output} satisfies the tolerance. */
    boolean met(Object output);

    /** A short human form for plans and reports. */
    String describe();

    /**
     * A boolean or text equals the output; an integer equals {@code output.status} when the output is a map with a
     * status (an HTTP or process result), else the output itself.
     */
    record Equals(Object expected) implements Tolerance {
        public Equals {
            if (!(expected instanceof Boolean || expected instanceof String || expected instanceof Number)) {
                throw new IllegalArgumentException("an equality tolerance is a boolean, text or number: " + expected);
            }
        }

        @Override
        public boolean met(Object output) {
            if (expected instanceof Number number) {
                Object actual = output instanceof Map<?, ?> map && map.containsKey("status") ? map.get("status")
                        : output;
                return Values.sameNumber(number, actual);
            }
            return expected.equals(output);
        }

        @Override
        public String describe() {
            return "== " + expected;
        }
    }

    /**
     * A list: {@code output.status} in the list for map outputs; else an inclusive {@code [min, max]} range when it
     * holds two numbers and the output is a number; else membership.
     */
    record AnyOf(List<Object> values) implements Tolerance {
        public AnyOf {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a list tolerance needs at least one value");
            }
        }

        @Override
        public boolean met(Object output) {
            if (output instanceof Map<?, ?> map && map.containsKey("status")) {
                Object status = map.get("status");
                return values.stream().anyMatch(value -> Values.same(value, status));
            }
            if (values.size() == 2 && values.get(0) instanceof Number low && values.get(1) instanceof Number high
                    && output instanceof Number actual) {
                BigDecimal value = Values.decimal(actual);
                return value.compareTo(Values.decimal(low)) >= 0 && value.compareTo(Values.decimal(high)) <= 0;
            }
            return values.stream().anyMatch(value -> Values.same(value, output));
        }

        @Override
        public String describe() {
            return "in " + values;
        }
    }

    /** The target (a key of a map output, or the output itself) as text matches a regular expression (find). */
    record Regex(Pattern pattern, Optional<String> target) implements Tolerance {
        public Regex {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(target, "target");
        }

        @Override
        public boolean met(Object output) {
            Object value = Values.target(output, target);
            return value != null && pattern.matcher(value instanceof String text ? text : Values.json(value)).find();
        }

        @Override
        public String describe() {
            return "matches /" + pattern.pattern() + "/";
        }
    }

    /**
     * A JSONPath ({@link JsonPath}) into the target finds values: at least one when neither {@code expect} nor
     * {@code count} is given; all equal to {@code expect} when given; exactly {@code count} of them when given.
     */
    record JsonPathMatch(JsonPath path, Optional<String> target, Optional<Object> expect, Optional<Integer> count)
            implements Tolerance {
        public JsonPathMatch {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(expect, "expect");
            Objects.requireNonNull(count, "count");
        }

        @Override
        public boolean met(Object output) {
            Object value = Values.target(output, target);
            if (value instanceof String text) {
                value = Values.parseJson(text).orElse(text);
            }
            List<Object> found = path.select(value);
            if (count.isPresent() && found.size() != count.get()) {
                return false;
            }
            if (expect.isPresent()) {
                return !found.isEmpty() && found.stream().allMatch(each -> Values.same(expect.get(), each));
            }
            return count.isPresent() || !found.isEmpty();
        }

        @Override
        public String describe() {
            return "jsonpath " + path.text() + expect.map(value -> " == " + value).orElse("")
                    + count.map(value -> " (count " + value + ")").orElse("");
        }
    }

    /** The target is a number within {@code [min, max]}, inclusive, compared as decimals. */
    record Range(BigDecimal min, BigDecimal max, Optional<String> target) implements Tolerance {
        public Range {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            Objects.requireNonNull(target, "target");
            if (min.compareTo(max) > 0) {
                throw new IllegalArgumentException("a range's minimum is at most its maximum: " + min + " > " + max);
            }
        }

        @Override
        public boolean met(Object output) {
            Object value = Values.target(output, target);
            Optional<BigDecimal> number = Values.number(value);
            return number.isPresent() && number.get().compareTo(min) >= 0 && number.get().compareTo(max) <= 0;
        }

        @Override
        public String describe() {
            return "in [" + min.toPlainString() + ", " + max.toPlainString() + "]";
        }
    }

    /** Relia's native form: the output is a measurement (ms, ratio, 1/0) that satisfies a {@link Condition}. */
    record Meets(Condition condition) implements Tolerance {
        public Meets {
            Objects.requireNonNull(condition, "condition");
        }

        @Override
        public boolean met(Object output) {
            if (output instanceof Boolean bool) {
                return condition.holds(bool ? 1 : 0);
            }
            return Values.number(output).map(value -> condition.holds(value.doubleValue())).orElse(false);
        }

        @Override
        public String describe() {
            return condition.format();
        }
    }
}
