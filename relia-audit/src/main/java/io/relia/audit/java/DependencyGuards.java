package io.relia.audit.java;

import io.relia.audit.AuditContext;
import io.relia.audit.Evidence;
import io.relia.audit.k8s.Workload;
import io.relia.audit.k8s.Workloads;
import io.relia.audit.spring.SpringProperties;
import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * Matches the critical dependencies of relia.yaml to the circuit breakers that guard them. A breaker guards a
 * dependency when its name holds the dependency's name, when it sits in a class that calls the dependency, or,
 * for a service mesh, when its host is the dependency's. Code and config that call a dependency are found by the
 * same names: a client class, a URL host, a property, an env variable. Only services called over the network
 * (kind http, grpc and the like, or no kind) are expected to have a breaker; databases and queues are guarded by
 * pool and query timeouts instead.
 */
final class DependencyGuards {

    private static final Set<String> SERVICE_KINDS = Set.of("", "http", "https", "grpc", "rest", "graphql",
            "service", "api", "soap", "websocket", "thrift");
    private static final int MAX_SHOWN = 3;

    /**
     * A circuit breaker, library or mesh.
     *
     * @param what   the library and construct ("Resilience4j @CircuitBreaker")
     * @param name   its instance name, or empty
     * @param owner  the class it sits in, or for a mesh the host it covers
     * @param byHost true when {@code owner} is a host
     * @param at     where it is written
     */
    record Guard(String what, String name, String owner, boolean byHost, Location at) {

        String describe() {
            return what + (name.isEmpty() ? "" : " \"" + name + "\"") + (owner.isEmpty() ? ""
                    : (byHost ? " for host " : " in ") + owner);
        }

        /** How it guards {@code dependency}, given the classes that call it; empty when it does not. */
        Optional<String> guards(String dependency, Set<String> callers) {
            if (byHost) {
                return DependencyNames.hostMatches(dependency, owner) ? Optional.of("its host") : Optional.empty();
            }
            if (!name.isEmpty() && DependencyNames.matches(dependency, name)) {
                return Optional.of("its name");
            }
            if (!owner.isEmpty() && (callers.contains(owner) || DependencyNames.matches(dependency, owner))) {
                return Optional.of("the class " + owner + " that calls it");
            }
            return Optional.empty();
        }
    }

    /**
     * Code or config that calls a dependency.
     *
     * @param how   what was matched ("class PaymentsClient calls out", "URL host payments.shop.svc")
     * @param owner the class it sits in, or empty outside code
     * @param at    where
     */
    record Call(String how, String owner, Location at) {
    }

    private final AuditContext context;
    private final ProjectFacts facts;
    private final Workloads workloads;

    DependencyGuards(AuditContext context, ProjectFacts facts) {
        this.context = context;
        this.facts = facts;
        this.workloads = Workloads.of(context.inventory());
    }

    void check() {
        List<SpringProperties> springConfigs = springConfigs();
        List<Guard> guards = new ArrayList<>(codeGuards());
        guards.addAll(configGuards(springConfigs));
        guards.addAll(meshGuards());
        List<MapNode> critical = new ArrayList<>();
        context.inventory().serviceConfig().flatMap(config -> config.list("dependencies")).ifPresent(list ->
                list.items().forEach(item -> {
                    if (item instanceof MapNode dependency && dependency.text("critical").filter("true"::equals)
                            .isPresent() && dependency.text("name").isPresent()) {
                        critical.add(dependency);
                    }
                }));
        List<Guard> matched = new ArrayList<>();
        for (MapNode dependency : critical) {
            String name = dependency.text("name").orElseThrow();
            String kind = dependency.text("kind").orElse("").toLowerCase(Locale.ROOT);
            List<Call> calls = calls(name, springConfigs);
            Set<String> callers = calls.stream().map(Call::owner).filter(owner -> !owner.isEmpty())
                    .collect(Collectors.toSet());
            calls.forEach(call -> context.evidence(new Evidence(Evidence.Topic.DEPENDENCY_CALL, name, call.how(),
                    call.at())));
            List<String> how = new ArrayList<>();
            for (Guard guard : guards) {
                guard.guards(name, callers).ifPresent(by -> {
                    matched.add(guard);
                    how.add(guard.describe());
                    context.evidence(new Evidence(Evidence.Topic.CIRCUIT_BREAKER, name, guard.describe()
                            + " (matched by " + by + ")", guard.at()));
                });
            }
            if (how.isEmpty() && SERVICE_KINDS.contains(kind)) {
                report(dependency, name, kind, calls, guards);
            }
        }
        guards.stream().filter(guard -> !matched.contains(guard)).forEach(guard -> context.evidence(
                Evidence.of(Evidence.Topic.CIRCUIT_BREAKER, guard.describe(), guard.at())));
    }

