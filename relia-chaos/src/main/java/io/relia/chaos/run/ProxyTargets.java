package io.relia.chaos.run;

import io.relia.chaos.experiment.DeclaredProxy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The proxy checks of {@link Targets} on one admin API: the API answers; each proxy exists, enabled and free of
 * toxics, forwarding where the experiment declares (a missing declared proxy is created in
 * {@link Targets.Mode#PREPARE}); its upstream accepts connections when the proxy server runs on this machine.
 * Every failure says which proxy and the command that fixes it.
 */
final class ProxyTargets {

    private final ToxiproxyApi api;
    private final URI admin;
    private final List<DeclaredProxy> declared;
    private final Targets.Mode mode;
    private final List<Targets.Check> checks;
    private final boolean local;

    ProxyTargets(ToxiproxyApi api, List<DeclaredProxy> declared, Targets.Mode mode, List<Targets.Check> checks) {
        this.api = api;
        this.admin = api.admin();
        this.declared = declared.stream().filter(proxy -> proxy.admin().equals(api.admin())).toList();
        this.mode = mode;
        this.checks = checks;
        this.local = Endpoints.isLocal(admin.getHost());
    }

    void check(Set<String> names) throws InterruptedException {
        Optional<String> version = version();
        for (String name : names) {
            Optional<DeclaredProxy> declaration = declared.stream().filter(proxy -> proxy.name().equals(name))
                    .findFirst();
            if (version.isEmpty()) {
                checks.add(new Targets.Check(Targets.Status.SKIPPED, "proxy " + name + ": not checked, the proxy "
                        + "API is not reachable", ""));
                declaration.ifPresent(proxy -> upstream(name, proxy.upstream()));
                continue;
            }
            proxy(name, declaration);
        }
    }

    private Optional<String> version() throws InterruptedException {
        try {
            Object version = api.version().getOrDefault("version", "?");
            checks.add(Targets.Check.ok("proxy API " + admin + " answers (Toxiproxy API " + version + ")"));
            return Optional.of(String.valueOf(version));
        } catch (ToxiproxyApi.ApiError error) {
            String port = admin.getPort() < 0 ? "" : " --port " + admin.getPort();
            String host = local && !admin.getHost().equals("127.0.0.1") ? " --host " + admin.getHost() : "";
            checks.add(Targets.Check.failed("proxy API " + admin + ": " + error.reason(), local
                    ? "start it: relia chaos proxy" + host + port : "start the proxy server, or correct proxy.admin"));
            return Optional.empty();
        }
    }

    private void proxy(String name, Optional<DeclaredProxy> declaration) throws InterruptedException {
        Optional<Map<String, Object>> found;
        try {
            found = api.findProxy(name);
        } catch (ToxiproxyApi.ApiError error) {
            checks.add(Targets.Check.failed("proxy " + name + " on " + admin + ": " + error.reason(), ""));
            return;
        }
        if (found.isEmpty()) {
            declaration.ifPresentOrElse(this::missing, () -> checks.add(Targets.Check.failed("proxy " + name
                    + " does not exist on " + admin + ", and the experiment does not declare it", "declare it in "
                    + "the experiment (proxy: {proxies: [{name: " + name + ", listen: HOST:PORT, upstream: "
                    + "HOST:PORT}]}) so the run creates it, or create it: curl -s -X POST " + url("proxies")
                    + " -d '{\"name\":\"" + name + "\",\"listen\":\"HOST:PORT\",\"upstream\":\"HOST:PORT\"}'")));
            return;
        }
        Map<String, Object> proxy = found.get();
        String listen = String.valueOf(proxy.get("listen"));
        String upstream = String.valueOf(proxy.get("upstream"));
        String forwards = listen + " -> " + upstream;
        if (declaration.isPresent() && !(Endpoints.sameAddress(listen, declaration.get().listen())
                && Endpoints.sameAddress(upstream, declaration.get().upstream()))) {
            DeclaredProxy wanted = declaration.get();
            checks.add(Targets.Check.failed("proxy " + name + " on " + admin + " forwards " + forwards
                    + ", but the experiment declares " + wanted.listen() + " -> " + wanted.upstream(),
                    "point it at the declared addresses: curl -s -X POST " + url("proxies/" + name)
                            + " -d '{\"listen\":\"" + wanted.listen() + "\",\"upstream\":\"" + wanted.upstream()
                            + "\"}', or correct the experiment"));
            return;
        }
        if (Boolean.FALSE.equals(proxy.get("enabled"))) {
            checks.add(Targets.Check.failed("proxy " + name + " on " + admin + " is disabled (connections to "
                    + listen + " are refused)", "enable it: curl -s -X POST " + url("proxies/" + name)
                    + " -d '{\"enabled\":true}'"));
            return;
        }
        List<String> toxics = toxicNames(proxy);
        if (!toxics.isEmpty()) {
            checks.add(Targets.Check.failed("proxy " + name + " on " + admin + " already has toxics ("
                    + String.join(", ", toxics) + "): the steady state would be measured under them",
                    "remove them: " + toxics.stream().map(toxic -> "curl -s -X DELETE " + url("proxies/" + name
                            + "/toxics/" + toxic)).collect(Collectors.joining("; "))));
            return;
        }
        checks.add(Targets.Check.ok("proxy " + name + " on " + admin + ": " + forwards));
        upstream(name, upstream);
    }

    private void missing(DeclaredProxy proxy) {
        String forwards = proxy.listen() + " -> " + proxy.upstream();
        if (mode == Targets.Mode.CHECK) {
            Optional<String> taken = local ? Endpoints.refusal(DeclaredProxy.host(proxy.listen()),
                    DeclaredProxy.port(proxy.listen())).isEmpty() ? Optional.of(proxy.listen()) : Optional.empty()
                    : Optional.empty();
            checks.add(taken.map(address -> Targets.Check.failed("proxy " + proxy.name() + " does not exist on "
                    + admin + " and cannot be created: another process listens on " + address,
                    "stop that process, or change the proxy's listen address in the experiment"))
                    .orElseGet(() -> Targets.Check.ok("proxy " + proxy.name() + " does not exist on " + admin
                            + "; the run will create it: " + forwards)));
        } else {
            try {
                api.createProxy(proxy.name(), proxy.listen(), proxy.upstream());
                checks.add(new Targets.Check(Targets.Status.CREATED, "proxy " + proxy.name() + " on " + admin + ": "
                        + forwards + " (it stays after the run: the service under test calls it)", ""));
            } catch (ToxiproxyApi.ApiError error) {
                checks.add(Targets.Check.failed("cannot create proxy " + proxy.name() + " on " + admin + ": "
                        + error.reason(), "free " + proxy.listen() + ", or change the proxy's listen address in the "
                        + "experiment; by hand: curl -s -X POST " + url("proxies") + " -d '" + proxy.json() + "'"));
                return;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        upstream(proxy.name(), proxy.upstream());
    }

    /** The upstream accepts connections; only checked when the proxy server runs here (else it is its network). */
    private void upstream(String name, String upstream) {
        if (!local) {
            checks.add(new Targets.Check(Targets.Status.SKIPPED, "upstream " + upstream + " of proxy " + name
                    + ": not checked, the proxy server is on another machine", ""));
            return;
        }
        Optional<String> refusal = DeclaredProxy.isAddress(upstream)
                ? Endpoints.refusal(DeclaredProxy.host(upstream), DeclaredProxy.port(upstream))
                : Optional.of("not a host:port address");
        checks.add(refusal.map(reason -> Targets.Check.failed("upstream " + upstream + " of proxy " + name + ": "
                + reason, "start the service that listens on " + upstream)).orElseGet(() -> Targets.Check.ok(
                "upstream " + upstream + " of proxy " + name + " accepts connections")));
    }

    private static List<String> toxicNames(Map<String, Object> proxy) {
        return proxy.get("toxics") instanceof List<?> toxics ? toxics.stream()
                .map(toxic -> toxic instanceof Map<?, ?> map ? String.valueOf(map.get("name")) : String.valueOf(toxic))
                .toList() : List.of();
    }

    private String url(String path) {
        String root = admin.toString();
        return (root.endsWith("/") ? root : root + "/") + path;
    }
}
