package io.relia.audit;

import io.relia.core.Location;

import java.util.Objects;

/**
 * What an audit rule saw that satisfies it (a JSON log encoder, a circuit breaker guarding a dependency), so a
 * review can say why an item passes instead of only that nothing was found.
 *
 * @param topic    what the evidence is about
 * @param subject  what it is evidence for, when more than the service (a dependency's name); empty otherwise
 * @param text     what was seen, for people ("Resilience4j @CircuitBreaker(name = "payments")")
 * @param location where it was seen
 */
public record Evidence(Topic topic, String subject, String text, Location location) implements Comparable<Evidence> {

    /** The questions evidence answers, one per checklist concern the audit rules settle. */
    public enum Topic {
        /** Requests are counted and timed (a metrics library, an agent, hand-written RED metrics). */
        REQUEST_METRICS,
        /** Where the metrics are exposed for scraping. */
        METRICS_ENDPOINT,
        /** Logs are written as structured records (a JSON encoder or layout). */
        STRUCTURED_LOGGING,
        /** Outbound calls carry trace context (a tracing library, an agent, a traceparent header). */
        TRACE_PROPAGATION,
        /** A circuit breaker (library or service mesh) and what it guards. */
        CIRCUIT_BREAKER,
        /** Code or configuration that calls a dependency, and how it was matched to it. */
        DEPENDENCY_CALL
    }

    public Evidence {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(location, "location");
        subject = subject == null ? "" : subject;
    }

    /** Evidence about the service as a whole. */
    public static Evidence of(Topic topic, String text, Location location) {
        return new Evidence(topic, "", text, location);
    }

    /** By topic, subject, then place. */
    @Override
    public int compareTo(Evidence other) {
        int byTopic = topic.compareTo(other.topic);
        if (byTopic != 0) {
            return byTopic;
        }
        int bySubject = subject.compareTo(other.subject);
        if (bySubject != 0) {
            return bySubject;
        }
        int byPlace = location.compareTo(other.location);
        return byPlace != 0 ? byPlace : text.compareTo(other.text);
    }
}
