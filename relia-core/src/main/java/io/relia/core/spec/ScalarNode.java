package io.relia.core.spec;

import io.relia.core.Location;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A scalar as written: its text and whether it was quoted. Typing follows the YAML 1.2 core schema for plain
 * scalars ({@code true}, {@code 12}, {@code 1.5}, {@code null}, {@code ~}); quoted scalars are always strings.
 *
 * @param text     the text, without quotes
 * @param quoted   true when written in quotes or as a block scalar
 * @param location where it starts
 */
public record ScalarNode(String text, boolean quoted, Location location) implements Node {

    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");

    /** The kind of value a scalar holds under the YAML 1.2 core schema. */
    public enum Type {
        NULL, BOOLEAN, INTEGER, FLOAT, STRING
    }

    public Type type() {
        if (quoted) {
            return Type.STRING;
        }
        return switch (text) {
            case "", "~", "null", "Null", "NULL" -> Type.NULL;
            case "true", "True", "TRUE", "false", "False", "FALSE" -> Type.BOOLEAN;
            default -> INTEGER.matcher(text).matches() ? Type.INTEGER
                    : FLOAT.matcher(text).matches() ? Type.FLOAT : Type.STRING;
        };
    }

    public boolean isNull() {
        return type() == Type.NULL;
    }

    /** The boolean value of a plain {@code true}/{@code false}. */
    public Optional<Boolean> asBoolean() {
        return type() == Type.BOOLEAN ? Optional.of(text.equalsIgnoreCase("true")) : Optional.empty();
    }

    /**
     * The numeric value of a plain decimal number (hex/octal integers and .inf/.nan are not decimals). Empty beyond
     * {@link InputLimits#MAX_NUMBER_CHARS}: converting digits costs their count squared.
     */
    public Optional<BigDecimal> asNumber() {
        Type type = type();
        if (text.length() <= InputLimits.MAX_NUMBER_CHARS
                && (type == Type.INTEGER || type == Type.FLOAT) && !text.startsWith("0x") && !text.startsWith("0o")
                && !text.toLowerCase(java.util.Locale.ROOT).contains("inf")
                && !text.toLowerCase(java.util.Locale.ROOT).contains("nan")) {
            try {
                return Optional.of(new BigDecimal(text.startsWith("+") ? text.substring(1) : text));
            } catch (NumberFormatException outOfRange) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public String describe() {
        return switch (type()) {
            case NULL -> "empty";
            case BOOLEAN -> "a boolean";
            case INTEGER, FLOAT -> "a number";
            case STRING -> "a string";
        };
    }
}
