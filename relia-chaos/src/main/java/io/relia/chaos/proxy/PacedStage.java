package io.relia.chaos.proxy;

import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A stage that releases chunks at times it chooses, never out of order: a chunk due earlier than the one before
 * it waits for that one. Chunks already due pass straight through without touching the scheduler, so a 0 ms
 * latency toxic costs next to nothing.
 */
abstract class PacedStage extends Stage {
    private record Timed(Chunk chunk, long dueNanos) {
    }

    private final ArrayDeque<Timed> queue = new ArrayDeque<>();
    private ScheduledFuture<?> timer;
    private long lastDue = Long.MIN_VALUE;
    private boolean stopped;

    PacedStage(Link link, Toxic toxic) {
        super(link, toxic);
    }

    /** Queues {@code chunk} to leave at {@code dueNanos} ({@link System#nanoTime()} scale) or after its predecessor. */
    final void release(Chunk chunk, long dueNanos) {
        if (stopped) {
            // A write that failed while this stage was emitting closed the connection under it.
            link.discard(chunk);
            return;
        }
        long due = lastDue == Long.MIN_VALUE ? dueNanos : Math.max(dueNanos, lastDue);
        lastDue = due;
        if (queue.isEmpty() && due - System.nanoTime() <= 0) {
            emit(chunk);
            return;
        }
        queue.add(new Timed(chunk, due));
        link.queued(1);
        if (timer == null) {
            pump();
        }
    }

    /** The due time of the last chunk queued, for stages that pace from it (bandwidth, slicer). */
    final long lastDue(long now) {
        return lastDue == Long.MIN_VALUE ? now : Math.max(lastDue, now);
    }

    private void pump() {
        timer = null;
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        while (!queue.isEmpty() && queue.peek().dueNanos - now <= 0) {
            Chunk due = queue.poll().chunk;
            link.queued(-1);
            emit(due);
        }
        if (!queue.isEmpty()) {
            timer = link.eventLoop().schedule(this::pump, queue.peek().dueNanos - now, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    List<Chunk> stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        List<Chunk> held = new ArrayList<>(queue.size());
        queue.forEach(t -> held.add(t.chunk));
        queue.clear();
        link.queued(-held.size());
        return held;
    }
}
