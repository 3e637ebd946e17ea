package io.relia.chaos.run;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Every change a run made to proxies and processes, so that whatever the rollbacks did not undo is undone on any
 * exit: the safety net that leaves the proxy clean. Entries are removed when the run itself undoes them.
 * Thread-safe (background activities record too).
 */
final class UndoLog {

    /** One change to undo. */
    sealed interface Change {
        String describe();
    }

    /** A toxic the run added. */
    record ToxicAdded(URI admin, String proxy, String toxic) implements Change {
        @Override
        public String describe() {
            return "remove toxic " + toxic + " from proxy " + proxy;
        }
    }

    /** A proxy the run disabled. */
    record ProxyDisabled(URI admin, String proxy) implements Change {
        @Override
        public String describe() {
            return "re-enable proxy " + proxy;
        }
    }

    /** A process the run started (killed) or paused (resumed). */
    record ProcessChanged(String name, boolean paused) implements Change {
        @Override
        public String describe() {
            return (paused ? "resume" : "kill") + " process " + name;
        }
    }

    private final List<Change> changes = new ArrayList<>();

    synchronized void record(Change change) {
        changes.remove(change);
        changes.add(change);
    }

    synchronized void undone(Change change) {
        changes.remove(change);
    }

    /** What is left to undo, most recent first. */
    synchronized List<Change> pending() {
        return List.copyOf(changes.reversed());
    }
}
