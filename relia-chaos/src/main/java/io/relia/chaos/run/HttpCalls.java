package io.relia.chaos.run;

import io.relia.chaos.experiment.Provider;
import io.relia.core.net.NetworkErrors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Chaos Toolkit's {@code http} provider: output {@code {status, headers, body}} with the body parsed when it is
 * JSON. Connection failures are retried up to {@code max_retries} times with doubling backoff; an answer of any
 * status is a success (the tolerance judges it).
 */
final class HttpCalls {

    private static final int MAX_BODY_CHARS = 1 << 20;

    private HttpCalls() {
    }

    static Map<String, Object> call(Provider.Http http) throws ActivityFailure, InterruptedException {
        if (!http.verifyTls()) {
            throw new ActivityFailure("verify_tls: false is not supported: certificates are always checked");
        }
        String contentType = http.headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Content-Type")).map(Map.Entry::getValue)
                .findFirst().orElse("");
        URI url = http.url();
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (http.arguments().isPresent()) {
            Object arguments = http.arguments().get();
            if (http.method().equals("GET")) {
                url = withQuery(url, arguments);
            } else if (contentType.toLowerCase(java.util.Locale.ROOT).contains("json")) {
                body = HttpRequest.BodyPublishers.ofString(JsonMapper.shared().writeValueAsString(arguments));
            } else {
                body = HttpRequest.BodyPublishers.ofString(form(arguments));
                if (contentType.isEmpty()) {
                    contentType = "application/x-www-form-urlencoded";
                }
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(http.readTimeout()).method(http.method(),
                body);
        http.headers().forEach(request::header);
        if (!contentType.isEmpty() && http.headers().keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", contentType);
        }
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(http.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build()) {
            HttpResponse<String> response = send(client, request.build(), http);
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("status", response.statusCode());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name, String.join(", ", values)));
            output.put("headers", headers);
            output.put("body", body(response.body()));
            return output;
        }
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request, Provider.Http http)
            throws ActivityFailure, InterruptedException {
        long backoffMs = 100;
        for (int attempt = 0; ; attempt++) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (ConnectException refused) {
                if (attempt >= http.maxRetries()) {
                    throw new ActivityFailure(request.method() + " " + request.uri() + ": " + Failures.describe(
                            refused, request.uri(), http.connectTimeout(), http.readTimeout())
                            + (attempt > 0 ? " (" + (attempt + 1) + " attempts)" : ""), refused);
                }
                Thread.sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 5_000);
            } catch (IOException failed) {
                throw new ActivityFailure(request.method() + " " + request.uri() + ": " + Failures.describe(failed,
                        request.uri(), http.connectTimeout(), http.readTimeout()), failed);
            }
        }
    }

    private static Object body(String text) {
        String bounded = text.length() > MAX_BODY_CHARS ? text.substring(0, MAX_BODY_CHARS) : text;
        String trimmed = bounded.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return JsonMapper.shared().readValue(trimmed, Object.class);
            } catch (JacksonException notJson) {
                return bounded;
            }
        }
        return bounded;
    }

    private static URI withQuery(URI url, Object arguments) {
        String query = form(arguments);
        if (query.isEmpty()) {
            return url;
        }
        String text = url.toString();
        return URI.create(text + (url.getRawQuery() == null ? "?" : "&") + query);
    }

    private static String form(Object arguments) {
        if (!(arguments instanceof Map<?, ?> map)) {
            return arguments == null ? "" : encode(String.valueOf(arguments));
        }
        return map.entrySet().stream().flatMap(entry -> {
            List<?> values = entry.getValue() instanceof List<?> list ? list : List.of(String.valueOf(
                    entry.getValue()));
            return values.stream().map(value -> encode(String.valueOf(entry.getKey())) + "="
                    + encode(String.valueOf(value)));
        }).collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
