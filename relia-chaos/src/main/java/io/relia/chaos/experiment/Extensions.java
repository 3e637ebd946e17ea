package io.relia.chaos.experiment;

import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.value.Durations;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Relia's settings that neither format has, read from the native {@code experiment:} mapping or from a Chaos
 * Toolkit {@code x-relia} key (or {@code extensions} entry named {@code relia}): {@code traffic}, {@code proxy},
 * {@code metrics}, {@code prometheus}, {@code scope}, {@code abort}.
 *
 * @param traffic    the built-in traffic source
 * @param admin      the Toxiproxy-compatible admin API ({@code proxy.admin})
 * @param proxies    proxies the run creates on that API when missing ({@code proxy.proxies})
 * @param metrics    metric name → PromQL
 * @param prometheus where those queries go
 * @param scope      the blast radius
 * @param abort      abort criteria
 */
record Extensions(Optional<Traffic> traffic, URI admin, List<DeclaredProxy> proxies, Map<String, String> metrics,
                  Optional<URI> prometheus, Scope scope, List<Condition> abort) {

    /** No extensions: the default admin API, nothing declared. */
    static final Extensions NONE = new Extensions(Optional.empty(), Extensions.DEFAULT_ADMIN, List.of(), Map.of(),
            Optional.empty(), Scope.UNRESTRICTED, List.of());

    static final List<String> KEYS = List.of("traffic", "proxy", "metrics", "prometheus", "scope", "abort");
    static final URI DEFAULT_ADMIN = URI.create("http://127.0.0.1:8474");
    private static final List<String> TRAFFIC_KEYS = List.of("url", "method", "headers", "body", "rate", "timeout",
            "window");

    static Extensions read(Fields fields, Plain plain) {
        Problems problems = fields.problems();
        Optional<Traffic> traffic = fields.child("traffic").flatMap(child -> traffic(child, plain));
        Optional<Fields> proxy = fields.child("proxy");
        URI admin = proxy.flatMap(settings -> {
            settings.known(List.of("admin", "proxies"));
            return settings.text("admin", "the admin API URL, e.g. http://127.0.0.1:8474").flatMap(text ->
                    ActivityReader.parseUri(plain.text(text, settings.valueLocation("admin")),
                            settings.valueLocation("admin"), problems));
        }).orElse(DEFAULT_ADMIN);
        Scope scope = fields.child("scope").map(child -> scope(child, plain)).orElse(Scope.UNRESTRICTED);
        List<DeclaredProxy> proxies = proxy.map(settings -> declaredProxies(settings, admin, scope, plain))
                .orElse(List.of());
        Map<String, String> metrics = new LinkedHashMap<>();
        fields.textMap("metrics").forEach((name, query) -> metrics.put(Condition.normalizeMetric(name),
                plain.text(query, fields.valueLocation("metrics"))));
        Optional<URI> prometheus = fields.text("prometheus", "the Prometheus URL").flatMap(text ->
                ActivityReader.parseUri(plain.text(text, fields.valueLocation("prometheus")),
                        fields.valueLocation("prometheus"), problems));
        if (!metrics.isEmpty() && prometheus.isEmpty()) {
            problems.error(fields.locationOf("metrics"), "metrics are PromQL queries but no \"prometheus\" URL is "
                    + "given", "prometheus: http://127.0.0.1:9090", "");
        }
        List<Condition> abort = new ArrayList<>();
        fields.map().get("abort").ifPresent(node -> conditions(node, fields.where() + ".abort", problems)
                .forEach(abort::add));
        return new Extensions(traffic, admin, proxies, metrics, prometheus, scope, abort);
    }

    /** {@code proxies: [{name, listen, upstream}]}: each checked, names unique, inside the scope. */
    private static List<DeclaredProxy> declaredProxies(Fields settings, URI admin, Scope scope, Plain plain) {
        List<DeclaredProxy> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Fields entry : settings.children("proxies").orElse(List.of())) {
            entry.known(List.of("name", "listen", "upstream"));
            Optional<String> name = entry.requireText("name", "the proxy's name, as method targets name it")
                    .map(text -> plain.text(text, entry.valueLocation("name")));
            Optional<String> listen = address(entry, "listen", "where the service under test calls it", plain);
            Optional<String> upstream = address(entry, "upstream", "the real dependency", plain);
            if (name.isPresent() && (name.get().isBlank() || name.get().contains("/"))) {
                entry.problems().error(entry.valueLocation("name"), "proxy name \"" + name.get() + "\" is empty or "
                        + "has a '/'", "a name such as payments", "");
                continue;
            }
            if (name.isPresent() && !names.add(name.get())) {
                entry.problems().error(entry.valueLocation("name"), "proxy \"" + name.get() + "\" is declared twice",
                        "one entry per proxy", "");
                continue;
            }
            if (name.isPresent() && !scope.allowsProxy(name.get())) {
                entry.problems().error(entry.valueLocation("name"), "proxy \"" + name.get() + "\" is declared "
                        + "outside the scope", "one of scope.proxies: " + String.join(", ", scope.proxies()),
                        "creating a proxy changes the system too; add it to scope.proxies if this is intended");
                continue;
            }
            if (name.isPresent() && listen.isPresent() && upstream.isPresent()) {
                out.add(new DeclaredProxy(admin, name.get(), listen.get(), upstream.get()));
            }
        }
        return out;
    }

    private static Optional<String> address(Fields entry, String key, String what, Plain plain) {
        Optional<String> text = entry.requireText(key, "host:port, " + what).map(value -> plain.text(value,
                entry.valueLocation(key)).strip());
        if (text.isPresent() && !DeclaredProxy.isAddress(text.get())) {
            entry.problems().error(entry.valueLocation(key), "\"" + text.get() + "\" is not host:port with a port "
                    + "1..65535", "an address such as 127.0.0.1:8091", key.equals("listen")
                    ? "a fixed port: the service under test is configured to call it" : "");
            return Optional.empty();
        }
        return text;
    }

    static List<Condition> conditions(Node node, String where, Problems problems) {
        List<Node> items = node instanceof ListNode list ? list.items() : List.of(node);
        List<Condition> out = new ArrayList<>();
        for (Node item : items) {
            if (item instanceof ScalarNode scalar && !scalar.isNull()) {
                ConditionParser.parseAll(scalar.text()).forEach(parsed -> parsed.orReport(problems, scalar.location())
                        .ifPresent(out::add));
            } else {
                problems.error(item.location(), "\"" + where + "\" holds " + item.describe(),
                        "conditions such as \"error_rate > 5%\"", "");
            }
        }
        return out;
    }

    private static Optional<Traffic> traffic(Fields fields, Plain plain) {
        fields.known(TRAFFIC_KEYS);
        Problems problems = fields.problems();
        Optional<URI> url = fields.requireText("url", "the URL the traffic source calls").flatMap(text ->
                ActivityReader.parseUri(plain.text(text, fields.valueLocation("url")), fields.valueLocation("url"),
                        problems));
        String method = fields.text("method", "an HTTP method").orElse("GET").strip()
                .toUpperCase(java.util.Locale.ROOT);
        Map<String, String> headers = fields.textMap("headers");
        String body = fields.text("body", "the request body").orElse("");
        double rate = fields.number("rate", "requests per second, 0.1..10000").map(BigDecimal::doubleValue)
                .orElse(10.0);
        if (!(rate >= 0.1 && rate <= 10_000)) {
            problems.error(fields.valueLocation("rate"), "the traffic rate is " + rate + " req/s",
                    "0.1..10000 requests per second", "");
            return Optional.empty();
        }
        Duration timeout = duration(fields, "timeout").orElse(Duration.ofSeconds(2));
        Duration window = duration(fields, "window").orElse(Traffic.DEFAULT_WINDOW);
        if (timeout.isZero() || window.isZero()) {
            problems.error(fields.map().location(), "traffic timeout and window are zero", "positive durations", "");
            return Optional.empty();
        }
        return url.map(target -> new Traffic(target, method, headers, body, rate, timeout, window));
    }

    private static Scope scope(Fields fields, Plain plain) {
        fields.known(List.of("proxies", "urls"));
        Set<String> proxies = new LinkedHashSet<>();
        List<String> urls = new ArrayList<>();
        fields.map().get("proxies").ifPresent(node -> strings(node, fields, plain).forEach(proxies::add));
        fields.map().get("urls").ifPresent(node -> strings(node, fields, plain).forEach(urls::add));
        return new Scope(proxies, urls);
    }

    private static List<String> strings(Node node, Fields fields, Plain plain) {
        List<String> out = new ArrayList<>();
        List<Node> items = node instanceof ListNode list ? list.items() : List.of(node);
        for (Node item : items) {
            if (item instanceof ScalarNode scalar && !scalar.isNull()) {
                out.add(plain.text(scalar.text(), scalar.location()));
            } else {
                fields.problems().error(item.location(), "a scope entry is " + item.describe(), "a name or URL", "");
            }
        }
        return out;
    }

    /** A duration as Relia writes them ({@code 2s}, {@code 500ms}); a plain number means seconds. */
    static Optional<Duration> duration(Fields fields, String key) {
        return fields.map().get(key).flatMap(node -> {
            if (node instanceof ScalarNode scalar && scalar.asNumber().isPresent()) {
                BigDecimal seconds = scalar.asNumber().get();
                if (seconds.signum() < 0) {
                    fields.problems().error(node.location(), "\"" + key + "\" is negative", "a duration", "");
                    return Optional.empty();
                }
                return Optional.of(Duration.ofMillis(seconds.movePointRight(3).longValue()));
            }
            if (node instanceof ScalarNode scalar) {
                return Durations.parse(scalar.text()).orReport(fields.problems(), node.location());
            }
            fields.problems().error(node.location(), "\"" + key + "\" is " + node.describe(), "a duration", "");
            return Optional.empty();
        });
    }
}
