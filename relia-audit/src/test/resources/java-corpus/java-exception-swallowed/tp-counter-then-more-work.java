import java.util.concurrent.atomic.AtomicInteger;

// Counting is not handling when the count is a private tally no one reports (an AtomicInteger bumped with
// incrementAndGet), or when the handler goes on to do other work as if the step had succeeded.
class Importer {
    private final AtomicInteger failures = new AtomicInteger();
    private final Metrics metrics;

    Importer(Metrics metrics) {
        this.metrics = metrics;
    }

    void load(Source source) {
        try {
            source.read();
        } catch (Exception e) { failures.incrementAndGet(); } // expect: java/exception-swallowed
    }

    void copy(Source source, Target target) {
        try {
            target.write(source.read());
        } catch (Exception e) { metrics.incrementCopyErrors(); target.markDone(); } // expect: java/exception-swallowed
    }

    interface Metrics {
        void incrementCopyErrors();
    }

    interface Source {
        String read() throws Exception;
    }

    interface Target {
        void write(String text) throws Exception;

        void markDone();
    }
}
