package io.relia.slo.offline;

/**
 * Numbers in recorded text, read from char ranges without allocating on the common path: sample values with the
 * syntax of Go's {@code strconv.ParseFloat} (what Prometheus and promtool use: {@code 1027}, {@code -1.5e-3},
 * {@code NaN}, {@code +Inf}, case-insensitive) and timestamps in unix seconds, converted to epoch milliseconds exactly
 * (digits after the millisecond are cut off, as Prometheus does).
 */
final class NumberText {

    /** {@link #secondsToMillis} of text that is not a number. */
    static final long NOT_A_NUMBER = -1;

    /** {@link #secondsToMillis} of a number outside 1970-01-01 .. 9999-12-31T23:59:59.999Z. */
    static final long OUT_OF_RANGE = -2;

    /** The last millisecond of year 9999, the largest timestamp accepted. */
    static final long MAX_MILLIS = 253_402_300_799_999L;

    /** Significant digits kept while converting seconds; more than fit in a long are not needed below year 9999. */
    private static final int MAX_DIGITS = 18;

    private static final long[] POWERS = new long[MAX_DIGITS + 1];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private NumberText() {
    }

    /** Whether {@code chars[from, to)} is a float as Go's {@code strconv.ParseFloat} reads it (decimal forms only). */
    static boolean isFloat(char[] chars, int from, int to) {
        return from < to && decimalEnd(chars, from, to) == to || special(chars, from, to) != 0;
    }

    /** The float in {@code chars[from, to)}, which {@link #isFloat} accepted. */
    static double parseFloat(char[] chars, int from, int to) {
        if (to - from <= 15) {
            long integer = 0;
            int i = from;
            while (i < to && chars[i] >= '0' && chars[i] <= '9') {
                integer = integer * 10 + (chars[i] - '0');
                i++;
            }
            if (i == to && i > from) {
                return integer;
            }
        }
        double special = special(chars, from, to);
        return special != 0 ? special : Double.parseDouble(new String(chars, from, to - from));
    }

    /**
     * Unix seconds in {@code chars[from, to)} (such as {@code 1793606400}, {@code 1793606400.25} or
     * {@code 1.7936064e9}) as epoch milliseconds, or {@link #NOT_A_NUMBER} or {@link #OUT_OF_RANGE}.
     */
    static long secondsToMillis(char[] chars, int from, int to) {
        if (from >= to || decimalEnd(chars, from, to) != to) {
            return NOT_A_NUMBER;
        }
        int i = from;
        boolean negative = chars[i] == '-';
        if (chars[i] == '+' || chars[i] == '-') {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean fraction = false;
        for (; i < to && chars[i] != 'e' && chars[i] != 'E'; i++) {
            char c = chars[i];
            if (c == '.') {
                fraction = true;
            } else if (digits < MAX_DIGITS) {
                if (digits > 0 || c != '0') {
                    mantissa = mantissa * 10 + (c - '0');
                    digits++;
                }
                scale += fraction ? 1 : 0;
            } else {
                scale -= fraction ? 0 : 1;
            }
        }
        int shift = 3 - scale + exponent(chars, i, to);
        long millis = scaled(mantissa, shift);
        if (millis == OUT_OF_RANGE || millis > MAX_MILLIS || negative && millis != 0) {
            return OUT_OF_RANGE;
        }
        return millis;
    }

    /** The exponent after {@code chars[from]} (e or E), at most ±100000: beyond, all results are 0 or too large. */
    private static int exponent(char[] chars, int from, int to) {
        if (from >= to) {
            return 0;
        }
        int i = from + 1;
        boolean negative = chars[i] == '-';
        if (chars[i] == '+' || chars[i] == '-') {
            i++;
        }
        int exponent = 0;
        for (; i < to; i++) {
            exponent = Math.min(100_000, exponent * 10 + (chars[i] - '0'));
        }
        return negative ? -exponent : exponent;
    }

    private static long scaled(long mantissa, int shift) {
        if (mantissa == 0) {
            return 0;
        }
        if (shift >= 0) {
            return shift > MAX_DIGITS || mantissa > Long.MAX_VALUE / POWERS[shift] ? OUT_OF_RANGE
                    : mantissa * POWERS[shift];
        }
        return -shift > MAX_DIGITS ? 0 : mantissa / POWERS[-shift];
    }

    /**
     * The index after the longest decimal float syntax at {@code from}: sign, digits with an optional point (at least
     * one digit), optional exponent; {@code from} when there is none.
     */
    private static int decimalEnd(char[] chars, int from, int to) {
        int i = from;
        if (i < to && (chars[i] == '+' || chars[i] == '-')) {
            i++;
        }
        int mantissaStart = i;
        i = digits(chars, i, to);
        int mantissaDigits = i - mantissaStart;
        if (i < to && chars[i] == '.') {
            int fractionStart = i + 1;
            i = digits(chars, fractionStart, to);
            mantissaDigits += i - fractionStart;
        }
        if (mantissaDigits == 0) {
            return from;
        }
        if (i < to && (chars[i] == 'e' || chars[i] == 'E')) {
            int exponent = i + 1;
            if (exponent < to && (chars[exponent] == '+' || chars[exponent] == '-')) {
                exponent++;
            }
            int exponentEnd = digits(chars, exponent, to);
            return exponentEnd > exponent ? exponentEnd : from;
        }
        return i;
    }

    private static int digits(char[] chars, int from, int to) {
        int i = from;
        while (i < to && chars[i] >= '0' && chars[i] <= '9') {
            i++;
        }
        return i;
    }

    /** NaN or ±infinity for Go's special spellings ({@code nan}, {@code inf}, {@code +Infinity}...), 0 otherwise. */
    private static double special(char[] chars, int from, int to) {
        int i = from;
        double sign = 1;
        if (i < to && (chars[i] == '+' || chars[i] == '-')) {
            sign = chars[i] == '-' ? -1 : 1;
            i++;
        }
        if (matches(chars, i, to, "inf") || matches(chars, i, to, "infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        return i == from && matches(chars, i, to, "nan") ? Double.NaN : 0;
    }

    private static boolean matches(char[] chars, int from, int to, String word) {
        if (to - from != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.toLowerCase(chars[from + i]) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
