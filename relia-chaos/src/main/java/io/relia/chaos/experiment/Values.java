package io.relia.chaos.experiment;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** Comparisons of plain JSON-like values (maps, lists, text, numbers, booleans) as tolerances need them. */
final class Values {

    private Values() {
    }

    static boolean sameNumber(Number expected, Object actual) {
        return number(actual).map(value -> value.compareTo(decimal(expected)) == 0).orElse(false);
    }

    /** Equality where 200 (a long) equals 200.0 (a double) and text equals text. */
    static boolean same(Object expected, Object actual) {
        if (expected instanceof Number number && actual instanceof Number) {
            return sameNumber(number, actual);
        }
        return expected == null ? actual == null : expected.equals(actual);
    }

    static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
    }

    /** A number, or text holding one (process output such as {@code "42\n"}). */
    static Optional<BigDecimal> number(Object value) {
        if (value instanceof Number number) {
            if (number instanceof Double d && (d.isNaN() || d.isInfinite())) {
                return Optional.empty();
            }
            return Optional.of(decimal(number));
        }
        if (value instanceof String text) {
            try {
                return Optional.of(new BigDecimal(text.strip()));
            } catch (NumberFormatException notNumber) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The part of an output a tolerance looks at: the named key of a map output; without a name, the body of an
     * HTTP result or the stdout of a process result, else the output itself.
     */
    static Object target(Object output, Optional<String> target) {
        if (output instanceof Map<?, ?> map) {
            if (target.isPresent()) {
                return map.get(target.get());
            }
            if (map.containsKey("body")) {
                return map.get("body");
            }
            if (map.containsKey("stdout")) {
                return map.get("stdout");
            }
        }
        return output;
    }

    static Optional<Object> parseJson(String text) {
        try {
            return Optional.ofNullable(JsonMapper.shared().readValue(text, Object.class));
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }

    static String json(Object value) {
        return JsonMapper.shared().writeValueAsString(value);
    }
}
