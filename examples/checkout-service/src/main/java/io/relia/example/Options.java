package io.relia.example;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command-line options of one service, parsed and validated once.
 *
 * @param service     which service to start
 * @param host        address to bind
 * @param port        TCP port to bind, 0 for any free port
 * @param paymentsUrl base URL of the payments service (checkout only)
 * @param failureRate share of payments answered 503, ratio 0..1 (payments only)
 * @param latency     artificial delay added to every payment (payments only)
 * @param seed        seed for the failure draw, for reproducible runs (payments only)
 * @param paymentsTimeout when present, checkout runs its resilient profile: this timeout on every payments call,
 *                    retries with backoff, and orders accepted as pending when payments hangs (checkout only)
 */
record Options(Service service, String host, int port, URI paymentsUrl, double failureRate, Duration latency,
               OptionalLong seed, Optional<Duration> paymentsTimeout) {

    /** The two services this module can start, with their defaults and the options only they accept. */
    enum Service {
        CHECKOUT(8080, Set.of("--payments-url", "--payments-timeout")),
        PAYMENTS(8081, Set.of("--failure-rate", "--latency", "--seed"));

        final int defaultPort;
        final Set<String> ownOptions;

        Service(int defaultPort, Set<String> ownOptions) {
            this.defaultPort = defaultPort;
            this.ownOptions = ownOptions;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String DEFAULT_HOST = "127.0.0.1";
    static final URI DEFAULT_PAYMENTS_URL = URI.create("http://127.0.0.1:8081");
    private static final Set<String> COMMON_OPTIONS = Set.of("--host", "--port");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    Options {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (!(failureRate >= 0.0 && failureRate <= 1.0)) {
            throw new IllegalArgumentException("failure rate must be 0.0..1.0, got " + failureRate);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, got " + latency);
        }
    }

    /** Defaults for a service: 127.0.0.1, its default port, no failures, no added latency. */
    static Options defaults(Service service) {
        return new Options(service, DEFAULT_HOST, service.defaultPort, DEFAULT_PAYMENTS_URL, 0.0, Duration.ZERO,
                OptionalLong.empty(), Optional.empty());
    }

    /** Parses {@code checkout|payments [--option value | --option=value]...}. */
    static Options parse(List<String> args) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("missing service: checkout or payments");
        }
        Service service = switch (args.getFirst()) {
            case "checkout" -> Service.CHECKOUT;
            case "payments" -> Service.PAYMENTS;
            default -> throw new UsageException("unknown service '" + args.getFirst() + "': use checkout or payments");
        };
        Options options = defaults(service);
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            if (!COMMON_OPTIONS.contains(name) && !service.ownOptions.contains(name)) {
                throw new UsageException("unknown option for " + service.label() + ": " + name);
            }
            String value;
            if (eq > 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException(name + " needs a value");
            }
            options = options.with(name, value);
        }
        return options;
    }

    /** Where the server binds. */
    InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    private Options with(String name, String value) throws UsageException {
        try {
            return switch (name) {
                case "--host" -> new Options(service, value, port, paymentsUrl, failureRate, latency, seed,
                        paymentsTimeout);
                case "--port" -> new Options(service, host, Integer.parseInt(value), paymentsUrl, failureRate,
                        latency, seed, paymentsTimeout);
                case "--payments-url" -> new Options(service, host, port, httpUrl(value), failureRate, latency, seed,
                        paymentsTimeout);
                case "--failure-rate" -> new Options(service, host, port, paymentsUrl, Double.parseDouble(value),
                        latency, seed, paymentsTimeout);
                case "--latency" -> new Options(service, host, port, paymentsUrl, failureRate, duration(value), seed,
                        paymentsTimeout);
                case "--seed" -> new Options(service, host, port, paymentsUrl, failureRate, latency,
                        OptionalLong.of(Long.parseLong(value)), paymentsTimeout);
                case "--payments-timeout" -> new Options(service, host, port, paymentsUrl, failureRate, latency, seed,
                        Optional.of(positive(duration(value))));
                default -> throw new UsageException("unknown option " + name);
            };
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad value '" + value + "' for " + name + ": " + e.getMessage());
        }
    }

    /** Parses {@code 250ms}, {@code 2s}, {@code 1m}; a bare number means milliseconds. */
    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration like 20ms, 2s or 1m");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofMillis(amount);
        };
    }

    private static Duration positive(Duration duration) {
        if (duration.isZero()) {
            throw new IllegalArgumentException("a timeout must be longer than 0");
        }
        return duration;
    }

    private static URI httpUrl(String text) {
        try {
            URI uri = new URI(text);
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("expected an http:// URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
