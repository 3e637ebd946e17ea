package io.relia.chaos.experiment;

import io.relia.core.Location;
import io.relia.core.Problems;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns located nodes into plain JSON-like values (typed by the YAML 1.2 core schema) and substitutes
 * {@code ${name}} references to the experiment's configuration, as Chaos Toolkit does.
 */
final class Plain {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    /** The value of a configuration entry whose environment variable is not set (an error where declared). */
    static final Object UNSET = new Object();

    private final Map<String, Object> configuration;
    private final Problems problems;

    Plain(Map<String, Object> configuration, Problems problems) {
        this.configuration = configuration;
        this.problems = problems;
    }

    /** The configuration values by name ({@link #UNSET} for a variable that is not set). */
    Map<String, Object> configuration() {
        return configuration;
    }

    /** A node as a plain value, without substitution (the journal's copy of the experiment). */
    static Object raw(Node node) {
        return convert(node, null);
    }

    /** A node as a plain value with every {@code ${name}} substituted. */
    Object value(Node node) {
        return convert(node, this);
    }

    private static Object convert(Node node, Plain substitution) {
        return switch (node) {
            case MapNode map -> {
                Map<String, Object> out = new LinkedHashMap<>();
                map.entries().forEach((key, entry) -> out.put(key, convert(entry.value(), substitution)));
                yield out;
            }
            case ListNode list -> {
                List<Object> out = new ArrayList<>();
                list.items().forEach(item -> out.add(convert(item, substitution)));
                yield out;
            }
            case ScalarNode scalar -> {
                Object value = scalar(scalar);
                yield value instanceof String text && substitution != null
                        ? substitution.substitute(text, scalar.location()) : value;
            }
        };
    }

    static Object scalar(ScalarNode scalar) {
        return switch (scalar.type()) {
            case NULL -> null;
            case BOOLEAN -> scalar.asBoolean().orElse(false);
            case INTEGER -> scalar.asNumber().<Object>map(number -> {
                try {
                    return number.longValueExact();
                } catch (ArithmeticException tooLarge) {
                    return number;
                }
            }).orElse(scalar.text());
            case FLOAT -> scalar.asNumber().<Object>map(java.math.BigDecimal::doubleValue).orElse(scalar.text());
            case STRING -> scalar.text();
        };
    }

    /**
     * The tree with every {@code ${name}} in scalars substituted, locations kept, so readers see final values; a
     * scalar that is exactly one reference to a number or boolean becomes that plain number or boolean.
     */
    Node resolve(Node node) {
        return switch (node) {
            case MapNode map -> {
                Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
                map.entries().forEach((key, entry) -> entries.put(key, new MapNode.Entry(entry.key(),
                        resolve(entry.value()))));
                yield new MapNode(entries, map.location());
            }
            case ListNode list -> new ListNode(list.items().stream().map(this::resolve).toList(), list.location());
            case ScalarNode scalar -> {
                if (scalar.isNull() || !scalar.text().contains("${")) {
                    yield scalar;
                }
                Object value = substitute(scalar.text(), scalar.location());
                boolean typed = value instanceof Number || value instanceof Boolean;
                yield new ScalarNode(value == null ? "" : String.valueOf(value), !typed, scalar.location());
            }
        };
    }

    /** Substitutes references; a text that is exactly one reference takes the referenced value's type. */
    Object substitute(String text, Location location) {
        Matcher whole = REFERENCE.matcher(text);
        if (whole.matches()) {
            return lookup(whole.group(1), location);
        }
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = lookup(matcher.group(1), location);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : String.valueOf(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Substitutes and returns text. */
    String text(String text, Location location) {
        Object value = substitute(text, location);
        return value == null ? "" : String.valueOf(value);
    }

    private Object lookup(String name, Location location) {
        if (configuration.containsKey(name)) {
            Object value = configuration.get(name);
            // An unset environment variable was reported where it is declared; its uses are not errors again.
            return value == UNSET ? "" : value;
        }
        String hint = io.relia.core.spec.Suggestions.closest(name, configuration.keySet())
                .map(best -> "did you mean \"" + best + "\"?").orElse("declare it under configuration");
        problems.error(location, "\"${" + name + "}\" refers to an unknown configuration value", "a key of "
                + "configuration", hint);
        return "";
    }

    /**
     * Reads Chaos Toolkit's {@code configuration}: plain values, or {@code {type: env, key, default}} read from the
     * environment (a missing variable without a default is an error).
     */
    static Map<String, Object> configuration(MapNode map, Map<String, String> env, Problems problems) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.entries().forEach((name, entry) -> {
            if (entry.value() instanceof MapNode value && value.has("type")) {
                String type = value.text("type").orElse("");
                if (!type.equals("env")) {
                    RunnerLimits.configurationType(problems, value.locationOf("type"), name, type);
                    // its uses are not errors again: the value exists when Chaos Toolkit runs the experiment
                    out.put(name, UNSET);
                    return;
                }
                String key = value.text("key").orElse("");
                if (key.isEmpty()) {
                    problems.error(value.location(), "configuration \"" + name + "\" has no \"key\"",
                            "the environment variable to read", "");
                    return;
                }
                String read = env.get(key);
                if (read != null) {
                    out.put(name, typed(read, value.text("env_var_type").orElse("str")));
                } else if (value.has("default")) {
                    out.put(name, raw(value.get("default").orElseThrow()));
                } else {
                    RunnerLimits.unsetVariable(problems, value.location(), key, name);
                    out.put(name, UNSET);
                }
            } else {
                out.put(name, raw(entry.value()));
            }
        });
        return out;
    }

    private static Object typed(String value, String type) {
        try {
            return switch (type) {
                case "int" -> Long.parseLong(value.strip());
                case "float" -> Double.parseDouble(value.strip());
                case "bool" -> Boolean.parseBoolean(value.strip());
                default -> value;
            };
        } catch (NumberFormatException notNumber) {
            return value;
        }
    }
}
