package io.relia.chaos.experiment;

import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads a Chaos Toolkit tolerance (scalar, list or {@code {type: regex|jsonpath|range}}) into a {@link Tolerance}. */
final class ToleranceReader {

    private static final List<String> TYPES = List.of("regex", "jsonpath", "range", "condition");

    private ToleranceReader() {
    }

    static Optional<Tolerance> read(Node node, Plain plain, Problems problems, String where) {
        return switch (node) {
            case ScalarNode scalar -> scalar(scalar, plain, problems, where);
            case ListNode list -> {
                if (list.size() == 0) {
                    problems.error(list.location(), "\"" + where + "\" is an empty list", "values the output may "
                            + "take, or [min, max]", "");
                    yield Optional.empty();
                }
                @SuppressWarnings("unchecked")
                List<Object> values = (List<Object>) plain.value(list);
                yield Optional.of(new Tolerance.AnyOf(values));
            }
            case MapNode map -> typed(new Fields(map, problems, where), plain);
        };
    }

    private static Optional<Tolerance> scalar(ScalarNode scalar, Plain plain, Problems problems, String where) {
        Object value = plain.value(scalar);
        if (value instanceof Boolean || value instanceof String || value instanceof Number) {
            return Optional.of(new Tolerance.Equals(value));
        }
        problems.error(scalar.location(), "\"" + where + "\" is empty", "a value, a list or a {type: ...} mapping",
                "");
        return Optional.empty();
    }

    private static Optional<Tolerance> typed(Fields fields, Plain plain) {
        Problems problems = fields.problems();
        Optional<String> type = fields.requireText("type", String.join(", ", TYPES));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> target = fields.text("target", "a key of the output");
        switch (type.get()) {
            case "regex" -> {
                fields.known(List.of("type", "pattern", "target"));
                return fields.requireText("pattern", "a regular expression").flatMap(pattern -> {
                    try {
                        return Optional.of(new Tolerance.Regex(Pattern.compile(pattern), target));
                    } catch (PatternSyntaxException invalid) {
                        problems.error(fields.valueLocation("pattern"), "invalid regular expression: "
                                + invalid.getDescription(), "a Java regular expression", "");
                        return Optional.empty();
                    }
                });
            }
            case "jsonpath" -> {
                fields.known(List.of("type", "path", "target", "expect", "count"));
                Optional<Object> expect = fields.map().get("expect").map(plain::value);
                Optional<Integer> count = fields.number("count", "a whole number").map(BigDecimal::intValue);
                return fields.requireText("path", "a JSONPath such as $.status").flatMap(path -> {
                    try {
                        return Optional.of(new Tolerance.JsonPathMatch(JsonPath.parse(path), target, expect, count));
                    } catch (IllegalArgumentException invalid) {
                        if (invalid.getMessage().startsWith(JsonPath.UNSUPPORTED)) {
                            RunnerLimits.unsupportedJsonPath(problems, fields.valueLocation("path"),
                                    invalid.getMessage());
                        } else {
                            problems.error(fields.valueLocation("path"), invalid.getMessage(), "a JSONPath such as "
                                    + "$.items[0].status", "");
                        }
                        return Optional.empty();
                    }
                });
            }
            case "range" -> {
                fields.known(List.of("type", "range", "target"));
                return range(fields, target);
            }
            case "condition" -> {
                fields.known(List.of("type", "condition"));
                return fields.requireText("condition", "a condition such as \"p99_latency < 500ms\"")
                        .flatMap(text -> ConditionParser.parse(text).orReport(problems, fields.valueLocation(
                                "condition")))
                        .map(Tolerance.Meets::new);
            }
            case "probe" -> {
                // a probe tolerance calls a function (Python in practice): valid Chaos Toolkit, not runnable here
                RunnerLimits.probeTolerance(problems, fields.valueLocation("type"), fields.map().map("provider")
                        .flatMap(provider -> provider.text("module").map(module -> module + provider.text("func")
                                .map(func -> "." + func).orElse(""))).orElse(""));
                return Optional.empty();
            }
            default -> {
                String hint = io.relia.core.spec.Suggestions.closest(type.get(), TYPES)
                        .map(best -> "did you mean \"" + best + "\"?").orElse("");
                problems.error(fields.valueLocation("type"), "unknown tolerance type \"" + type.get() + "\"",
                        String.join(", ", TYPES), hint);
                return Optional.empty();
            }
        }
    }

    private static Optional<Tolerance> range(Fields fields, Optional<String> target) {
        Optional<Node> node = fields.map().get("range");
        if (node.isPresent() && node.get() instanceof ListNode list && list.size() == 2
                && list.get(0) instanceof ScalarNode low && low.asNumber().isPresent()
                && list.get(1) instanceof ScalarNode high && high.asNumber().isPresent()) {
            if (low.asNumber().get().compareTo(high.asNumber().get()) > 0) {
                fields.problems().error(list.location(), "the range's minimum is above its maximum",
                        "[min, max]", "");
                return Optional.empty();
            }
            return Optional.of(new Tolerance.Range(low.asNumber().get(), high.asNumber().get(), target));
        }
        fields.problems().error(fields.valueLocation("range"), "\"" + fields.where() + ".range\" is "
                + node.map(Node::describe).orElse("missing"), "two numbers [min, max]", "");
        return Optional.empty();
    }
}
