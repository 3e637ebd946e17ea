package io.relia.core.value;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Problems;

import java.util.Optional;
import java.util.function.Function;

/**
 * The result of parsing a value a user wrote: the value, or why it is not one. Parsers never throw on bad text.
 *
 * @param <T> the parsed type
 */
public sealed interface Parsed<T> {

    /** A valid value. */
    record Ok<T>(T value) implements Parsed<T> {
    }

    /** Not a valid value: what is wrong, what was expected, how to fix it. */
    record Invalid<T>(String message, String expected, String hint) implements Parsed<T> {

        public Problem problemAt(Location location) {
            return Problem.error(location, message, expected, hint);
        }
    }

    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Parsed<T> invalid(String message, String expected, String hint) {
        return new Invalid<>(message, expected, hint);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    default Optional<T> asOptional() {
        return this instanceof Ok<T>(T value) ? Optional.of(value) : Optional.empty();
    }

    default <R> Parsed<R> map(Function<T, R> mapper) {
        return switch (this) {
            case Ok<T>(T value) -> new Ok<>(mapper.apply(value));
            case Invalid<T>(String message, String expected, String hint) -> new Invalid<>(message, expected, hint);
        };
    }

    /** The value, or empty after adding the error at {@code location} to {@code problems}. */
    default Optional<T> orReport(Problems problems, Location location) {
        if (this instanceof Invalid<T> invalid) {
            problems.add(invalid.problemAt(location));
        }
        return asOptional();
    }

    /** Unwraps a valid value; a bug to call on an invalid one. */
    default T orThrow() {
        return switch (this) {
            case Ok<T>(T value) -> value;
            case Invalid<T> invalid -> throw new IllegalStateException(invalid.message());
        };
    }
}
