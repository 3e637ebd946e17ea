package io.relia.audit;

import java.util.List;

/**
 * One kind of audit (Java code, Kubernetes manifests, Spring config, Prometheus rules, runbooks), found with
 * {@link java.util.ServiceLoader}. Analyzers never print and never throw for what they read: a file they cannot
 * parse is a problem in the context, and the sweep goes on.
 */
public interface AuditAnalyzer {

    /** Short ID, e.g. {@code java}. */
    String id();

    /** The rules this analyzer can report; their IDs are unique across analyzers. */
    List<AuditRule> rules();

    /** Reports findings (and problems) for the files of {@code context} it understands. */
    void analyze(AuditContext context);
}
