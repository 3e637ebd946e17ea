package io.relia.server;

import io.javalin.Javalin;
import io.relia.incident.IncidentException;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentSettings;
import io.relia.incident.IncidentStore;
import io.relia.incident.RuleViolationException;
import io.relia.incident.intake.IntakeRules;
import io.relia.incident.store.StoreException;
import io.relia.server.dashboard.Dashboard;
import io.relia.server.dashboard.SloApi;
import io.relia.server.intake.AlertIntake;
import io.relia.server.notify.Notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code relia serve}: the incident API over HTTP on Javalin (Jetty 12, virtual threads). Writes need a bearer
 * token with the route's scope ({@link RouteScopes}); requests must name an allowed host; every error answers JSON
 * with a message; bodies are limited and must be JSON; it binds 127.0.0.1 unless told otherwise.
 */
public final class ReliaServer implements AutoCloseable {

    /** Largest request body accepted outside alert intake, bytes: an incident or an import fits many times over. */
    public static final long DEFAULT_MAX_BODY = 1024 * 1024;
    /**
     * Largest Alertmanager webhook body, bytes: 16 MiB holds about 16,000 alerts of a realistic 1 KB (twelve labels,
     * three annotations, a PromQL generatorURL), so a whole alert group of a storm is stored rather than refused,
     * while parsing one stays under about 100 MB of heap (docs/server.md).
     */
    public static final long DEFAULT_MAX_INTAKE_BODY = 16L * 1024 * 1024;

