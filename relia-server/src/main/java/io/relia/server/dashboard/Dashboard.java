package io.relia.server.dashboard;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.relia.server.ServerPart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The dashboard at {@code /}: one HTML page, its script and its style sheet, read from the classpath once. The page
 * builds every element from API data with {@code textContent}, and a strict Content-Security-Policy forbids inline
 * script, inline style and every other origin, so text from incidents or alerts cannot run as code.
 */
public final class Dashboard implements ServerPart {

    /** The policy of every dashboard response: only this origin's script, style, fetches; no framing by others. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    private static final String RESOURCES = "/io/relia/server/dashboard/";

    private record Asset(String path, byte[] bytes, String contentType) {
    }

    private final List<Asset> assets;

    public Dashboard() {
        this.assets = List.of(
                load("/", "index.html", "text/html; charset=utf-8"),
                load("/dashboard/app.js", "app.js", "text/javascript; charset=utf-8"),
                load("/dashboard/app.css", "app.css", "text/css; charset=utf-8"));
    }

    @Override
    public void configure(JavalinConfig config) {
        assets.forEach(asset -> config.routes.get(asset.path(), ctx -> serve(ctx, asset)));
    }

    private static void serve(Context ctx, Asset asset) {
        secure(ctx);
        // Revalidate on every load: a new server version must never run with an old cached script.
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(asset.contentType()).result(asset.bytes());
    }

    /** Sets the dashboard's security headers on {@code ctx}. */
    static void secure(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
    }

    private static Asset load(String path, String name, String contentType) {
        try (InputStream in = Dashboard.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard resource " + RESOURCES + name + " is missing from the "
                        + "build");
            }
            return new Asset(path, in.readAllBytes(), contentType);
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot read the dashboard resource " + name, failed);
        }
    }
}
