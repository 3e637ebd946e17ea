package io.relia.server.client;

import io.relia.core.net.NetworkErrors;
import io.relia.incident.IncidentException;
import io.relia.incident.store.StoreException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * JSON calls to one {@code relia serve}, with its bearer token and timeouts (connect 5 s, answer 30 s). A 4xx answer
 * is the caller's mistake: an {@link IncidentException} with the server's message (412 excepted, which the caller
 * handles); an unreachable server or a 5xx is a {@link StoreException} naming the server. A read the server turns
 * away for its read limits (429, or 503 with Retry-After) is tried again after the time it asks for, a few times.
 */
final class ServerConnection implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What the server answered: status, JSON body (empty object when it sent none) and ETag. */
    record Answer(int status, JsonNode body, Optional<String> etag) {
    }

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();

    ServerConnection(URI base, String token) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.token = token;
    }

    URI base() {
        return base;
    }

    /**
     * Sends {@code body} (or nothing when null) as JSON.
     *
     * @param actor   who acts, for the timeline ({@code X-Relia-Actor}), or null
     * @param ifMatch the ETag the change is based on, or null
     */
    Answer call(String method, String path, Object body, String actor, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (actor != null && !actor.isBlank()) {
            request.header("X-Relia-Actor", actor);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = send(request.build(), method, path);
        // A read over the server's per-client limits (429) or beyond its read threads (503) says when to come back;
        // two CLI edits from one host can meet that limit. Reads only: writes are never limited, and a 503 on a
        // write (store unavailable) is reported, not repeated.
        for (int attempt = 1; attempt < READ_ATTEMPTS && method.equals("GET") && isBusy(response); attempt++) {
            pause(retryAfter(response));
            response = send(request.build(), method, path);
        }
        JsonNode json;
        try {
            json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (JacksonException notJson) {
            json = JSON.createObjectNode();
        }
        int status = response.statusCode();
        if (status >= 500) {
            throw new StoreException("relia serve at " + base + " answered " + status + ": "
                    + json.path("message").asString(""), null);
        }
        if (status >= 400 && status != 412) {
            throw new IncidentException(json.path("message").asString("relia serve at " + base + " answered "
                    + status + " to " + method + " " + path));
        }
        return new Answer(status, json, response.headers().firstValue("ETag"));
    }

    /** How often a refused read is tried in all, each after the server's Retry-After (at most 5 s). */
    static final int READ_ATTEMPTS = 5;
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private HttpResponse<String> send(HttpRequest request, String method, String path) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException slow) {
            throw new StoreException("relia serve at " + base + " did not answer " + method + " " + path + " within "
                    + TIMEOUT.toSeconds() + "s", slow);
        } catch (IOException unreachable) {
            throw new StoreException("relia serve at " + base + " is unreachable: "
                    + NetworkErrors.reason(unreachable), unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while calling relia serve at " + base, interrupted);
        }
    }

    private static boolean isBusy(HttpResponse<String> response) {
        return (response.statusCode() == 429 || response.statusCode() == 503)
                && response.headers().firstValue("Retry-After").isPresent();
    }

    /** The Retry-After in seconds, at most {@link #LONGEST_PAUSE}; an HTTP-date or nonsense waits one second. */
    private static Duration retryAfter(HttpResponse<String> response) {
        String value = response.headers().firstValue("Retry-After").orElse("1").strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds <= 0 ? Duration.ofMillis(100)
                    : seconds >= LONGEST_PAUSE.toSeconds() ? LONGEST_PAUSE : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            return Duration.ofSeconds(1);
        }
    }

    private void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to call relia serve at " + base + " again",
                    interrupted);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
