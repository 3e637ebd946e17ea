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
import io.relia.core.spec.MapNode;
import io.relia.core.spec.ScalarNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
        List<Guard> guards = new ArrayList<>(Breakers.inCode(context, facts));
        guards.addAll(Breakers.inSpringConfig(springConfigs, context, facts));
        guards.addAll(Breakers.inMesh(workloads));
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
                container.list("env").ifPresent(env -> Breakers.mappings(env).forEach(variable -> {
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
}
