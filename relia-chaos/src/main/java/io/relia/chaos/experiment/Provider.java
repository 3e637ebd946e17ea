package io.relia.chaos.experiment;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What an activity does or measures. Each kind is executed by the runner ({@code io.relia.chaos.run}). */
public sealed interface Provider {

    /** A one-line description for plans and journals. */
    String describe();

    /**
     * An HTTP call (Chaos Toolkit's {@code http} provider); output {@code {status, headers, body}}, body parsed when
     * JSON. A connection error or timeout fails the activity; a 4xx/5xx answer does not.
     *
     * @param url            the URL
     * @param method         HTTP method, upper case
     * @param headers        request headers
     * @param arguments      query parameters for GET, else a JSON body (Content-Type json) or a form
     * @param connectTimeout bound on connecting
     * @param readTimeout    bound on the whole request
     * @param verifyTls      whether certificates are checked (false is refused at run time: see runner)
     * @param maxRetries     retries after a connection failure, 0..10
     */
    record Http(URI url, String method, Map<String, String> headers, Optional<Object> arguments,
                Duration connectTimeout, Duration readTimeout, boolean verifyTls, int maxRetries) implements Provider {
        public Http {
            Objects.requireNonNull(url, "url");
            headers = Map.copyOf(headers);
            if (maxRetries < 0 || maxRetries > 10) {
                throw new IllegalArgumentException("max_retries is 0..10: " + maxRetries);
            }
            if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
                    || readTimeout.isZero()) {
                throw new IllegalArgumentException("timeouts are positive");
            }
        }

