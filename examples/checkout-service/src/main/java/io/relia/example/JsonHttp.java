package io.relia.example;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Reading and writing JSON bodies on the JDK server: one mapper (snake_case), one body limit. */
final class JsonHttp {
    /** Largest request body accepted, bytes; a checkout or payment is a few dozen. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    /** The body of every error answer. */
    record ErrorBody(String error) {
    }

    private JsonHttp() {
    }

    /** Runs one round trip through the mapper, so the first request does not pay for its start-up. */
    static void warmUp() {
        MAPPER.readValue(MAPPER.writeValueAsBytes(new Charge("warm-up", 1)), Charge.class);
    }

    /** Rejects the request with 405 unless it uses {@code method}. */
    static void requireMethod(HttpExchange exchange, String method) throws RequestRejected {
        if (!method.equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", method);
            throw new RequestRejected(405, "method " + exchange.getRequestMethod() + " not allowed, use " + method);
        }
    }

    /** Reads the request body as {@code type}; 413 when too large, 400 when not valid for the type. */
    static <T> T read(HttpExchange exchange, Class<T> type) throws IOException, RequestRejected {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new RequestRejected(413, "body larger than " + MAX_BODY_BYTES + " bytes");
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (JacksonException e) {
            throw new RequestRejected(400, "invalid body: " + rootMessage(e));
        }
    }

    /** Sends {@code body} as JSON with the given status. */
    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Sends the error a rejected request deserves. */
    static void reject(HttpExchange exchange, RequestRejected rejected) throws IOException {
        send(exchange, rejected.status(), new ErrorBody(rejected.getMessage()));
    }

    /** Answers 404. */
    static void notFound(HttpExchange exchange) throws IOException {
        send(exchange, 404, new ErrorBody("no route for " + exchange.getRequestURI().getPath()));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root instanceof JacksonException jackson ? jackson.getOriginalMessage() : root.getMessage();
    }
}
