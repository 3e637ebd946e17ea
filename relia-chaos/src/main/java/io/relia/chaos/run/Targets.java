package io.relia.chaos.run;

import io.relia.chaos.experiment.Activity;
import io.relia.chaos.experiment.DeclaredProxy;
import io.relia.chaos.experiment.Experiment;
import io.relia.chaos.experiment.Provider;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What an experiment acts on, checked before anything runs: each proxy API answers, each proxy the method
 * faults exists (or is declared, and then is created), each upstream and the traffic URL accept connections,
 * steady-state probe URLs answer, Prometheus is reachable. {@code --dry-run} shows these checks; a run does not
 * start when one fails, so a missing proxy is reported at once with the command that fixes it instead of as an
 * {@code HTTP 404} after the warm-up.
 */
public final class Targets {

    /** Whether the checks may change the proxy server. */
    public enum Mode {
        /** Look only (a dry run): a missing declared proxy is reported as "would be created". */
        CHECK,
        /** Before a run: create the declared proxies that are missing. */
        PREPARE
    }

    /** The outcome of one check. */
    public enum Status {
        OK("ok"), CREATED("created"), SKIPPED("skipped"), FAILED("FAILED");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** How a check line starts: ok, created, skipped, FAILED. */
        public String label() {
            return label;
        }
    }

    /**
     * One check.
     *
     * @param status its outcome
     * @param text   what was checked and what was found ("proxy API http://127.0.0.1:8474: connection refused to
     *               127.0.0.1:8474")
     * @param fix    for a failure, what to do (a command where one exists); else empty
     */
    public record Check(Status status, String text, String fix) {
        public Check {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(fix, "fix");
        }

        static Check ok(String text) {
            return new Check(Status.OK, text, "");
        }

        static Check failed(String text, String fix) {
            return new Check(Status.FAILED, text, fix);
        }
    }

    /** Every check, in the order made. */
    public record Report(List<Check> checks) {
        public Report {
            checks = List.copyOf(checks);
        }

        /** True when no check failed. */
        public boolean ok() {
            return checks.stream().noneMatch(check -> check.status() == Status.FAILED);
        }

        /** The failed checks. */
        public List<Check> failures() {
            return checks.stream().filter(check -> check.status() == Status.FAILED).toList();
        }
    }

    private Targets() {
    }

    /** Checks every target of {@code experiment}; in {@link Mode#PREPARE} creates the missing declared proxies. */
    public static Report check(Experiment experiment, Mode mode) throws InterruptedException {
        List<Check> checks = new ArrayList<>();
        Map<URI, Set<String>> proxiesByAdmin = proxiesByAdmin(experiment);
        for (Map.Entry<URI, Set<String>> admin : proxiesByAdmin.entrySet()) {
            try (ToxiproxyApi api = new ToxiproxyApi(admin.getKey())) {
                new ProxyTargets(api, experiment.proxies(), mode, checks).check(admin.getValue());
            }
        }
        experiment.traffic().ifPresent(traffic -> checks.add(Endpoints.answers("traffic " + traffic.method() + " "
                + traffic.url(), traffic.url(), traffic.method(), traffic.headers(), traffic.timeout(), true)));
        for (Activity probe : experiment.hypothesis()) {
            if (probe.provider() instanceof Provider.Http http) {
                checks.add(Endpoints.answers("steady-state probe \"" + probe.name() + "\": " + http.method() + " "
                        + http.url(), http.url(), http.method(), http.headers(), http.readTimeout(), false));
            }
        }
        for (URI server : prometheusServers(experiment)) {
            checks.add(Endpoints.accepts("Prometheus " + server, server, "start Prometheus, or correct the "
                    + "prometheus URL"));
        }
        return new Report(checks);
    }

    /** Proxy names by admin API: those the method and rollbacks change, and those the experiment declares. */
    private static Map<URI, Set<String>> proxiesByAdmin(Experiment experiment) {
        Map<URI, Set<String>> out = new LinkedHashMap<>();
        for (DeclaredProxy proxy : experiment.proxies()) {
            out.computeIfAbsent(proxy.admin(), admin -> new LinkedHashSet<>()).add(proxy.name());
        }
        Stream.of(experiment.method(), experiment.rollbacks()).flatMap(List::stream).map(Activity::provider)
                .forEach(provider -> proxyOf(provider).ifPresent(target -> out.computeIfAbsent(target.getKey(),
                        admin -> new LinkedHashSet<>()).add(target.getValue())));
        out.values().forEach(names -> names.remove(""));
        // A proxy the experiment creates itself (chaostoxi's create_proxy) need not exist before; its API must answer.
        Stream.of(experiment.hypothesis(), experiment.method()).flatMap(List::stream).map(Activity::provider)
                .forEach(provider -> {
                    if (provider instanceof Provider.CreateProxy created) {
                        out.computeIfAbsent(created.admin(), admin -> new LinkedHashSet<>()).remove(created.proxy());
                    }
                });
        return out;
    }

    private static Optional<Map.Entry<URI, String>> proxyOf(Provider provider) {
        return switch (provider) {
            case Provider.AddToxic toxic -> Optional.of(Map.entry(toxic.admin(), toxic.proxy()));
            case Provider.RemoveToxic toxic -> Optional.of(Map.entry(toxic.admin(), toxic.proxy()));
            case Provider.SetProxyEnabled proxy -> Optional.of(Map.entry(proxy.admin(), proxy.proxy()));
            case Provider.UpdateProxy proxy -> Optional.of(Map.entry(proxy.admin(), proxy.proxy()));
            case Provider.ResetProxies reset -> Optional.of(Map.entry(reset.admin(), ""));
            default -> Optional.empty();
        };
    }

    private static Set<URI> prometheusServers(Experiment experiment) {
        Set<URI> out = new LinkedHashSet<>();
        if (!experiment.metrics().isEmpty()) {
            experiment.prometheus().ifPresent(out::add);
        }
        Stream.of(experiment.hypothesis(), experiment.method(), experiment.rollbacks(), experiment.verification())
                .flatMap(List::stream).map(Activity::provider).forEach(provider -> {
                    switch (provider) {
                        case Provider.PrometheusQuery query -> out.add(query.server());
                        case Provider.BurnRate burn -> out.add(burn.server());
                        default -> {
                        }
                    }
                });
        return out;
    }
}