        @Override
        public String describe() {
            return method + " " + url;
        }
    }

    /**
     * Runs a program to completion (Chaos Toolkit's {@code process} provider); output {@code {status, stdout,
     * stderr}}, outputs trimmed and bounded.
     *
     * @param path      the program (looked up on PATH)
     * @param arguments its arguments
     * @param timeout   bound on its run time; it is killed after
     */
    record Process(String path, List<String> arguments, Duration timeout) implements Provider {
        public Process {
            Objects.requireNonNull(path, "path");
            arguments = List.copyOf(arguments);
        }

        @Override
        public String describe() {
            return String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of(path),
                    arguments.stream()).toList());
        }
    }

    /** Controls a long-running process by the name it was started under. */
    enum Signal { START, STOP, KILL, PAUSE, RESUME }

    /**
     * Starts a background process (kept by {@code name}), or signals one started earlier: stop = SIGTERM,
     * kill = SIGKILL, pause = SIGSTOP, resume = SIGCONT.
     *
     * @param signal  what to do
     * @param name    the handle name
     * @param command the command line, for START only
     */
    record ProcessControl(Signal signal, String name, List<String> command) implements Provider {
        public ProcessControl {
            command = List.copyOf(command);
            if (signal == Signal.START && command.isEmpty()) {
                throw new IllegalArgumentException("starting a process needs a command");
            }
        }

        @Override
        public String describe() {
            return signal.name().toLowerCase(java.util.Locale.ROOT) + " process " + name
                    + (command.isEmpty() ? "" : ": " + String.join(" ", command));
        }
    }

    /**
     * Adds (or updates) a toxic on a proxy of a Toxiproxy-compatible admin API.
     *
     * @param admin      admin API root, e.g. {@code http://127.0.0.1:8474}
     * @param proxy      proxy name
     * @param toxic      toxic name
     * @param type       toxic type ({@code latency}, {@code timeout}, {@code bandwidth}, ...)
     * @param stream     {@code downstream} or {@code upstream}
     * @param toxicity   probability 0..1 that a connection is affected
     * @param attributes attributes in the toxic's units (ms, KB/s, ratio 0..1)
     */
    record AddToxic(URI admin, String proxy, String toxic, String type, String stream, double toxicity,
                    Map<String, Number> attributes) implements Provider {
        public AddToxic {
            Objects.requireNonNull(admin, "admin");
            Objects.requireNonNull(proxy, "proxy");
            attributes = Map.copyOf(attributes);
            if (!(toxicity >= 0 && toxicity <= 1)) {
                throw new IllegalArgumentException("toxicity is 0..1: " + toxicity);
            }
        }

        @Override
        public String describe() {
            String values = new java.util.TreeMap<>(attributes).entrySet().stream()
                    .map(attribute -> attribute.getKey() + " " + attribute.getValue() + unit(attribute.getKey()))
                    .collect(java.util.stream.Collectors.joining(", "));
            return "add " + type + " toxic " + toxic + (values.isEmpty() ? "" : " (" + values + ")") + " on proxy "
                    + proxy + (toxicity < 1 ? ", toxicity " + toxicity : "");
        }

        /** Toxiproxy's units: ms for times, KB/s for rate, bytes for sizes, µs for the slicer's delay. */
        private String unit(String attribute) {
            return switch (attribute) {
                case "latency", "jitter", "timeout" -> " ms";
                case "delay" -> type.equals("slicer") ? " µs" : " ms";
                case "rate" -> " KB/s";
                case "bytes", "average_size", "size_variation" -> " bytes";
                default -> "";
            };
        }
    }

    /** Removes a toxic; removing one that is not there is not an error (rollbacks are idempotent). */
    record RemoveToxic(URI admin, String proxy, String toxic) implements Provider {
        @Override
        public String describe() {
            return "remove toxic " + toxic + " from proxy " + proxy;
        }
    }

    /** Enables or disables a proxy (disabled = "down": connections refused and existing ones closed). */
    record SetProxyEnabled(URI admin, String proxy, boolean enabled) implements Provider {
        @Override
        public String describe() {
            return (enabled ? "enable" : "disable") + " proxy " + proxy;
        }
    }

    /**
     * Creates a proxy on a Toxiproxy-compatible admin API (chaostoxi's {@code create_proxy}).
     *
     * @param listen   {@code host:port} to listen on; port 0 = any free port
     * @param upstream {@code host:port} to forward to
     * @param enabled  whether it accepts connections once created
     */
    record CreateProxy(URI admin, String proxy, String listen, String upstream, boolean enabled) implements Provider {
        public CreateProxy {
            Objects.requireNonNull(admin, "admin");
            Objects.requireNonNull(proxy, "proxy");
        }

        @Override
        public String describe() {
            return "create proxy " + proxy + " on " + listen + " to " + upstream + (enabled ? "" : ", disabled");
        }
    }

    /** Deletes a proxy; deleting one that is not there is not an error, as with chaostoxi's {@code delete_proxy}. */
    record DeleteProxy(URI admin, String proxy) implements Provider {
        @Override
        public String describe() {
            return "delete proxy " + proxy;
        }
    }

    /** Changes a proxy's listen or upstream address and enabled state; only what is present changes. */
    record UpdateProxy(URI admin, String proxy, Optional<String> listen, Optional<String> upstream,
                       Optional<Boolean> enabled) implements Provider {
        @Override
        public String describe() {
            List<String> parts = new java.util.ArrayList<>();
            listen.ifPresent(value -> parts.add("listen " + value));
            upstream.ifPresent(value -> parts.add("upstream " + value));
            enabled.ifPresent(value -> parts.add(value ? "enabled" : "disabled"));
            return "modify proxy " + proxy + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
        }
    }

    /** Toxiproxy's {@code POST /reset}: every proxy enabled, every toxic removed. */
    record ResetProxies(URI admin) implements Provider {
        @Override
        public String describe() {
            return "reset every proxy at " + admin;
        }
    }

    /** A probe: true when the proxy exists, false when the admin API has none of that name. */
    record ProxyExists(URI admin, String proxy) implements Provider {
        @Override
        public String describe() {
            return "proxy " + proxy + " exists";
        }
    }

    /** A probe: one attribute of a proxy ({@code listen}, {@code upstream}, {@code enabled}, ...). */
    record ProxyAttribute(URI admin, String proxy, String attribute) implements Provider {
        @Override
        public String describe() {
            return attribute + " of proxy " + proxy;
        }
    }

    /**
     * A metric of the built-in traffic source ({@code p99_latency} in ms, {@code error_rate} ratio 0..1,
     * {@code throughput} req/s) over its last window, or a named PromQL query from the experiment's metrics.
     */
    record Metric(String name) implements Provider {
        @Override
        public String describe() {
            return "measure " + name;
        }
    }

    /** A Prometheus instant query; output the value of its first series (NaN when empty). */
    record PrometheusQuery(URI server, String query) implements Provider {
        @Override
        public String describe() {
            return "query " + query + " at " + server;
        }
    }

    /**
     * An SLO burn rate: the error ratio PromQL over the objective's error budget ({@code ratio / (1 - objective)};
     * Google SRE Workbook, "Alerting on SLOs"). 1.0 spends the budget exactly over the SLO period.
     */
    record BurnRate(URI server, String errorRatioQuery, double objective) implements Provider {
        public BurnRate {
            if (!(objective > 0 && objective < 1)) {
                throw new IllegalArgumentException("an objective is between 0 and 1, exclusive: " + objective);
            }
        }

        @Override
        public String describe() {
            return "burn rate of " + errorRatioQuery + " against " + objective;
        }
    }
}
