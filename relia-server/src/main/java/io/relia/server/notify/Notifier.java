package io.relia.server.notify;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.relia.core.net.NetworkErrors;
import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentStore;
import io.relia.incident.TimelineEntry;
import io.relia.incident.notify.NotificationTarget;
import io.relia.incident.view.IncidentJson;
import io.relia.server.IncidentEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells people about incident events: one delivery per target that wants the event, each on its own virtual
 * thread, so {@link #publish} returns at once. A delivery is retried on connection errors, 408, 429 and 5xx with
 * {@link RetryPolicy}'s backoff (honouring Retry-After), never on other 4xx; its outcome, sent or failed, is written
 * to the incident's timeline ({@code notify} entries by {@code relia}), so a failed page is visible where responders
 * look. Target URLs are credentials: they appear nowhere, only the target's name.
 */
public final class Notifier implements IncidentEvents, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Deliveries queued or in flight beyond this are dropped (and counted): memory stays bounded in a storm. */
    static final int MAX_PENDING = 10_000;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    private static final Duration STOP_WAIT = Duration.ofSeconds(1);
    static final String ACTOR = "relia";

    private final List<NotificationTarget> targets;
    private final IncidentStore store;
    private final IncidentPolicy policy;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Optional<String> dashboardUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore pending;
    private final int maxPending;
    private final Counter outcomes;

    /**
     * Registers {@code relia_notifications_total{target,outcome}} on {@code registry}; starts no thread until a
     * delivery is queued.
     *
     * @param policy       response targets, for the incident JSON of generic webhooks
     * @param dashboardUrl where people open Relia ({@code https://relia.example.com}), for links; empty: no links
     */
    public Notifier(List<NotificationTarget> targets, IncidentStore store, IncidentPolicy policy, Clock clock,
                    RetryPolicy retry, PrometheusRegistry registry, Optional<String> dashboardUrl) {
        this(targets, store, policy, clock, retry, registry, dashboardUrl, MAX_PENDING);
    }

    /** With a different bound on pending deliveries (tests fill it). */
    Notifier(List<NotificationTarget> targets, IncidentStore store, IncidentPolicy policy, Clock clock,
             RetryPolicy retry, PrometheusRegistry registry, Optional<String> dashboardUrl, int maxPending) {
        this.targets = List.copyOf(targets);
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.dashboardUrl = dashboardUrl.filter(url -> !url.isBlank())
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be positive: " + maxPending);
        }
        this.pending = new Semaphore(maxPending);
        this.maxPending = maxPending;
        this.outcomes = Counter.builder().name("relia_notifications_total")
                .help("Notification deliveries by target and outcome (sent, retried, failed, dropped)")
                .labelNames("target", "outcome").register(registry);
    }

    /** Queues one delivery per target that wants the event and returns at once; drills are not announced. */
    @Override
    public void publish(NotificationTarget.Event event, Incident incident, String detail) {
        if (incident.drill()) {
            return;
        }
        for (NotificationTarget target : targets) {
            if (target.wants(event, incident.severity())) {
                enqueue(target, event, incident, detail);
            }
        }
    }

    private void enqueue(NotificationTarget target, NotificationTarget.Event event, Incident incident,
                         String detail) {
        if (!pending.tryAcquire()) {
            outcomes.labelValues(target.name(), "dropped").inc();
            LOG.warn("notification to {} dropped: {} deliveries already pending", target.name(), maxPending);
            return;
        }
        try {
            deliveries.execute(() -> {
                try {
                    deliver(target, event, incident, detail);
                } catch (RuntimeException bug) {
                    // The class only: a message such as "unsupported URI …" would print the credential.
                    outcomes.labelValues(target.name(), "failed").inc();
                    LOG.error("notification to {} about {} failed: {}", target.name(), incident.reference(),
                            bug.getClass().getName());
                } finally {
                    pending.release();
                }
            });
        } catch (RuntimeException stopped) {
            pending.release();
            outcomes.labelValues(target.name(), "dropped").inc();
            LOG.warn("notification to {} dropped: the notifier is stopping ({})", target.name(), stopped.toString());
        }
    }

    private void deliver(NotificationTarget target, NotificationTarget.Event event, Incident incident,
                         String detail) {
        // One id for every try: Standard Webhooks receivers drop a message id they have already handled.
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        String body = JSON.writeValueAsString(body(id, target, event, incident, detail));
        String problem = "";
        int attempt = 0;
        while (attempt < retry.attempts()) {
            attempt++;
            Duration retryAfter = null;
            try {
                HttpResponse<Void> response = http.send(request(target, id, body),
                        HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    outcomes.labelValues(target.name(), "sent").inc();
                    record(incident, "notified \"" + target.name() + "\" (" + target.kind().label() + "): "
                            + event.label() + (attempt > 1 ? " after " + attempt + " attempts" : ""));
                    return;
                }
                problem = "HTTP " + status;
                if (!retryable(status)) {
                    problem += " (not retried)";
                    break;
                }
                retryAfter = response.headers().firstValue("Retry-After").flatMap(Notifier::seconds).orElse(null);
            } catch (IOException failed) {
                // The message of a connection error may name the host; the target's name is enough.
                problem = NetworkErrors.recognised(failed).orElse("cannot send (" + failed.getClass().getSimpleName()
                        + ")");
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                problem = stopped(problem);
                break;
            }
            if (attempt < retry.attempts()) {
                outcomes.labelValues(target.name(), "retried").inc();
                if (!pause(retry.backoff(attempt + 1, retryAfter))) {
                    problem = stopped(problem);
                    break;
                }
            }
        }
        outcomes.labelValues(target.name(), "failed").inc();
        LOG.atWarn().addKeyValue("target", target.name()).addKeyValue("incident", incident.reference())
                .addKeyValue("event", event.label()).addKeyValue("attempts", attempt)
                .log("notification failed: {}", problem);
        record(incident, "notification to \"" + target.name() + "\" (" + target.kind().label() + ") failed after "
                + attempt + (attempt == 1 ? " attempt: " : " attempts: ") + event.label() + ", " + problem);
    }

    private HttpRequest request(NotificationTarget target, String id, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.url()).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "relia-serve")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target.kind() == NotificationTarget.Kind.WEBHOOK) {
            long timestamp = clock.instant().getEpochSecond();
            request.header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp));
            target.secret().ifPresent(secret -> request.header("webhook-signature",
                    WebhookSignature.sign(secret, id, timestamp, body)));
        }
        return request.build();
    }

    /** Timeouts (408), rate limits (429) and server errors pass; any other answer will be the same next time. */
    private static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /** Sleeps; false when interrupted because the notifier is stopping. */
    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String stopped(String problem) {
        return problem.isEmpty() ? "the server stopped" : problem + "; the server stopped";
    }

    private Map<String, Object> body(String id, NotificationTarget target, NotificationTarget.Event event,
                                     Incident incident, String detail) {
        Optional<String> link = dashboardUrl.map(url -> url + "/#/incidents/" + incident.id());
        return switch (target.kind()) {
            case SLACK -> Payloads.slack(event, incident, detail, link);
            case MATTERMOST -> Payloads.mattermost(event, incident, detail, link);
            case TEAMS -> Payloads.teams(event, incident, detail, link);
            case WEBHOOK -> {
                Instant now = clock.instant();
                yield Payloads.event(id, now, event, detail, link, IncidentJson.incident(incident, policy, now));
            }
        };
    }

    private void record(Incident incident, String text) {
        try {
            store.note(incident.id(), ACTOR, clock.instant(), TimelineEntry.Kind.NOTIFY, text);
        } catch (RuntimeException storeGone) {
            LOG.warn("could not note on {}: {} ({})", incident.reference(), text, storeGone.toString());
        }
    }

    private static Optional<Duration> seconds(String header) {
        try {
            long value = Long.parseLong(header.strip());
            return value >= 0 ? Optional.of(Duration.ofSeconds(value)) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }

    /**
     * Waits up to 5 s for deliveries in flight, then interrupts those still sending or backing off and gives them
     * 1 s more to write their outcome to the timeline.
     */
    @Override
    public void close() {
        deliveries.shutdown();
        try {
            if (!deliveries.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                deliveries.shutdownNow();
                if (!deliveries.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("notifier stopped with deliveries still running");
                }
            }
        } catch (InterruptedException interrupted) {
            deliveries.shutdownNow();
            Thread.currentThread().interrupt();
        }
        // shutdownNow, not close: close waits for every exchange without a bound.
        http.shutdownNow();
    }
}
