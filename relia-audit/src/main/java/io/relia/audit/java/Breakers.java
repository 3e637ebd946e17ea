package io.relia.audit.java;

import io.relia.audit.AuditContext;
import io.relia.audit.k8s.Workloads;
import io.relia.audit.spring.SpringProperties;
import io.relia.core.Location;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;

/**
 * The circuit breakers of a service, wherever they are written: in code (noted per file by
 * {@link CircuitBreakerCheck}), in Spring config (Resilience4j and Hystrix instances, Feign with breakers on,
 * Spring Cloud Gateway filters) and in a service mesh (Istio outlier detection, Linkerd failure accrual).
 */
final class Breakers {

    private Breakers() {
    }

    /** Breakers the Java files noted, main code only. */
    static List<Guard> inCode(AuditContext context, ProjectFacts facts) {
        List<Guard> guards = new ArrayList<>();
        for (String key : facts.keysStartingWith(CircuitBreakerCheck.BREAKER)) {
            String[] parts = key.substring(CircuitBreakerCheck.BREAKER.length()).split("\\|", -1);
            facts.inMainCode(context.root(), key).forEach(at -> guards.add(new Guard(parts[0], parts[1], parts[2],
                    false, at)));
        }
        return guards;
    }

    /** Resilience4j and Hystrix instances in Spring config, Feign clients when Feign's breakers are on, gateways. */
    static List<Guard> inSpringConfig(List<SpringProperties> configs, AuditContext context, ProjectFacts facts) {
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
    static List<Guard> inMesh(Workloads workloads) {
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

    /** The mappings of a YAML list, skipping anything else. */
    static List<MapNode> mappings(ListNode list) {
        List<MapNode> maps = new ArrayList<>();
        for (Node item : list.items()) {
            if (item instanceof MapNode map) {
                maps.add(map);
            }
        }
        return maps;
    }
}