    private void report(MapNode dependency, String name, String kind, List<Call> calls, List<Guard> guards) {
        if (!context.enabled(JavaRules.NO_CIRCUIT_BREAKER.id())) {
            return;
        }
        String matched = calls.isEmpty() ? "no code or config calling it was found by its name (a client class, "
                + "a URL host, a property or env variable named after it)"
                : "it is called from " + calls.stream().limit(MAX_SHOWN).map(call -> call.how() + " at " + call.at())
                .collect(Collectors.joining(", ")) + (calls.size() > MAX_SHOWN ? " and " + (calls.size() - MAX_SHOWN)
                + " more place(s)" : "");
        String others = guards.isEmpty() ? "" : "; the breakers found (" + guards.stream().limit(MAX_SHOWN)
                .map(Guard::describe).collect(Collectors.joining(", ")) + ") neither name it nor sit in that code";
        context.report(new Finding(JavaRules.NO_CIRCUIT_BREAKER.id(), JavaRules.NO_CIRCUIT_BREAKER.severity(),
                "critical dependency " + name + (kind.isEmpty() ? "" : " (" + kind + ")") + " has no circuit "
                        + "breaker: " + matched + others, dependency.locationOf("name"),
                "wrap its calls in a breaker named after it (Resilience4j: resilience4j.circuitbreaker.instances."
                        + name + " and @CircuitBreaker(name = \"" + name + "\")), or add Istio outlierDetection "
                        + "for its host, so that its failures fail fast instead of holding every caller"));
    }

    /** Breakers the Java files noted, main code only. */
    private List<Guard> codeGuards() {
        List<Guard> guards = new ArrayList<>();
        for (String key : facts.keysStartingWith(CircuitBreakerCheck.BREAKER)) {
            String[] parts = key.substring(CircuitBreakerCheck.BREAKER.length()).split("\\|", -1);
            facts.inMainCode(context.root(), key).forEach(at -> guards.add(new Guard(parts[0], parts[1], parts[2],
                    false, at)));
        }
        return guards;
    }

    /** Resilience4j and Hystrix instances in Spring config, Feign clients when Feign's breakers are on, gateways. */
    private List<Guard> configGuards(List<SpringProperties> configs) {
        List<Guard> guards = new ArrayList<>();
        boolean feign = false;
        for (SpringProperties config : configs) {
            for (String prefix : List.of("resilience4j.circuitbreaker.instances",
                    "resilience4j.circuitbreaker.backends", "hystrix.command")) {
                instances(config, prefix).forEach((instance, at) -> guards.add(new Guard(prefix.startsWith("hystrix")
                        ? "Hystrix command config" : "Resilience4j config", instance, "", false, at)));
            }
            feign |= List.of("spring.cloud.openfeign.circuitbreaker.enabled", "feign.circuitbreaker.enabled",
                    "feign.hystrix.enabled").stream().anyMatch(key -> config.get(key)
                    .filter(property -> property.value().equalsIgnoreCase("true")).isPresent());
            gatewayRoutes(config, guards);
        }
        if (feign) {
            for (String key : facts.keysStartingWith(CircuitBreakerCheck.FEIGN)) {
                String[] parts = key.substring(CircuitBreakerCheck.FEIGN.length()).split("\\|", -1);
                facts.inMainCode(context.root(), key).forEach(at -> guards.add(new Guard(
                        "Feign client with Spring Cloud CircuitBreaker", parts[0], parts[1], false, at)));
            }
        }
        return guards;
    }

