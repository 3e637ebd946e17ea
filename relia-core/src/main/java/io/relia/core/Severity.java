package io.relia.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How much a finding threatens production, from most to least severe. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    /** Lower-case name as used on the command line and in JSON ({@code critical}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Title-case name for people ({@code Critical}). */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** True when this is at least as severe as {@code threshold} (for {@code --fail-on}). */
    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) <= 0;
    }

    public static Optional<Severity> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.id().equalsIgnoreCase(text.trim())).findFirst();
    }

    /** {@code critical|high|medium|low}, for messages. */
    public static String choices() {
        return Arrays.stream(values()).map(Severity::id).collect(Collectors.joining("|"));
    }
}
