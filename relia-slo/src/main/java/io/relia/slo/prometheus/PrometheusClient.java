package io.relia.slo.prometheus;

import io.relia.slo.query.QueryEngine;
import io.relia.slo.query.QueryException;
import io.relia.slo.query.TimeGrid;
import io.relia.slo.query.TimeSeries;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import javax.net.ssl.SSLContext;

/**
 * A {@link QueryEngine} over the Prometheus HTTP API ({@code /api/v1/query}, {@code /api/v1/query_range}). Every
 * request has a connect and a request timeout, 5xx answers and connection failures are retried with exponential
 * backoff and full jitter, and a fair semaphore bounds the requests in flight across all calling threads. Long
 * ranges are split into chunks Prometheus accepts and merged. Safe for concurrent use; close it to release its
 * connections.
 */
public final class PrometheusClient implements QueryEngine, AutoCloseable {

    /** Points per {@code query_range} request; Prometheus rejects ranges of more than 11,000 steps. */
    public static final int MAX_POINTS_PER_REQUEST = 11_000;

    private final String server;
    private final ApiTransport transport;
    private volatile List<String> warnings = List.of();

    private PrometheusClient(String server, ApiTransport transport) {
        this.server = server;
        this.transport = transport;
    }

    /** Starts configuring a client of the Prometheus at {@code baseUrl}, its server root (path prefix allowed). */
    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    @Override
    public List<TimeSeries> queryRange(String expr, TimeGrid grid) throws QueryException {
        Objects.requireNonNull(expr, "expr");
        QueryResults results = new QueryResults(grid, expr, transport.errors());
        List<String> answerWarnings = new ArrayList<>();
        int size = grid.size();
        if (size == 1) {
            ApiTransport.Answer answer = transport.post("api/v1/query",
                    form("query", expr, "time", seconds(grid.millisAt(0))), expr);
            results.add(answer.data());
            answerWarnings.addAll(answer.warnings());
        } else {
            for (int first = 0; first < size; first += MAX_POINTS_PER_REQUEST) {
                int last = Math.min(size, first + MAX_POINTS_PER_REQUEST) - 1;
                ApiTransport.Answer answer = transport.post("api/v1/query_range", form("query", expr,
                        "start", seconds(grid.millisAt(first)), "end", seconds(grid.millisAt(last)),
                        "step", seconds(grid.step().toMillis())), expr);
                results.add(answer.data());
                answerWarnings.addAll(answer.warnings());
            }
        }
        warnings = List.copyOf(answerWarnings);
        return results.series();
    }

    /**
     * Prometheus' version from {@code /api/v1/status/buildinfo}, as it reports it (e.g. {@code 2.42.0}, or
     * {@code 2.42.0+ds} from Debian); tells Prometheus 2 from 3.
     */
    public String buildVersion() throws QueryException {
        ApiTransport.Answer answer = transport.get("api/v1/status/buildinfo");
        String version = answer.data().path("version").stringValue(null);
        if (version == null || version.isBlank()) {
            throw transport.errors().badResponse("answered api/v1/status/buildinfo without a version");
        }
        return version;
    }

