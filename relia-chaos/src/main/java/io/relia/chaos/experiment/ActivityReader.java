package io.relia.chaos.experiment;

import io.relia.core.Location;
import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Chaos Toolkit activities (chaostoolkit-lib {@code activity.py}) with their {@code http}/{@code process}
 * providers.
 */
final class ActivityReader {

    private static final List<String> ACTIVITY_KEYS = List.of("type", "name", "provider", "tolerance", "pauses",
            "background", "ref", "timeout", "dry", "controls");
    private static final List<String> HTTP_KEYS = List.of("type", "url", "method", "headers", "arguments", "timeout",
            "verify_tls", "max_retries", "expected_status", "secrets");
    private static final List<String> PROCESS_KEYS = List.of("type", "path", "arguments", "timeout", "secrets");
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Plain plain;
    private final Problems problems;
    private final ReliaProviders relia;
    private final Map<String, Activity> byName = new LinkedHashMap<>();
    /** Activities with a name that could not be read: a ref to one is not another error (it was reported). */
    private final java.util.Set<String> unreadable = new java.util.HashSet<>();

    private final ChaosToxiproxy toxiproxy;
    /** Every activity of the experiment by name, from a first reading: Chaos Toolkit resolves a ref anywhere. */
    private final Map<String, Activity> everywhere = new LinkedHashMap<>();

    ActivityReader(Plain plain, Problems problems, Extensions extensions, Map<String, String> env) {
        this.plain = plain;
        this.problems = problems;
        this.relia = new ReliaProviders(plain, extensions);
        this.toxiproxy = new ChaosToxiproxy(plain.configuration(), env, problems);
    }

    /**
     * Takes the activities of a first reading of the same experiment: a ref may name an activity anywhere in it
     * (chaostoolkit-lib caches every activity by name before it runs), not only an earlier one.
     */
    void knowing(ActivityReader firstReading) {
        everywhere.putAll(firstReading.byName);
        unreadable.addAll(firstReading.unreadable);
    }