    /**
     * How to serve.
     *
     * @param host               address to bind (127.0.0.1 by default)
     * @param port               port, or 0 for a free one
     * @param readsNeedToken     also require a token (with the read scope) for GET requests
     * @param maxBodyBytes       largest request body, except Alertmanager webhooks
     * @param maxIntakeBodyBytes largest Alertmanager webhook body
     * @param reads              what API reads may take, so that intake keeps its capacity
     * @param allowedHosts       names requests may carry in Host besides the loopback names and the bind address
     *                           ({@code *}: any)
     */
    public record Options(String host, int port, boolean readsNeedToken, long maxBodyBytes, long maxIntakeBodyBytes,
                          ReadLimits reads, List<String> allowedHosts) {
        public Options {
            // Limits that cannot work are refused here, not when the server starts.
            new BodyLimits(maxBodyBytes, maxIntakeBodyBytes);
            java.util.Objects.requireNonNull(reads, "reads");
            allowedHosts = List.copyOf(allowedHosts);
        }

        public static Options loopback(int port) {
            return new Options("127.0.0.1", port, false, DEFAULT_MAX_BODY, DEFAULT_MAX_INTAKE_BODY,
                    ReadLimits.DEFAULT, List.of());
        }

        public Options withReads(ReadLimits limits) {
            return new Options(host, port, readsNeedToken, maxBodyBytes, maxIntakeBodyBytes, limits, allowedHosts);
        }

        public Options withAllowedHosts(List<String> names) {
            return new Options(host, port, readsNeedToken, maxBodyBytes, maxIntakeBodyBytes, reads, names);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ReliaServer.class);

    private final Javalin app;
    private final List<ServerPart> parts;
    private final ReadGate reads;

    private ReliaServer(Javalin app, List<ServerPart> parts, ReadGate reads) {
        this.app = app;
        this.parts = parts;
        this.reads = reads;
    }

    /** Starts serving {@code store} with default settings; the caller closes the store after the server. */
    public static ReliaServer start(IncidentStore store, IncidentPolicy policy, Options options) {
        return start(ServerSetup.of(store).withSettings(new IncidentSettings(policy, IntakeRules.DEFAULT,
                List.of())), options);
    }

    /** Starts serving {@code setup}; the caller keeps ownership of the store and closes it after the server. */
    public static ReliaServer start(ServerSetup given, Options options) {
        WatchedStore store = new WatchedStore(given.store());
        ServerSetup setup = given.withStore(store);
        ServerMetrics metrics = new ServerMetrics();
        ReadGate reads = new ReadGate(options.reads(), metrics.registry());
        BodyLimits bodies = new BodyLimits(options.maxBodyBytes(), options.maxIntakeBodyBytes());
        new IncidentGauges(store, setup.policy(), setup.clock(), metrics.registry());
        Notifications notifications = new Notifications(setup, metrics.registry(), options.port() == 0
                ? Optional.empty() : Optional.of("http://" + options.host() + ":" + options.port()));
        IncidentEvents events = notifications.notifier();
        List<ServerPart> parts = List.of(notifications, new OpenApi(),
                // Before IncidentApi: its POST /incidents/{id}/{action} would otherwise take /incidents/{id}/actions.
                new IncidentRecordsApi(setup, events, new SimilarSearch(store),
                        new StatsCache(store, setup.policy(), setup.clock())),
                new IncidentApi(setup, events),
                new Dashboard(), new SloApi(setup),
                new AlertIntake(setup, events, metrics.registry()));
        List<String> allowedHosts = new ArrayList<>(options.allowedHosts());
        setup.publicUrl().map(URI::getHost).ifPresent(allowedHosts::add);
        AccessGate gate = new AccessGate(store.tokens(), setup.clock(), options.readsNeedToken(),
                HostAllowList.of(options.host(), allowedHosts));
        Javalin app = Javalin.create(config -> {
            config.jetty.host = options.host();
            config.jetty.port = options.port();
            // The largest limit; BodyLimits holds every route but the Alertmanager intake to the small one.
            config.http.maxRequestSize = options.maxIntakeBodyBytes();
            config.http.defaultContentType = Json.CONTENT_TYPE;
            config.http.prefer405over404 = true;
            config.concurrency.useVirtualThreads = true;
            // Read limits in front of everything: a refused read never reaches the application, an admitted one
            // runs on a read thread of its own (ReadGate says why).
            config.jetty.modifyServer(server -> server.setHandler(reads.admission()));
            config.startup.showJavalinBanner = false;
            config.routes.before(metrics::start);
            config.routes.after(metrics::finish);
            gate.configure(config);
            config.routes.get("/metrics", metrics::scrape);
            config.routes.before(bodies::check);
            config.routes.get("/health", ctx -> Json.send(ctx, 200, IncidentApi.status("ok")));
            config.routes.get("/ready", ctx -> {
                boolean ready = store.ping();
                Json.send(ctx, ready ? 200 : 503, IncidentApi.status(ready ? "ready" : "store unreachable"));
            });
            parts.forEach(part -> part.configure(config));
            config.routes.exception(ApiError.class, (error, ctx) -> ErrorPages.send(ctx, error.status(),
                    error.getMessage(), error.details()));
            config.routes.exception(IncidentException.class, (error, ctx) -> ErrorPages.send(ctx,
                    error.getMessage().startsWith("no incident") ? 404 : 400, error.getMessage()));
            // Every broken rule of the request, each naming its field, beside the joined message.
            config.routes.exception(RuleViolationException.class, (error, ctx) -> ErrorPages.send(ctx, 400,
                    error.getMessage(), Map.of("violations", error.violations().stream().map(violation -> Map.of(
                            "field", violation.field(), "message", violation.message())).toList())));
            config.routes.exception(StoreException.class, (error, ctx) -> {
                LOG.warn("the incident store is unavailable: {}", error.getMessage());
                ErrorPages.send(ctx, 503, "the incident store is unavailable");
            });
            config.routes.exception(Exception.class, (error, ctx) -> {
                LOG.error("internal error answering {} {}", ctx.method(), ctx.path(), error);
                ErrorPages.send(ctx, 500, "internal error");
            });
            ErrorPages.configure(config, bodies);
        });
        try {
            app.start();
            LOG.atInfo().addKeyValue("host", options.host()).addKeyValue("port", app.port())
                    .addKeyValue("allowedHosts", gate.allowedHosts()).log("relia serve listening");
            gate.warnAboutLegacyTokens();
        } catch (RuntimeException cannotStart) {
            parts.reversed().forEach(ServerPart::close);
            reads.close();
            throw cannotStart;
        }
        return new ReliaServer(app, parts, reads);
    }

    /** The HTTP routes Javalin serves, as "GET /api/v1/incidents" (the OpenAPI test compares them). */
    java.util.Set<String> routes() {
        java.util.Set<String> routes = new java.util.TreeSet<>();
        app.unsafe.internalRouter.allHttpHandlers().stream().filter(parsed -> parsed.endpoint.method.isHttpMethod())
                .forEach(parsed -> routes.add(parsed.endpoint.method.name() + " " + parsed.endpoint.path));
        return routes;
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** Stops accepting, finishes requests in flight, then stops. */
    @Override
    public void close() {
        app.stop();
        reads.close();
        // Parts stop in reverse: the intake commits what is queued (publishing events) before notifications stop.
        parts.reversed().forEach(ServerPart::close);
    }
}