    /** The warnings Prometheus attached to the most recently answered query of any thread; empty when none. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String describe() {
        return "Prometheus at " + server;
    }

    /** Releases the client's connections; queries after it fail. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return describe();
    }

    private static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    /** Epoch or duration milliseconds as the API's seconds with decimals: {@code 1790812800}, {@code 0.5}. */
    static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }

    /** Configures a {@link PrometheusClient}; each setting is checked when given, combinations at {@link #build()}. */
    public static final class Builder {
        private static final Duration LONGEST = Duration.ofHours(1);

        private final URI base;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxRetries = 3;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private int maxInFlight = 8;
        private String bearerToken;
        private String basicAuth;
        private Path caCertificate;

        private Builder(URI baseUrl) {
            Objects.requireNonNull(baseUrl, "baseUrl");
            String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null
                    || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
                throw new IllegalArgumentException("the Prometheus URL must look like http(s)://host:port with an"
                        + " optional path prefix, without query or fragment: " + baseUrl);
            }
            if (baseUrl.getRawUserInfo() != null) {
                throw new IllegalArgumentException("give Prometheus credentials with basic auth, not in the URL: "
                        + baseUrl.getScheme() + "://" + baseUrl.getHost() + "...");
            }
            String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
            this.base = baseUrl.resolve(path.endsWith("/") ? path : path + "/");
        }

        /** Bound on opening a connection; default 5 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connect timeout", timeout);
            return this;
        }

        /** Bound on one request, from sending to the last byte of the answer; default 30 s. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive("request timeout", timeout);
            return this;
        }

        /** Retries after a 5xx answer, a connection failure or a timeout, 0..10; default 3. 4xx is never retried. */
        public Builder maxRetries(int retries) {
            if (retries < 0 || retries > 10) {
                throw new IllegalArgumentException("max retries must be 0..10: " + retries);
            }
            this.maxRetries = retries;
            return this;
        }

        /** Ceiling of the first retry's random wait; doubles per retry up to {@link #maxBackoff}; default 200 ms. */
        public Builder initialBackoff(Duration backoff) {
            this.initialBackoff = positive("initial backoff", backoff);
            return this;
        }

        /** Largest ceiling of a retry's random wait; default 5 s. */
        public Builder maxBackoff(Duration backoff) {
            this.maxBackoff = positive("max backoff", backoff);
            return this;
        }

        /** Requests in flight at once across all threads, 1..256; more wait their turn, fairly. Default 8. */
        public Builder maxInFlight(int requests) {
            if (requests < 1 || requests > 256) {
                throw new IllegalArgumentException("max in-flight requests must be 1..256: " + requests);
            }
            this.maxInFlight = requests;
            return this;
        }

        /** Sends {@code Authorization: Bearer TOKEN}; excludes {@link #basicAuth}. */
        public Builder bearerToken(String token) {
            if (token == null || token.isBlank() || token.strip().chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new IllegalArgumentException("a bearer token must be non-empty printable ASCII");
            }
            this.bearerToken = token.strip();
            return this;
        }

        /** Sends HTTP basic authentication; the user must not contain ':'. Excludes {@link #bearerToken}. */
        public Builder basicAuth(String user, String password) {
            if (user == null || user.isEmpty() || user.contains(":") || password == null) {
                throw new IllegalArgumentException("basic auth needs a user without ':' and a password");
            }
            this.basicAuth = Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            return this;
        }

        /** Trusts (only) the CA certificate(s) of this PEM file for https, for servers behind a private CA. */
        public Builder caCertificate(Path pemFile) {
            this.caCertificate = Objects.requireNonNull(pemFile, "pemFile");
            return this;
        }

        /**
         * The client.
         *
         * @throws IllegalArgumentException when both bearer token and basic auth are set, the backoffs are out of
         *                                  order, or the CA certificate file is unreadable or holds no PEM certificate
         */
        public PrometheusClient build() {
            if (bearerToken != null && basicAuth != null) {
                throw new IllegalArgumentException("give either a bearer token or basic auth, not both");
            }
            Backoff backoff = new Backoff(initialBackoff, maxBackoff);
            HttpClient.Builder http = HttpClient.newBuilder()
                    .connectTimeout(connectTimeout)
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (caCertificate != null) {
                SSLContext tls = PemTrust.sslContext(caCertificate);
                http.sslContext(tls);
            }
            String authorization = bearerToken != null ? "Bearer " + bearerToken
                    : basicAuth != null ? "Basic " + basicAuth : null;
            String shown = base.toString().substring(0, base.toString().length() - 1);
            ApiTransport.Settings settings = new ApiTransport.Settings(base, shown, connectTimeout, requestTimeout,
                    maxRetries, backoff, maxInFlight, authorization);
            return new PrometheusClient(shown, new ApiTransport(settings, http.build()));
        }

        private static Duration positive(String what, Duration duration) {
            Objects.requireNonNull(duration, what);
            if (duration.isNegative() || duration.isZero() || duration.compareTo(LONGEST) > 0) {
                throw new IllegalArgumentException(what + " must be positive and at most 1 h: " + duration);
            }
            return duration;
        }
    }
}