    /**
     * The instances configured under {@code prefix} as written ({@code payments-api}, not its relaxed form), each at
     * its first property; "default" is a template, not an instance.
     */
    private static Map<String, Location> instances(SpringProperties config, String prefix) {
        String relaxed = SpringProperties.relaxed(prefix) + ".";
        int depth = prefix.split("\\.").length;
        Map<String, Location> instances = new TreeMap<>();
        for (SpringProperties.Property property : config.properties().values()) {
            String[] segments = property.key().split("\\.");
            if (SpringProperties.relaxed(property.key()).startsWith(relaxed) && segments.length > depth
                    && !segments[depth].equals("default")) {
                instances.merge(segments[depth], property.location(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        return instances;
    }

    /**
     * Spring Cloud Gateway routes with a CircuitBreaker filter, their own or one of the default filters, guard the
     * host of their uri (spring.cloud.gateway.routes, and the server.webflux/webmvc prefixes of Gateway 4.3+).
     */
    private static void gatewayRoutes(SpringProperties config, List<Guard> guards) {
        for (String gateway : List.of("spring.cloud.gateway", "spring.cloud.gateway.server.webflux",
                "spring.cloud.gateway.server.webmvc")) {
            boolean byDefault = breakerFilter(config, gateway + ".default-filters");
            for (int route = 0; config.hasPrefix(gateway + ".routes[" + route + "]"); route++) {
                String prefix = gateway + ".routes[" + route + "]";
                Optional<SpringProperties.Property> uri = config.get(prefix + ".uri");
                Optional<Matcher> host = uri.map(property -> CircuitBreakerCheck.URL.matcher(property.value()))
                        .filter(Matcher::find);
                if (host.isPresent() && (byDefault || breakerFilter(config, prefix + ".filters"))) {
                    guards.add(new Guard("Spring Cloud Gateway CircuitBreaker filter", "", host.get().group(1),
                            true, uri.get().location()));
                }
            }
        }
    }

    /** True when a filter list ({@code - CircuitBreaker=...} or {@code - name: CircuitBreaker}) holds a breaker. */
    private static boolean breakerFilter(SpringProperties config, String filters) {
        String relaxed = SpringProperties.relaxed(filters) + "[";
        return config.properties().values().stream().anyMatch(property -> SpringProperties.relaxed(property.key())
                .startsWith(relaxed) && property.value().startsWith("CircuitBreaker"));
    }

    /** Istio outlier detection and Linkerd failure accrual in the manifests. */
    private List<Guard> meshGuards() {
        List<Guard> guards = new ArrayList<>();
        for (MapNode rule : workloads.objects("DestinationRule")) {
            String name = rule.map("metadata").flatMap(m -> m.text("name")).orElse("?");
            Optional<MapNode> spec = rule.map("spec");
            String host = spec.flatMap(s -> s.text("host")).orElse("");
            List<MapNode> policies = new ArrayList<>();
            spec.flatMap(s -> s.map("trafficPolicy")).ifPresent(policies::add);
            spec.flatMap(s -> s.list("subsets")).ifPresent(subsets -> mappings(subsets).forEach(subset ->
                    subset.map("trafficPolicy").ifPresent(policies::add)));
            List<MapNode> withPorts = new ArrayList<>(policies);
            policies.forEach(policy -> policy.list("portLevelSettings").ifPresent(ports -> withPorts.addAll(
                    mappings(ports))));
            withPorts.stream().filter(policy -> policy.has("outlierDetection")).findFirst().ifPresent(policy ->
                    guards.add(new Guard("Istio DestinationRule/" + name + " outlierDetection", "", host, true,
                            policy.locationOf("outlierDetection"))));
        }
        for (MapNode service : workloads.objects("Service")) {
            String name = service.map("metadata").flatMap(m -> m.text("name")).orElse("?");
            service.map("metadata").flatMap(m -> m.map("annotations"))
                    .filter(annotations -> annotations.has("balancer.linkerd.io/failure-accrual"))
                    .ifPresent(annotations -> guards.add(new Guard("Linkerd failure accrual on Service/" + name, "",
                            name, true, annotations.locationOf("balancer.linkerd.io/failure-accrual"))));
        }
        return guards;
    }

    /** Where the service calls {@code dependency}: client classes, URL hosts, properties, env and arguments. */
    private List<Call> calls(String dependency, List<SpringProperties> configs) {
        List<Call> calls = new ArrayList<>();
        for (String key : facts.keysStartingWith(CircuitBreakerCheck.CLIENT)) {
            String owner = key.substring(CircuitBreakerCheck.CLIENT.length());
            if (DependencyNames.matches(dependency, owner)) {
                facts.inMainCode(context.root(), key).stream().findFirst().ifPresent(at -> calls.add(new Call(
                        "class " + owner + " (calls out)", owner, at)));
            }
        }
        for (String key : facts.keysStartingWith(CircuitBreakerCheck.FEIGN)) {
            String[] parts = key.substring(CircuitBreakerCheck.FEIGN.length()).split("\\|", -1);
            if (DependencyNames.matches(dependency, parts[0]) || DependencyNames.matches(dependency, parts[1])) {
                facts.inMainCode(context.root(), key).forEach(at -> calls.add(new Call("Feign client " + parts[1]
                        + " (@FeignClient " + parts[0] + ")", parts[1], at)));
            }
        }
        for (String key : facts.keysStartingWith(CircuitBreakerCheck.HOST)) {
            String[] parts = key.substring(CircuitBreakerCheck.HOST.length()).split("\\|", -1);
            if (DependencyNames.hostMatches(dependency, parts[0])) {
                facts.inMainCode(context.root(), key).forEach(at -> calls.add(new Call("URL host " + parts[0]
                        + (parts[1].isEmpty() ? "" : " in " + parts[1]), parts[1], at)));
            }
        }
        for (SpringProperties config : configs) {
            config.properties().values().stream().sorted((a, b) -> a.location().compareTo(b.location()))
                    .filter(property -> hostOf(property.value()).filter(host -> DependencyNames.hostMatches(
                            dependency, host)).isPresent() || hostOf(property.value()).isPresent()
                            && DependencyNames.matches(dependency, property.key()))
                    .forEach(property -> calls.add(new Call("property " + property.key(), "", property.location())));
        }
        for (Workload workload : workloads.all()) {
            for (MapNode container : workload.containers()) {
                container.list("env").ifPresent(env -> mappings(env).forEach(variable -> {
                    String name = variable.text("name").orElse("");
                    variable.get("value").filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast)
                            .filter(value -> hostOf(value.text()).filter(host -> DependencyNames.hostMatches(
                                    dependency, host)).isPresent() || DependencyNames.matches(dependency, name))
                            .ifPresent(value -> calls.add(new Call(workload.label() + " env " + name, "",
                                    value.location())));
                }));
                for (String list : List.of("args", "command")) {
                    container.list(list).ifPresent(arguments -> arguments.items().forEach(item -> {
                        if (item instanceof ScalarNode argument && hostIn(argument.text())
                                .filter(host -> DependencyNames.hostMatches(dependency, host)).isPresent()) {
                            calls.add(new Call(workload.label() + " argument " + argument.text(), "",
                                    argument.location()));
                        }
                    }));
                }
            }
        }
        return calls;
    }

    private List<SpringProperties> springConfigs() {
        List<SpringProperties> configs = new ArrayList<>();
        for (DiscoveredInput input : context.inventory().ofKind(InputKind.SPRING_CONFIG)) {
            try {
                configs.add(SpringProperties.of(input));
            } catch (IOException | UncheckedIOException | IllegalArgumentException unreadable) {
                // The Spring analyzer reports unreadable configs; breakers in it are then not seen.
            }
        }
        return configs;
    }

    /** The host of a value that is a URL, or a {@code host:port} address ({@code cartservice:7070}). */
    private static Optional<String> hostOf(String value) {
        Matcher url = CircuitBreakerCheck.URL.matcher(value.strip());
        if (url.find()) {
            return Optional.of(url.group(1));
        }
        Matcher address = CircuitBreakerCheck.TARGET.matcher(value.strip());
        return address.matches() ? Optional.of(address.group(1)) : Optional.empty();
    }

    /** The host of a URL inside a value: {@code --payments-url=http://payments:8081}. */
    private static Optional<String> hostIn(String value) {
        int scheme = value.indexOf("://");
        if (scheme < 0) {
            return Optional.empty();
        }
        int start = scheme;
        while (start > 0 && Character.isLetter(value.charAt(start - 1))) {
            start--;
        }
        return hostOf(value.substring(start));
    }

    private static List<MapNode> mappings(ListNode list) {
        List<MapNode> maps = new ArrayList<>();
        for (Node item : list.items()) {
            if (item instanceof MapNode map) {
                maps.add(map);
            }
        }
        return maps;
    }
}
