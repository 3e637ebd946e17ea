package io.relia.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.relia.incident.ApiToken;
import io.relia.incident.ApiTokens;
import io.relia.incident.store.StoreException;
import io.relia.server.intake.AlertIntake;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;

/**
 * Who may call what, decided before any handler runs: the Host allow-list (every request), then for the matched
 * route the token and scope {@link RouteScopes} names, then that a body is JSON. Method-override headers are hidden
 * from the router, and every answer says {@code nosniff} and {@code no-store} (the dashboard's files set their own
 * caching).
 */
final class AccessGate {

    private static final Logger LOG = LoggerFactory.getLogger(AccessGate.class);

    private final ApiTokens tokens;
    private final Clock clock;
    private final boolean readsNeedToken;
    private final HostAllowList hosts;

    AccessGate(ApiTokens tokens, Clock clock, boolean readsNeedToken, HostAllowList hosts) {
        this.tokens = tokens;
        this.clock = clock;
        this.readsNeedToken = readsNeedToken;
        this.hosts = hosts;
    }

    void configure(JavalinConfig config) {
        config.jetty.modifyServletContextHandler(handler -> handler.addFilter(new MethodOverrideFilter(), "/*",
                EnumSet.of(DispatcherType.REQUEST)));
        config.routes.before(this::checkHost);
        config.routes.beforeMatched(this::checkAccess);
    }

    /** The names requests may address this server by, for the start-up log. */
    String allowedHosts() {
        return hosts.describe();
    }

    private void checkHost(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
        String host = ctx.header("Host");
        if (!hosts.allows(host)) {
            throw new ApiError(421, "this server does not answer to the name in the Host header (\""
                    + printable(host) + "\"); it answers to " + hosts.describe() + ". Serve more names with "
                    + "relia serve --allowed-host NAME or server.allowed_hosts in incidents.yaml");
        }
    }

    private void checkAccess(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        if (endpoint == null) {
            return;
        }
        RouteAccess access = RouteScopes.of(endpoint.method, endpoint.path);
        access.scope().ifPresent(scope -> Auth.expect(ctx, scope, endpoint.method.name() + " " + endpoint.path,
                clock.instant()));
        // PagerDuty senders without a header carry the token as the routing key; the intake checks it.
        boolean pagerDutyKey = endpoint.path.equals(AlertIntake.PAGERDUTY_PATH) && ctx.header("Authorization") == null;
        if (access.needsToken(readsNeedToken) && !pagerDutyKey) {
            Auth.require(ctx, tokens);
        }
        if (endpoint.method != HandlerType.GET) {
            Json.requireJsonContentType(ctx);
        }
    }

    /** Logs, once at start-up, the tokens made before scopes: they keep every scope until replaced. */
    void warnAboutLegacyTokens() {
        List<String> legacy;
        try {
            legacy = tokens.list().stream().filter(ApiToken::legacy).map(ApiToken::name).distinct().toList();
        } catch (StoreException unavailable) {
            return;
        }
        if (!legacy.isEmpty()) {
            LOG.atWarn().addKeyValue("tokens", String.join(", ", legacy)).log("tokens created before scopes keep "
                    + "every scope (intake, read, write, admin); replace each with relia token create NAME --scope "
                    + "... and revoke the old one (relia token list shows them)");
        }
    }

    private static String printable(String text) {
        String plain = text.replaceAll("[^\\x20-\\x7e]", "?");
        return plain.length() > 100 ? plain.substring(0, 100) + "…" : plain;
    }
}
