package io.relia.server.intake;

import io.relia.incident.IncidentStore;
import io.relia.incident.intake.AlertEvent;
import io.relia.incident.intake.IntakeOutcome;
import io.relia.incident.intake.IntakeRules;
import io.relia.incident.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for alert intake: one writer takes every webhook waiting and applies them in one store transaction,
 * then answers each. A durable commit (an fsync) is the cost of intake; sharing it between the webhooks that
 * arrived together is what lets a SQLite store take thousands of alerts a second. A webhook is answered only
 * after its transaction committed, so a 2xx always means stored.
 *
 * <p>If a batch fails, each of its webhooks is retried alone, so one bad webhook cannot fail its neighbours; if a
 * webhook fails for another reason than the store being unavailable, it is retried in halves down to single alerts,
 * so one alert the store refuses cannot lose the others (it is answered as refused, with the reason).
 */
final class IntakeQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeQueue.class);
    /** Webhooks waiting beyond this are refused with 503 (Alertmanager retries); memory stays bounded. */
    private static final int CAPACITY = 10_000;
    /** Most alert events in one transaction, so a transaction never holds the write lock for long. */
    private static final int MAX_BATCH_EVENTS = 2_000;

    /**
     * What became of one alert: its outcome, or why the store refused it.
     *
     * @param outcome present when stored
     * @param refusal the store's reason otherwise
     */
    record Result(Optional<IntakeOutcome> outcome, String refusal) {

        static Result stored(IntakeOutcome outcome) {
            return new Result(Optional.of(outcome), "");
        }

        static Result refused(RuntimeException reason) {
            return new Result(Optional.empty(), "the store refused it: " + (reason.getMessage() == null
                    ? reason.getClass().getSimpleName() : reason.getMessage()));
        }
    }

    private record Pending(List<AlertEvent> events, CompletableFuture<List<Result>> done) {
    }

    private final IncidentStore store;
    private final IntakeRules rules;
    private final Clock clock;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread writer;
    private volatile boolean running = true;

    IntakeQueue(IncidentStore store, IntakeRules rules, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.clock = clock;
        this.writer = Thread.ofPlatform().name("relia-intake-writer").daemon().start(this::run);
    }

    /** Queues the events; the future completes once they are committed (one result each, in order), or fails. */
    CompletableFuture<List<Result>> submit(List<AlertEvent> events) {
        CompletableFuture<List<Result>> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IntakeUnavailable("the server is stopping"));
        } else if (!queue.offer(new Pending(List.copyOf(events), done))) {
            done.completeExceptionally(new IntakeUnavailable("the intake queue is full"));
        }
        return done;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int events = first.events().size();
                Pending next;
                while (events < MAX_BATCH_EVENTS && (next = queue.poll()) != null) {
                    batch.add(next);
                    events += next.events().size();
                }
                commit(batch, events);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IntakeUnavailable("the server is stopping"));
        }
    }

    private void commit(List<Pending> batch, int size) {
        if (batch.size() > 1) {
            List<AlertEvent> all = new ArrayList<>(size);
            batch.forEach(pending -> all.addAll(pending.events()));
            try {
                List<Result> results = stored(store.ingest(all, rules, clock.instant()));
                int from = 0;
                for (Pending pending : batch) {
                    int to = from + pending.events().size();
                    pending.done().complete(results.subList(from, to));
                    from = to;
                }
                return;
            } catch (RuntimeException failed) {
                LOG.warn("intake batch of {} webhooks failed ({}); retrying them one by one", batch.size(),
                        failed.toString());
            }
        }
        for (Pending pending : batch) {
            try {
                pending.done().complete(stored(store.ingest(pending.events(), rules, clock.instant())));
            } catch (StoreException unavailable) {
                pending.done().completeExceptionally(unavailable);
            } catch (RuntimeException failed) {
                commitInHalves(pending, failed);
            }
        }
    }

    /**
     * A webhook that failed for another reason than the store being unavailable, committed in halves until each
     * failing part is one alert, answered as refused: k bad alerts of n cost about 2k·log2(n) transactions, not n.
     */
    private void commitInHalves(Pending pending, RuntimeException failed) {
        List<Result> results = new ArrayList<>(pending.events().size());
        try {
            commitSplitting(pending.events(), failed, results);
        } catch (StoreException unavailable) {
            // Those already committed are repeats when the sender retries the whole webhook.
            pending.done().completeExceptionally(unavailable);
            return;
        }
        pending.done().complete(results);
    }

    private void commitSplitting(List<AlertEvent> events, RuntimeException failed, List<Result> results) {
        if (events.size() == 1) {
            LOG.warn("the store refused an alert", failed);
            results.add(Result.refused(failed));
            return;
        }
        int half = events.size() / 2;
        for (List<AlertEvent> part : List.of(events.subList(0, half), events.subList(half, events.size()))) {
            try {
                results.addAll(stored(store.ingest(part, rules, clock.instant())));
            } catch (StoreException unavailable) {
                throw unavailable;
            } catch (RuntimeException partFailed) {
                commitSplitting(part, partFailed, results);
            }
        }
    }

    private static List<Result> stored(List<IntakeOutcome> outcomes) {
        return outcomes.stream().map(Result::stored).toList();
    }

    /** Stops taking webhooks, commits those already queued, then stops the writer (bounded wait). */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(10_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The intake cannot take the webhook now; the sender should retry (503). */
    static final class IntakeUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IntakeUnavailable(String message) {
            super(message);
        }
    }
}
