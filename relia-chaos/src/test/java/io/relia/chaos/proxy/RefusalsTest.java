package io.relia.chaos.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Refused connections are logged at once, then as one count per interval, never one line per connection. */
class RefusalsTest {
    private final ArrayDeque<Runnable> due = new ArrayDeque<>();
    private final List<String> lines = new ArrayList<>();
    private final Refusals refusals = new Refusals("db", (task, delay) -> due.add(task), 10_000, lines::add);

    /** The interval ends: what was scheduled for it runs. */
    private void intervalEnds() {
        assertThat(due).as("a flush is scheduled").hasSize(1);
        due.poll().run();
    }

    @Test
    void aFloodOfRefusalsWritesTheFirstAndThenOneCountPerInterval() {
        for (int i = 0; i < 10_000; i++) {
            refusals.refused("it has 1024 connections open");
        }
        assertThat(lines).containsExactly("proxy db refused a connection: it has 1024 connections open");

        intervalEnds();
        assertThat(lines).last().isEqualTo("proxy db refused 9999 more connections in the last 10 s: it has 1024 "
                + "connections open");
        refusals.refused("again");
        intervalEnds();
        assertThat(lines).hasSize(3).last().isEqualTo("proxy db refused 1 more connection in the last 10 s: again");
    }

    @Test
    void aQuietIntervalEndsTheWindowSoTheNextRefusalIsLoggedAtOnce() {
        refusals.refused("first");
        intervalEnds();
        assertThat(due).as("nothing to report, nothing scheduled").isEmpty();

        refusals.refused("second");
        assertThat(lines).containsExactly("proxy db refused a connection: first",
                "proxy db refused a connection: second");
    }
}
