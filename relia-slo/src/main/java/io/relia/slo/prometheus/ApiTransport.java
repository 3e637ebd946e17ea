package io.relia.slo.prometheus;

import io.relia.slo.query.QueryException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls one Prometheus HTTP API: bounded concurrency (a fair semaphore shared by all threads), a deadline per
 * attempt, retries of 5xx and connection failures with {@link Backoff}, never of 4xx; answers unwrapped from the
 * API's {@code {"status":"success","data":...}} envelope.
 */
final class ApiTransport implements AutoCloseable {

    /**
     * A successful API answer.
     *
     * @param data     the {@code data} member
     * @param warnings Prometheus' {@code warnings}, empty when it gave none
     */
    record Answer(JsonNode data, List<String> warnings) {
    }

    /** Settings fixed when the client is built. */
    record Settings(URI base, String server, Duration connectTimeout, Duration requestTimeout, int maxRetries,
                    Backoff backoff, int maxInFlight, String authorization) {
    }

    private final Settings settings;
    private final HttpClient http;
    private final Semaphore inFlight;
    private final ApiErrors errors;

    ApiTransport(Settings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
        this.inFlight = new Semaphore(settings.maxInFlight(), true);
        this.errors = new ApiErrors(settings.server());
    }

    ApiErrors errors() {
        return errors;
    }

    /** GET {@code path} (relative to the base URL, e.g. {@code api/v1/status/buildinfo}). */
    Answer get(String path) throws QueryException {
        return call(path, request(path).GET().build(), null);
    }

    /** POST {@code form}, form-encoded, to {@code path}; {@code query} is named in errors about it. */
    Answer post(String path, Map<String, String> form, String query) throws QueryException {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return call(path, request, query);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.base().resolve(path))
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .header("User-Agent", "relia");
        if (settings.authorization() != null) {
            builder.header("Authorization", settings.authorization());
        }
        return builder;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Answer call(String path, HttpRequest request, String query) throws QueryException {
        QueryException last = null;
        int attempts = 0;
        for (int retry = 0; retry <= settings.maxRetries(); retry++) {
            if (retry > 0) {
                pause(retry - 1);
            }
            attempts++;
            HttpResponse<byte[]> response;
            try {
                response = send(request);
            } catch (IOException | TimeoutException failure) {
                last = ApiErrors.isTimeout(failure) || failure instanceof TimeoutException
                        ? errors.timeout(settings.requestTimeout(), failure)
                        : errors.connectionFailure(failure, settings.connectTimeout());
                if (!ApiErrors.retryable(failure)) {
                    throw last;
                }
                continue;
            }
            int status = response.statusCode();
            if (status == 200) {
                return unwrap(request.uri().getPath(), response);
            }
            last = errors.forStatus(status, request.uri().getPath(), response.body(),
                    response.headers().firstValue("Location").orElse(null), query);
            if (status < 500) {
                throw last;
            }
        }
        throw ApiErrors.afterAttempts(last, attempts);
    }

    /** One attempt under the in-flight limit, with a deadline covering the whole exchange, body included. */
    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, TimeoutException, QueryException {
        try {
            // A slot frees within one exchange (timeout x attempts); waiting longer means callers oversubscribe the
            // client, which is reported as a timeout rather than waiting for ever.
            long slotWait = settings.requestTimeout().toNanos() * (settings.maxRetries() + 1);
            if (!inFlight.tryAcquire(slotWait, TimeUnit.NANOSECONDS)) {
                throw new TimeoutException("no free request slot (" + inFlight.availablePermits()
                        + " free) within " + settings.requestTimeout().multipliedBy(settings.maxRetries() + 1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.interrupted(e);
        }
        CompletableFuture<HttpResponse<byte[]>> exchange = null;
        try {
            exchange = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
            return exchange.get(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.interrupted(e);
        } finally {
            if (exchange != null && !exchange.isDone()) {
                exchange.cancel(true);
            }
            inFlight.release();
        }
    }

    private void pause(int retry) throws QueryException {
        Duration delay = settings.backoff().delay(retry, ThreadLocalRandom.current().nextDouble());
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.interrupted(e);
        }
    }

    private Answer unwrap(String path, HttpResponse<byte[]> response) throws QueryException {
        JsonNode root;
        try {
            root = JsonMapper.shared().readTree(response.body());
        } catch (JacksonException notJson) {
            root = null;
        }
        if (root == null || !root.isObject() || !root.has("status")) {
            throw errors.notTheApi(path, response.headers().firstValue("Content-Type").orElse(null), response.body());
        }
        if (!"success".equals(root.path("status").stringValue(null))) {
            throw errors.badResponse("answered " + path + " with status " + root.path("status") + ": "
                    + root.path("error").stringValue("no error text"));
        }
        List<String> warnings = new ArrayList<>();
        root.path("warnings").values().forEach(warning -> warnings.add(warning.asString()));
        return new Answer(root.path("data"), List.copyOf(warnings));
    }

    @Override
    public void close() {
        http.close();
    }
}
