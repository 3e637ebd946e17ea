package io.relia.server.notify;

import io.javalin.config.JavalinConfig;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.relia.server.ServerPart;
import io.relia.server.ServerSetup;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The notifier and the response-target watch as one part of the server: started with it, stopped after it. */
public final class Notifications implements ServerPart {

    /** How often open incidents are checked for a missed response target. */
    public static final Duration WATCH_EVERY = Duration.ofSeconds(30);

    private final Notifier notifier;
    private final ResponseTargetWatch watch;

    public Notifications(ServerSetup setup, PrometheusRegistry registry, Optional<String> listenUrl) {
        this(setup, registry, listenUrl, RetryPolicy.DEFAULT, WATCH_EVERY);
    }

    Notifications(ServerSetup setup, PrometheusRegistry registry, Optional<String> listenUrl, RetryPolicy retry,
                  Duration watchEvery) {
        this.notifier = new Notifier(setup.settings().notifications(), setup.store(), setup.policy(),
                setup.clock(), retry, registry, setup.publicUrl().map(URI::toString).or(() -> listenUrl));
        this.watch = new ResponseTargetWatch(setup.store(), setup.policy(), notifier, setup.clock(), watchEvery);
    }

    public Notifier notifier() {
        return notifier;
    }

    @Override
    public void configure(JavalinConfig config) {
        // no routes: it only sends
    }

    @Override
    public void close() {
        watch.close();
        notifier.close();
    }
}
