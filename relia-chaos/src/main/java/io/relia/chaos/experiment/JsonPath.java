package io.relia.chaos.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSONPath subset Chaos Toolkit tolerances use in practice: {@code $}, {@code .name}, {@code ['name']},
 * {@code [index]} (negative counts from the end), {@code [*]} and {@code ..name} (recursive descent). No filters.
 *
 * @param text  the path as written
 * @param steps its parsed steps
 */
public record JsonPath(String text, List<Step> steps) {

    private static final Pattern STEP = Pattern.compile(
            "\\.\\.([A-Za-z_][\\w-]*)|\\.([A-Za-z_][\\w-]*|\\*)|\\[(-?\\d+)]|\\[\\*]|\\['([^']*)']|\\[\"([^\"]*)\"]");

    /** One step of a path. */
    public sealed interface Step {
    }

    /** A member of an object, or every member or item ({@code *}). */
    public record Member(String name) implements Step {
    }

    /** An item of an array. */
    public record Index(int index) implements Step {
    }

    /** Every value named so, at any depth. */
    public record Descendant(String name) implements Step {
    }

    public JsonPath {
        Objects.requireNonNull(text, "text");
        steps = List.copyOf(steps);
    }

    /** How an error about valid JSONPath beyond this subset starts (a filter): Relia's limit, not the file's. */
    static final String UNSUPPORTED = "unsupported JSONPath syntax";
    /** Where a step of full JSONPath begins that this subset does not read: a filter, a slice, a union. */
    private static final Pattern BEYOND_SUBSET = Pattern.compile("\\[\\?|\\[\\s*-?\\d*\\s*:|\\[[^\\]]*,");

    /** Parses a path; throws {@link IllegalArgumentException} with the offending position when not in the subset. */
    public static JsonPath parse(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("$")) {
            throw new IllegalArgumentException("a JSONPath starts with $");
        }
        List<Step> steps = new ArrayList<>();
        Matcher matcher = STEP.matcher(trimmed);
        int at = 1;
        while (at < trimmed.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                // A filter, a slice or a union is JSONPath Chaos Toolkit reads (jsonpath2); anything else is broken.
                boolean beyondSubset = BEYOND_SUBSET.matcher(trimmed).region(at, trimmed.length()).lookingAt();
                throw new IllegalArgumentException((beyondSubset ? UNSUPPORTED : "invalid JSONPath syntax")
                        + " at character " + (at + 1)
                        + " (supported: .name, ['name'], [0], [*], ..name)");
            }
            if (matcher.group(1) != null) {
                steps.add(new Descendant(matcher.group(1)));
            } else if (matcher.group(2) != null) {
                steps.add(new Member(matcher.group(2)));
            } else if (matcher.group(3) != null) {
                steps.add(new Index(Integer.parseInt(matcher.group(3))));
            } else if (matcher.group(4) != null) {
                steps.add(new Member(matcher.group(4)));
            } else if (matcher.group(5) != null) {
                steps.add(new Member(matcher.group(5)));
            } else {
                steps.add(new Member("*"));
            }
            at = matcher.end();
        }
        return new JsonPath(trimmed, steps);
    }

    /** The values the path selects in a JSON-like value, in document order. */
    public List<Object> select(Object root) {
        List<Object> current = new ArrayList<>();
        current.add(root);
        for (Step step : steps) {
            List<Object> next = new ArrayList<>();
            for (Object value : current) {
                apply(step, value, next);
            }
            current = next;
        }
        return current;
    }

    private static void apply(Step step, Object value, List<Object> out) {
        switch (step) {
            case Member(String name) when name.equals("*") -> {
                if (value instanceof Map<?, ?> map) {
                    out.addAll(map.values());
                } else if (value instanceof List<?> list) {
                    out.addAll(list);
                }
            }
            case Member(String name) -> {
                if (value instanceof Map<?, ?> map && map.containsKey(name)) {
                    out.add(map.get(name));
                }
            }
            case Index(int index) -> {
                if (value instanceof List<?> list) {
                    int at = index < 0 ? list.size() + index : index;
                    if (at >= 0 && at < list.size()) {
                        out.add(list.get(at));
                    }
                }
            }
            case Descendant(String name) -> descend(name, value, out);
        }
    }

    private static void descend(String name, Object value, List<Object> out) {
        if (value instanceof Map<?, ?> map) {
            if (map.containsKey(name)) {
                out.add(map.get(name));
            }
            map.values().forEach(child -> descend(name, child, out));
        } else if (value instanceof List<?> list) {
            list.forEach(child -> descend(name, child, out));
        }
    }
}
