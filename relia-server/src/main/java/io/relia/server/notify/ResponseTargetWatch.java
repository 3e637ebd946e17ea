package io.relia.server.notify;

import io.relia.incident.Incident;
import io.relia.incident.IncidentPolicy;
import io.relia.incident.IncidentQuery;
import io.relia.incident.IncidentStore;
import io.relia.incident.TimelineEntry;
import io.relia.incident.notify.NotificationTarget;
import io.relia.server.IncidentEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches open incidents for a missed response target (not acknowledged within the target of their severity since
 * detection) and reports each once as {@code target_breached}. "Once" survives restarts: the breach is written to
 * the incident's timeline first ({@code response target breached: …}), and an incident with that line is skipped.
 */
public final class ResponseTargetWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResponseTargetWatch.class);
    static final String MARK = "response target breached: ";
    /** Most open incidents looked at per check. */
    private static final int MAX_OPEN = 1_000;

    private final IncidentStore store;
    private final IncidentPolicy policy;
    private final IncidentEvents events;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("relia-response-watch").daemon().factory());

    public ResponseTargetWatch(IncidentStore store, IncidentPolicy policy, IncidentEvents events, Clock clock,
                               Duration every) {
        this.store = store;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
        if (!every.isPositive()) {
            throw new IllegalArgumentException("the check interval must be positive: " + every);
        }
        timer.scheduleWithFixedDelay(this::safeCheck, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void safeCheck() {
        try {
            check();
        } catch (RuntimeException failed) {
            LOG.warn("response target check failed: {}", failed.toString());
        }
    }

    /**
     * One pass: reports every open, unacknowledged incident past its target that was not reported yet; at most
     * {@value #MAX_OPEN} open incidents are looked at. Synchronized so a manual check and the timer's cannot both
     * report the same breach.
     *
     * @return how many breaches it reported
     */
    public synchronized int check() {
        Instant now = clock.instant();
        int reported = 0;
        for (Incident incident : store.list(IncidentQuery.ALL.openOnly(true).limit(MAX_OPEN))) {
            if (incident.drill() || incident.times().acknowledged() != null) {
                continue;
            }
            Duration target = policy.responseTargets().get(incident.severity());
            Instant due = incident.times().detected().plus(target);
            if (!now.isAfter(due)) {
                continue;
            }
            boolean known = store.timeline(incident.id()).stream().anyMatch(entry ->
                    entry.kind() == TimelineEntry.Kind.NOTIFY && entry.text().startsWith(MARK));
            if (known) {
                continue;
            }
            String detail = "not acknowledged within " + format(target) + " of detection (due " + due + ")";
            store.note(incident.id(), Notifier.ACTOR, now, TimelineEntry.Kind.NOTIFY, MARK + detail);
            events.publish(NotificationTarget.Event.TARGET_BREACHED, incident, detail);
            reported++;
        }
        return reported;
    }

    private static String format(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
