package io.relia.slo.rules;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Formats doubles as Go's {@code strconv.FormatFloat}, which Sloth uses for every number in its rules, so that
 * Relia's rules match Sloth's text: {@code 14.4}, {@code 6}, {@code 0.0009999999999999432}, {@code 1e-05}.
 */
final class GoFloat {

    private GoFloat() {
    }

    /**
     * Go's {@code 'g'} format with shortest precision ({@code %g}): the shortest digits that read back to the same
     * double; exponent form when the decimal exponent is below -4 or at least 6 (Go uses precision 6 for that
     * decision when the precision is "shortest"), with at least two exponent digits.
     */
    static String g(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        // Double.toString gives the shortest round-trip digits since JDK 19 (JDK-4511638).
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String sign = value < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return String.format(Locale.ROOT, "%s%se%s%02d", sign, mantissa, exponent < 0 ? "-" : "+",
                    Math.abs(exponent));
        }
        return sign + exact.abs().toPlainString();
    }

    /** Go's {@code 'f'} format with shortest precision: plain decimal ({@code 99.9}, {@code 95}). */
    static String f(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
