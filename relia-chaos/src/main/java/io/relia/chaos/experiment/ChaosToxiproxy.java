package io.relia.chaos.experiment;

import io.relia.core.Location;
import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Suggestions;

import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chaos Toolkit's Toxiproxy driver (chaostoolkit-toxiproxy 0.3, Python package {@code chaostoxi}) mapped onto
 * Relia's Toxiproxy providers, so its experiments run against {@code relia chaos proxy} or any Toxiproxy without
 * Python. The admin API is the driver's: configuration {@code toxiproxy_url}, else
 * {@code http://toxiproxy_host:toxiproxy_port} (port 8474 by default). Functions and arguments are the driver's
 * own; one it does not have is a located error naming it.
 */
final class ChaosToxiproxy {

    static final String PACKAGE = "chaostoxi";
    private static final String PROXY_ACTIONS = "chaostoxi.proxy.actions";
    private static final String PROXY_PROBES = "chaostoxi.proxy.probes";
    private static final String TOXIC_ACTIONS = "chaostoxi.toxic.actions";

    /** The driver's functions by module, each with its arguments (required ones first, then optional ones). */
    private static final Map<String, Map<String, Signature>> FUNCTIONS = Map.of(
            PROXY_ACTIONS, Map.of(
                    "create_proxy", new Signature(List.of("proxy_name", "upstream_host", "upstream_port"),
                            List.of("listen_host", "listen_port", "enabled")),
                    "delete_proxy", new Signature(List.of("proxy_name"), List.of()),
                    "modify_proxy", new Signature(List.of("proxy_name"),
                            List.of("listen_address", "upstream_address", "enabled")),
                    "disable_proxy", new Signature(List.of("proxy_name"), List.of()),
                    "enable_proxy", new Signature(List.of("proxy_name"), List.of()),
                    "reset", new Signature(List.of(), List.of())),
            PROXY_PROBES, Map.of(
                    "proxy_exist", new Signature(List.of("proxy_name"), List.of()),
                    "get_proxy_attribute", new Signature(List.of("proxy_name", "attribute"), List.of())),
            TOXIC_ACTIONS, Map.of(
                    "create_toxic", new Signature(List.of("for_proxy", "toxic_name", "toxic_type"),
                            List.of("stream", "toxicity", "attributes")),
                    "delete_toxic", new Signature(List.of("for_proxy", "toxic_name"), List.of()),
                    "create_latency_toxic", new Signature(List.of("for_proxy", "toxic_name", "latency"),
                            List.of("jitter")),
                    // sic: the driver spells it "bandwith"
                    "create_bandwith_degradation_toxic", new Signature(List.of("for_proxy", "toxic_name", "rate"),
                            List.of()),
                    "create_slow_connection_close_toxic", new Signature(List.of("for_proxy", "toxic_name", "delay"),
                            List.of()),
                    "create_timeout_toxic", new Signature(List.of("for_proxy", "toxic_name", "timeout"), List.of()),
                    "create_slicer_toxic", new Signature(List.of("for_proxy", "toxic_name", "average_size",
                            "size_variation", "delay"), List.of()),
                    "create_limiter_toxic", new Signature(List.of("for_proxy", "toxic_name", "bytes_limit"),
                            List.of())));

    private record Signature(List<String> required, List<String> optional) {
        List<String> all() {
            return java.util.stream.Stream.concat(required.stream(), optional.stream()).toList();
        }
    }

    private final Map<String, Object> configuration;
    private final Map<String, String> env;
    private final Problems problems;

    ChaosToxiproxy(Map<String, Object> configuration, Map<String, String> env, Problems problems) {
        this.configuration = configuration;
        this.env = env;
        this.problems = problems;
    }

    /** True for a module of the driver. */
    static boolean owns(String module) {
        return module.equals(PACKAGE) || module.startsWith(PACKAGE + ".");
    }

    /** The Relia provider for {@code module.func} with the provider's {@code arguments}; empty after an error. */
    Optional<Provider> read(Fields provider, String module, String func) {
        Map<String, Signature> functions = FUNCTIONS.get(module);
        if (functions == null) {
            problems.error(provider.valueLocation("module"), "chaostoxi has no module \"" + module + "\"",
                    String.join(", ", FUNCTIONS.keySet().stream().sorted().toList()), Suggestions.closest(module,
                            FUNCTIONS.keySet()).map(best -> "did you mean \"" + best + "\"?").orElse(""));
            return Optional.empty();
        }
        Signature signature = functions.get(func);
        if (signature == null) {
            problems.error(provider.map().has("func") ? provider.valueLocation("func") : provider.map().location(),
                    "Relia does not map chaostoxi function " + module + "." + func, "one of " + String.join(", ",
                            functions.keySet().stream().sorted().toList()), Suggestions.closest(func,
                            functions.keySet()).map(best -> "did you mean \"" + best + "\"?").orElse(""));
            return Optional.empty();
        }
        Fields arguments = provider.child("arguments").orElseGet(() -> new Fields(
                new MapNode(new LinkedHashMap<>(), provider.map().location()), problems,
                provider.where() + ".arguments"));
        long errors = problems.errorCount();
        for (String key : arguments.map().keys()) {
            if (!signature.all().contains(key) && !key.equals("configuration")) {
                problems.error(arguments.map().locationOf(key), module + "." + func + " has no argument \"" + key
                        + "\"", signature.all().isEmpty() ? "no arguments" : String.join(", ", signature.all()),
                        Suggestions.closest(key, signature.all()).map(best -> "did you mean \"" + best + "\"?")
                                .orElse(""));
            }
        }
        for (String key : signature.required()) {
            if (!arguments.map().has(key)) {
                problems.error(arguments.map().location(), module + "." + func + " needs argument \"" + key + "\"",
                        "arguments: {" + String.join(", ", signature.required()) + "}", "");
            }
        }
        Optional<URI> admin = admin(provider.map().location());
        if (problems.errorCount() > errors || admin.isEmpty()) {
            return Optional.empty();
        }
        return provider(func, arguments, admin.get());
    }

    private Optional<Provider> provider(String func, Fields arguments, URI admin) {
        return switch (func) {
            case "create_proxy" -> {
                Optional<String> name = arguments.requireText("proxy_name", "the proxy's name");
                Optional<String> host = text(arguments, "upstream_host");
                Optional<String> port = text(arguments, "upstream_port");
                String listenHost = arguments.text("listen_host", "an address").orElse("0.0.0.0");
                String listenPort = arguments.number("listen_port", "a port").map(BigDecimal::toPlainString)
                        .orElse("0");
                boolean enabled = arguments.bool("enabled").orElse(true);
                yield name.flatMap(proxy -> host.flatMap(upstreamHost -> port.map(upstreamPort ->
                        new Provider.CreateProxy(admin, proxy, listenHost + ":" + listenPort,
                                upstreamHost + ":" + upstreamPort, enabled))));
            }
            case "delete_proxy" -> proxyName(arguments).map(proxy -> new Provider.DeleteProxy(admin, proxy));
            case "disable_proxy", "enable_proxy" -> proxyName(arguments).map(proxy ->
                    new Provider.SetProxyEnabled(admin, proxy, func.equals("enable_proxy")));
            case "modify_proxy" -> {
                Optional<String> listen = arguments.text("listen_address", "host:port");
                Optional<String> upstream = arguments.text("upstream_address", "host:port");
                Optional<Boolean> enabled = arguments.bool("enabled");
                yield proxyName(arguments).map(proxy -> listen.isEmpty() && upstream.isEmpty() && enabled.isPresent()
                        ? new Provider.SetProxyEnabled(admin, proxy, enabled.get())
                        : new Provider.UpdateProxy(admin, proxy, listen, upstream, enabled));
            }
            case "reset" -> Optional.of(new Provider.ResetProxies(admin));
            case "proxy_exist" -> proxyName(arguments).map(proxy -> new Provider.ProxyExists(admin, proxy));
            case "get_proxy_attribute" -> proxyName(arguments).flatMap(proxy -> arguments.requireText("attribute",
                    "listen, upstream, enabled, ...").map(attribute ->
                    new Provider.ProxyAttribute(admin, proxy, attribute)));
            case "delete_toxic" -> forProxy(arguments).flatMap(proxy -> toxicName(arguments).map(toxic ->
                    new Provider.RemoveToxic(admin, proxy, toxic)));
            case "create_toxic" -> {
                Optional<String> type = arguments.requireText("toxic_type", "latency, bandwidth, timeout, ...");
                String stream = arguments.text("stream", "downstream or upstream").orElse("downstream");
                if (!stream.equals("downstream") && !stream.equals("upstream")) {
                    problems.error(arguments.valueLocation("stream"), "stream is \"" + stream + "\"",
                            "downstream or upstream", "");
                    yield Optional.empty();
                }
                double toxicity = arguments.number("toxicity", "0..1").map(BigDecimal::doubleValue).orElse(1.0);
                if (!(toxicity >= 0 && toxicity <= 1)) {
                    problems.error(arguments.valueLocation("toxicity"), "toxicity is " + toxicity, "0..1", "");
                    yield Optional.empty();
                }
                Map<String, Number> attributes = new LinkedHashMap<>();
                arguments.child("attributes").ifPresent(child -> child.map().keys().forEach(key ->
                        child.number(key, "a number (ms, KB/s, bytes)").ifPresent(value ->
                                attributes.put(key, number(value)))));
                yield toxic(arguments, admin, type, stream, toxicity, attributes);
            }
            default -> {
                String type = switch (func) {
                    case "create_latency_toxic" -> "latency";
                    case "create_bandwith_degradation_toxic" -> "bandwidth";
                    case "create_slow_connection_close_toxic" -> "slow_close";
                    case "create_timeout_toxic" -> "timeout";
                    case "create_slicer_toxic" -> "slicer";
                    case "create_limiter_toxic" -> "limit_data";
                    default -> throw new IllegalStateException("unmapped chaostoxi function " + func);
                };
                Map<String, Number> attributes = new LinkedHashMap<>();
                for (String key : arguments.map().keys()) {
                    if (!key.equals("for_proxy") && !key.equals("toxic_name") && !key.equals("configuration")) {
                        // the limiter's bytes_limit is Toxiproxy's "bytes"
                        String attribute = key.equals("bytes_limit") ? "bytes" : key;
                        arguments.number(key, "a number").ifPresent(value -> attributes.put(attribute,
                                number(value)));
                    }
                }
                if (type.equals("latency")) {
                    attributes.putIfAbsent("jitter", 0L);
                }
                yield toxic(arguments, admin, Optional.of(type), "downstream", 1.0, attributes);
            }
        };
    }

    private Optional<Provider> toxic(Fields arguments, URI admin, Optional<String> type, String stream,
                                     double toxicity, Map<String, Number> attributes) {
        Optional<String> proxy = forProxy(arguments);
        Optional<String> toxic = toxicName(arguments);
        return type.flatMap(value -> proxy.flatMap(name -> toxic.map(toxicName -> new Provider.AddToxic(admin, name,
                toxicName, value, stream, toxicity, attributes))));
    }

    private static Optional<String> proxyName(Fields arguments) {
        return arguments.requireText("proxy_name", "the proxy's name");
    }

    private static Optional<String> forProxy(Fields arguments) {
        return arguments.requireText("for_proxy", "the proxy's name");
    }

    private static Optional<String> toxicName(Fields arguments) {
        return arguments.requireText("toxic_name", "the toxic's name");
    }

    private static Number number(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= 0 ? (Number) value.longValue() : (Number) value.doubleValue();
    }

    /** An upstream value; {@code env:NAME} reads the variable, as the driver's create_proxy does. */
    private Optional<String> text(Fields arguments, String key) {
        Optional<String> value = arguments.requireText(key, "a host or port, or env:VARIABLE");
        if (value.isPresent() && value.get().startsWith("env:")) {
            String variable = value.get().substring(4);
            String read = env.get(variable);
            if (read == null) {
                RunnerLimits.unsetVariable(problems, arguments.valueLocation(key), variable, key);
                return Optional.empty();
            }
            return Optional.of(read);
        }
        return value;
    }

    /** The driver's admin API: toxiproxy_url, else http://toxiproxy_host:toxiproxy_port (8474). */
    private Optional<URI> admin(Location at) {
        Object url = configuration.get("toxiproxy_url");
        Object host = configuration.get("toxiproxy_host");
        Object port = configuration.get("toxiproxy_port");
        if (url == Plain.UNSET || host == Plain.UNSET || port == Plain.UNSET) {
            // read from an environment variable that is not set: reported where it is declared
            return Optional.empty();
        }
        String text;
        if (url != null && !String.valueOf(url).isBlank()) {
            text = String.valueOf(url);
        } else if (host != null && !String.valueOf(host).isBlank()) {
            text = "http://" + host + ":" + (port == null || String.valueOf(port).isBlank() ? "8474" : port);
        } else {
            problems.error(at, "no Toxiproxy API for chaostoxi", "configuration: {toxiproxy_host: HOST} (port "
                    + "toxiproxy_port, default 8474) or {toxiproxy_url: URL}", "relia chaos proxy listens on "
                    + "127.0.0.1:8474 by default");
            return Optional.empty();
        }
        return ActivityReader.parseUri(text, at, problems);
    }
}