    /** Reads a list of activities; {@code hypothesis} requires probes with tolerances. */
    List<Activity> list(Node node, String where, boolean hypothesis) {
        if (!(node instanceof ListNode list)) {
            problems.error(node.location(), "\"" + where + "\" is " + node.describe(), "a list of activities", "");
            return List.of();
        }
        List<Activity> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Node item = list.get(i);
            String path = where + "[" + i + "]";
            if (item instanceof MapNode map) {
                activity(new Fields(map, problems, path), hypothesis).ifPresent(out::add);
            } else {
                problems.error(item.location(), "\"" + path + "\" is " + item.describe(), "an activity mapping", "");
            }
        }
        return out;
    }

    private Optional<Activity> activity(Fields fields, boolean hypothesis) {
        Optional<String> ref = fields.text("ref", "the name of an earlier activity");
        if (ref.isPresent()) {
            Activity earlier = Optional.ofNullable(byName.get(ref.get())).orElse(everywhere.get(ref.get()));
            if (earlier == null && !unreadable.contains(ref.get())) {
                java.util.Set<String> names = new java.util.LinkedHashSet<>(everywhere.keySet());
                names.addAll(byName.keySet());
                problems.error(fields.valueLocation("ref"), "\"ref\" names no activity: \"" + ref.get() + "\"",
                        "the name of an activity of this experiment", io.relia.core.spec.Suggestions.closest(
                                ref.get(), names).map(best -> "did you mean \"" + best + "\"?").orElse(""));
            }
            // chaostoolkit-lib runs the named activity but judges it by the ref's own tolerance, where it has one
            Optional<Tolerance> own = fields.map().get("tolerance")
                    .flatMap(node -> ToleranceReader.read(node, plain, problems, fields.where() + ".tolerance"));
            if (hypothesis && earlier != null && own.isEmpty() && earlier.tolerance().isEmpty()) {
                problems.error(fields.map().location(), "hypothesis probe \"" + ref.get() + "\" has no tolerance",
                        "a tolerance here or on the activity it names", "");
                return Optional.empty();
            }
            return Optional.ofNullable(earlier).map(activity -> own.isEmpty() ? activity : new Activity(
                    activity.kind(), activity.name(), activity.provider(), own, activity.pauseBefore(),
                    activity.pauseAfter(), activity.background(), activity.fault(), activity.location()));
        }
        fields.known(ACTIVITY_KEYS);
        ChaosToolkitReader.warnControls(fields.map(), problems);
        Optional<String> type = fields.requireText("type", "probe or action");
        Optional<String> name = fields.requireText("name", "a name for the activity");
        Activity.Kind kind = null;
        if (type.isPresent()) {
            switch (type.get()) {
                case "probe" -> kind = Activity.Kind.PROBE;
                case "action" -> kind = Activity.Kind.ACTION;
                default -> problems.error(fields.valueLocation("type"), "unknown activity type \"" + type.get() + "\"",
                        "probe or action", "");
            }
        }
        if (hypothesis && kind == Activity.Kind.ACTION) {
            problems.error(fields.valueLocation("type"), "a steady-state hypothesis holds probes, not actions",
                    "type: probe", "");
        }
        Optional<Tolerance> tolerance = fields.map().get("tolerance")
                .flatMap(node -> ToleranceReader.read(node, plain, problems, fields.where() + ".tolerance"));
        if (hypothesis && !fields.map().has("tolerance")) {
            problems.error(fields.map().location(), "hypothesis probe \"" + name.orElse("?") + "\" has no tolerance",
                    "a tolerance: the value its output must have", "");
        }
        Duration before = Duration.ZERO;
        Duration after = Duration.ZERO;
        Optional<Fields> pauses = fields.child("pauses");
        if (pauses.isPresent()) {
            pauses.get().known(List.of("before", "after"));
            before = seconds(pauses.get(), "before").orElse(Duration.ZERO);
            after = seconds(pauses.get(), "after").orElse(Duration.ZERO);
        }
        Optional<Duration> timeout = seconds(fields, "timeout");
        boolean background = fields.bool("background").orElse(false);
        Optional<Provider> provider = fields.child("provider").flatMap(child -> provider(child, timeout));
        if (!fields.map().has("provider")) {
            problems.error(fields.map().location(), "missing key \"" + fields.where() + ".provider\"",
                    "a provider: http or process", "");
        }
        if (kind == null || name.isEmpty() || provider.isEmpty()) {
            name.ifPresent(unreadable::add);
            return Optional.empty();
        }
        Activity activity = new Activity(kind, name.get(), provider.get(), tolerance, before, after, background,
                false, fields.map().location());
        byName.putIfAbsent(activity.name(), activity);
        return Optional.of(activity);
    }

    private Optional<Provider> provider(Fields fields, Optional<Duration> activityTimeout) {
        Optional<String> type = fields.requireText("type", "http or process");
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (ReliaProviders.TYPES.contains(type.get())) {
            return relia.read(type.get(), fields);
        }
        return switch (type.get()) {
            case "http" -> http(fields.known(HTTP_KEYS), activityTimeout);
            case "process" -> process(fields.known(PROCESS_KEYS), activityTimeout);
            case "python" -> {
                String pythonModule = fields.map().text("module").orElse("");
                if (ChaosToxiproxy.owns(pythonModule)) {
                    fields.known(List.of("type", "module", "func", "arguments", "secrets"));
                    yield toxiproxy.read(fields, pythonModule, fields.map().text("func").orElse(""));
                }
                RunnerLimits.pythonProvider(problems, fields.valueLocation("type"), fields.map().text("module")
                        .map(module -> module + fields.map().text("func").map(func -> "." + func).orElse(""))
                        .orElse(""));
                yield Optional.empty();
            }
            default -> {
                List<String> known = java.util.stream.Stream.concat(java.util.stream.Stream.of("http", "process"),
                        ReliaProviders.TYPES.stream()).toList();
                problems.error(fields.valueLocation("type"), "unknown provider type \"" + type.get() + "\"",
                        String.join(", ", known), io.relia.core.spec.Suggestions.closest(type.get(), known)
                                .map(best -> "did you mean \"" + best + "\"?").orElse(""));
                yield Optional.empty();
            }
        };
    }

    private Optional<Provider> http(Fields fields, Optional<Duration> activityTimeout) {
        Optional<URI> url = fields.requireText("url", "the URL to call")
                .flatMap(text -> uri(plain.text(text, fields.valueLocation("url")), fields.valueLocation("url")));
        String method = fields.text("method", "an HTTP method").map(text -> text.strip().toUpperCase(
                java.util.Locale.ROOT)).orElse("GET");
        Map<String, String> headers = new LinkedHashMap<>();
        fields.textMap("headers").forEach((key, value) -> headers.put(key, plain.text(value,
                fields.valueLocation("headers"))));
        Optional<Object> arguments = fields.map().get("arguments").map(plain::value);
        Duration connect = activityTimeout.orElse(DEFAULT_TIMEOUT);
        Duration read = connect;
        Optional<Node> timeout = fields.map().get("timeout");
        if (timeout.isPresent() && timeout.get() instanceof ListNode pair) {
            if (pair.size() == 2 && seconds(pair.get(0)).isPresent() && seconds(pair.get(1)).isPresent()) {
                connect = seconds(pair.get(0)).get();
                read = seconds(pair.get(1)).get();
            } else {
                problems.error(pair.location(), "\"" + fields.where() + ".timeout\" is not [connect, read]",
                        "seconds, or two numbers [connect, read] in seconds", "");
            }
        } else if (timeout.isPresent()) {
            connect = seconds(fields, "timeout").orElse(connect);
            read = connect;
        }
        boolean verifyTls = fields.bool("verify_tls").orElse(true);
        int retries = fields.number("max_retries", "0..10").map(BigDecimal::intValue).orElse(0);
        if (retries < 0 || retries > 10) {
            problems.error(fields.valueLocation("max_retries"), "max_retries is " + retries, "0..10",
                    "retries are bounded");
            retries = 0;
        }
        if (url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Provider.Http(url.get(), method, headers, arguments, connect, read, verifyTls,
                retries));
    }

    private Optional<Provider> process(Fields fields, Optional<Duration> activityTimeout) {
        Optional<String> path = fields.requireText("path", "the program to run")
                .map(text -> plain.text(text, fields.valueLocation("path")));
        List<String> arguments = new ArrayList<>();
        Optional<Node> node = fields.map().get("arguments");
        if (node.isPresent()) {
            Object value = plain.value(node.get());
            switch (value) {
                case List<?> list -> list.forEach(item -> arguments.add(String.valueOf(item)));
                case String text -> arguments.addAll(splitArguments(text));
                case Map<?, ?> map -> map.forEach((key, item) -> {
                    arguments.add(String.valueOf(key));
                    if (item != null && !"".equals(item)) {
                        arguments.add(String.valueOf(item));
                    }
                });
                case null -> {
                }
                default -> arguments.add(String.valueOf(value));
            }
        }
        Duration timeout = seconds(fields, "timeout").or(() -> activityTimeout).orElse(DEFAULT_TIMEOUT);
        return path.map(program -> new Provider.Process(program, arguments, timeout));
    }

    /** Splits a command line on spaces, keeping single- or double-quoted parts together (no shell is involved). */
    static List<String> splitArguments(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c)) {
                if (any || !current.isEmpty()) {
                    out.add(current.toString());
                    current.setLength(0);
                    any = false;
                }
            } else {
                current.append(c);
            }
        }
        if (any || !current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }

    private Optional<Duration> seconds(Fields fields, String key) {
        return fields.map().get(key).flatMap(node -> {
            Optional<Duration> value = seconds(node);
            if (value.isEmpty()) {
                problems.error(node.location(), "\"" + fields.where() + "." + key + "\" is not a number of seconds",
                        "seconds, e.g. 5 or 0.5", "");
            }
            return value;
        });
    }

    private Optional<Duration> seconds(Node node) {
        Object value = node instanceof ScalarNode scalar ? plain.value(scalar) : null;
        Optional<BigDecimal> number = Values.number(value);
        return number.filter(seconds -> seconds.signum() >= 0 && seconds.compareTo(BigDecimal.valueOf(86_400)) <= 0)
                .map(seconds -> Duration.ofMillis(seconds.movePointRight(3).longValue()));
    }

    private Optional<URI> uri(String text, Location location) {
        return parseUri(text, location, problems);
    }

    static Optional<URI> parseUri(String text, Location location, Problems problems) {
        try {
            URI uri = new URI(text.strip());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                problems.error(location, "\"" + text + "\" is not an http(s) URL", "a URL such as "
                        + "http://127.0.0.1:8080/health", "");
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException invalid) {
            problems.error(location, "\"" + text + "\" is not a URL: " + invalid.getReason(), "a URL such as "
                    + "http://127.0.0.1:8080/health", "");
            return Optional.empty();
        }
    }
}
