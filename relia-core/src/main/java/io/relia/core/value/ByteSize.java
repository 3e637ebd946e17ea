package io.relia.core.value;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of data in bytes. Decimal units are powers of 1000 ({@code KB}, {@code MB}, {@code GB}, {@code TB},
 * {@code PB}, and Kubernetes' {@code k}, {@code M}, {@code G}); binary units powers of 1024 ({@code KiB} or
 * {@code Ki}, {@code MiB}/{@code Mi}, ...).
 *
 * @param bytes the size, at least 0
 */
public record ByteSize(long bytes) implements Comparable<ByteSize> {

    private static final String EXPECTED = "a size such as 512Mi, 1GiB, 10KB, 45TB or a number of bytes";
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)");
    private static final String[] BINARY = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    private static final String[] DECIMAL = {"KB", "MB", "GB", "TB", "PB", "EB"};

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size is not negative: " + bytes);
        }
    }

    /** Parses a size; never throws. Fractions are allowed when they come to whole bytes ({@code 1.5Gi}). */
    public static Parsed<ByteSize> parse(String text) {
        if (text == null || text.isBlank()) {
            return Parsed.invalid("the size is empty", EXPECTED, "");
        }
        String trimmed = text.trim();
        Matcher matcher = SIZE.matcher(trimmed);
        if (!matcher.matches()) {
            return Parsed.invalid("\"" + trimmed + "\" is not a size", EXPECTED, "");
        }
        BigDecimal multiplier = multiplier(matcher.group(2));
        if (multiplier == null) {
            String hint = matcher.group(2).equals("m")
                    ? "\"m\" means milli in Kubernetes quantities (CPU); for memory write Mi or M" : "";
            return Parsed.invalid("\"" + trimmed + "\" has an unknown unit \"" + matcher.group(2) + "\"", EXPECTED,
                    hint);
        }
        BigDecimal bytes = new BigDecimal(matcher.group(1)).multiply(multiplier);
        if (bytes.stripTrailingZeros().scale() > 0) {
            return Parsed.invalid("\"" + trimmed + "\" is not a whole number of bytes", EXPECTED, "");
        }
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Parsed.invalid("\"" + trimmed + "\" is too large", "at most 8 EiB", "");
        }
        return Parsed.ok(new ByteSize(bytes.longValueExact()));
    }

    private static BigDecimal multiplier(String unit) {
        if (unit.isEmpty() || unit.equals("B")) {
            return BigDecimal.ONE;
        }
        String upper = unit.toUpperCase(Locale.ROOT);
        boolean binary = upper.endsWith("I") || upper.endsWith("IB");
        String prefix = upper.substring(0, 1);
        String rest = unit.substring(1);
        boolean validRest = binary ? rest.equalsIgnoreCase("i") || rest.equalsIgnoreCase("iB")
                : rest.isEmpty() || rest.equalsIgnoreCase("B");
        if (!validRest || unit.equals("m")) {
            return null;
        }
        int power = "KMGTPE".indexOf(prefix);
        if (power < 0) {
            return null;
        }
        BigDecimal base = BigDecimal.valueOf(binary ? 1024 : 1000);
        return base.pow(power + 1);
    }

    /** Formats in the largest unit that divides exactly, binary first ({@code 512MiB}, {@code 45TB}, {@code 100B}). */
    public String format() {
        for (int power = BINARY.length; power >= 1; power--) {
            long unit = 1L << (10 * power);
            if (bytes >= unit && bytes % unit == 0) {
                return (bytes / unit) + BINARY[power - 1];
            }
        }
        long unit = 1;
        String best = bytes + "B";
        for (String name : DECIMAL) {
            if (unit > Long.MAX_VALUE / 1000) {
                break;
            }
            unit *= 1000;
            if (bytes >= unit && bytes % unit == 0) {
                best = (bytes / unit) + name;
            }
        }
        return best;
    }

    @Override
    public int compareTo(ByteSize other) {
        return Long.compare(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return format();
    }
}
