package io.relia.server;

import io.javalin.config.JavalinConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.json}: the API described as OpenAPI 3.1 (a resource kept equal to the routes by a test). */
final class OpenApi implements ServerPart {

    static final String RESOURCE = "/io/relia/server/openapi.json";

    private final byte[] document;

    OpenApi() {
        try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            document = in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @Override
    public void configure(JavalinConfig config) {
        config.routes.get("/openapi.json", ctx -> ctx.contentType(Json.CONTENT_TYPE).result(document));
    }
}
