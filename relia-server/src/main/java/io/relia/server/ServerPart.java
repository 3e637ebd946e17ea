package io.relia.server;

import io.javalin.config.JavalinConfig;

/** One area of the server (incident API, alert intake, dashboard…): registers its routes, may hold resources. */
public interface ServerPart extends AutoCloseable {

    void configure(JavalinConfig config);

    /** Stops background work; called after the server stopped taking requests. */
    @Override
    default void close() {
    }
}
