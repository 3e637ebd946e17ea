package io.relia.chaos.proxy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Raw HTTP calls to the admin API, for tests that pin status codes, bodies and Relia's extensions. */
final class Api {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI base;

    Api(URI base) {
        this.base = base;
    }

    HttpResponse<String> call(String method, String path, String body) {
        return call(method, path, body, "relia-test");
    }

    HttpResponse<String> call(String method, String path, String body, String userAgent) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(TIMEOUT).header("User-Agent", userAgent).method(method, publisher).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode json(String method, String path, String body) {
        HttpResponse<String> response = call(method, path, body);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " "
                    + response.body());
        }
        return JsonMapper.shared().readTree(response.body());
    }

    /** Creates a proxy to {@code upstream} on a free port of 127.0.0.1 and returns its listen address. */
    String proxy(String name, String upstream) {
        return json("POST", "/proxies", "{\"name\":\"" + name + "\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
                + upstream + "\"}").get("listen").asString();
    }

    JsonNode toxic(String proxy, String json) {
        return json("POST", "/proxies/" + proxy + "/toxics", json);
    }
}
