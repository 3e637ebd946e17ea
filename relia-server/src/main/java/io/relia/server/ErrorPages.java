package io.relia.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every error answer is {@code {"error": STATUS, "message": "…"}}, whoever refuses the request: the API, Javalin
 * (unknown route, body too large) or Jetty before routing (malformed request line, missing Host, ambiguous path,
 * headers too large). Never an HTML page, never a stack trace or class name.
 */
final class ErrorPages {

    private ErrorPages() {
    }

    /** Answers {@code status} with the error shape and {@code details} (e.g. the missing scope) beside it. */
    static void send(Context ctx, int status, String message, Map<String, Object> details) {
        Json.send(ctx, status, body(status, message, details));
    }

    static void send(Context ctx, int status, String message) {
        send(ctx, status, message, Map.of());
    }

    /** Turns Javalin's own error answers (plain text or its JSON) into ours, and Jetty's HTML pages too. */
    static void configure(JavalinConfig config, BodyLimits bodies) {
        for (int status = 400; status < 600; status++) {
            int code = status;
            config.routes.error(code, ctx -> {
                if (ctx.attribute(Json.ANSWERED) == null) {
                    send(ctx, code, message(ctx, code, bodies));
                }
            });
        }
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
        config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JettyErrors()));
    }

    private static String message(Context ctx, int status, BodyLimits bodies) {
        return switch (status) {
            case 404 -> "no such endpoint: " + ctx.method() + " " + ctx.path();
            case 405 -> "method " + ctx.method() + " is not allowed on " + ctx.path();
            case 413 -> bodies.tooLarge(ctx.path());
            default -> reason(status);
        };
    }

    private static String reason(int status) {
        HttpStatus known = HttpStatus.forStatus(status);
        return known == HttpStatus.UNKNOWN ? "HTTP " + status : known.getMessage().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> body(int status, String message, Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", status);
        body.put("message", message);
        body.putAll(details);
        return body;
    }

    /** Jetty's answers to requests it refuses before any handler, in the API's shape. */
    static final class JettyErrors extends ErrorHandler {

        private static final int MAX_MESSAGE = 200;

        @Override
        protected void generateResponse(Request request, Response response, int code, String message,
                                         Throwable cause, Callback callback) {
            HttpFields.Mutable headers = response.getHeaders();
            response.write(true, json(code, message, headers), callback);
        }

        private static ByteBuffer json(int code, String message, HttpFields.Mutable headers) {
            headers.put(HttpHeader.CONTENT_TYPE, Json.CONTENT_TYPE);
            headers.put("X-Content-Type-Options", "nosniff");
            headers.put(HttpHeader.CACHE_CONTROL, "no-store");
            String text = reason(code);
            if (message != null && !message.isBlank() && !message.equalsIgnoreCase(text)
                    && !message.contains("Exception") && !message.contains("java.")) {
                String plain = message.replaceAll("[^\\x20-\\x7e]", "?");
                text = text + ": " + (plain.length() > MAX_MESSAGE ? plain.substring(0, MAX_MESSAGE) : plain);
            }
            return ByteBuffer.wrap(Json.write(body(code, text, Map.of())).getBytes(StandardCharsets.UTF_8));
        }
    }
}
