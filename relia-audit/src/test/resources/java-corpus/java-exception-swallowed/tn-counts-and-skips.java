import java.util.List;

// A consumer that cannot decode one message counts it as dropped and moves on: the failure is visible on a
// dashboard (the drop counter), and one poisoned message must not stop the stream.
class EventConsumer {
    private final Metrics metrics;
    private final Counter rejected;
    private final Meter malformed;

    EventConsumer(Metrics metrics, Counter rejected, Meter malformed) {
        this.metrics = metrics;
        this.rejected = rejected;
        this.malformed = malformed;
    }

    void consume(List<byte[]> batch, Decoder decoder, Sink sink) {
        for (byte[] payload : batch) {
            Event event;
            try {
                event = decoder.decode(payload);
            } catch (RuntimeException e) {
                metrics.incrementEventsDropped();
                continue;
            }
            sink.accept(event);
        }
    }

    void store(Event event, Sink sink) {
        try {
            sink.accept(event);
        } catch (Exception e) {
            rejected.increment();
        }
    }

    void check(byte[] payload, Decoder decoder) {
        try {
            decoder.decode(payload);
        } catch (RuntimeException e) {
            malformed.mark();
            return;
        }
    }

    interface Metrics {
        void incrementEventsDropped();
    }

    interface Counter {
        void increment();
    }

    interface Meter {
        void mark();
    }

    interface Decoder {
        Event decode(byte[] payload);
    }

    interface Sink {
        void accept(Event event) throws Exception;
    }

    record Event(String name) {
    }
}
