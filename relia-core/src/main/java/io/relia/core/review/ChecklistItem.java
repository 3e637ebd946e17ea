package io.relia.core.review;

import java.util.EnumSet;
import java.util.Set;

/**
 * The Production Readiness Checklist of the seed document (002, "Production Readiness Review"), item by item.
 * Each item says what a person should show when no analyzer can check it, or which input Relia needs to check it.
 */
public enum ChecklistItem {

    ARCHITECTURE_DIAGRAM(Category.ARCHITECTURE, "Architecture diagram up to date",
            inputsOf(InputKind.SERVICE_CONFIG),
            manual("link the diagram in relia.yaml (architecture_diagram) and confirm it matches what is deployed")),
    DEPENDENCIES_DOCUMENTED(Category.ARCHITECTURE, "Dependencies documented",
            inputsOf(InputKind.SERVICE_CONFIG),
            manual("list each dependency in relia.yaml (dependencies: name, kind, critical)")),
    SINGLE_POINTS_OF_FAILURE(Category.ARCHITECTURE, "Single points of failure identified and mitigated",
            inputsOf(InputKind.KUBERNETES),
            manual("list the components that run once (databases, queues, regions, single replicas) and how each "
                    + "survives losing one instance")),
    GRACEFUL_DEGRADATION(Category.ARCHITECTURE, "Graceful degradation implemented",
            inputsOf(InputKind.CHAOS_EXPERIMENT, InputKind.CHAOS_TOOLKIT),
            missing("no chaos experiment found: add one with a steady-state hypothesis (reliability/chaos/*.yaml, "
                    + "docs/chaos-experiments.md), run it with relia chaos run and keep its journals beside it")),

    SLOS_DEFINED(Category.RELIABILITY, "SLOs defined and measured",
            inputsOf(InputKind.SLO_NATIVE, InputKind.SLO_SLOTH, InputKind.SLO_OPENSLO, InputKind.SLO_PYRRA,
                    InputKind.METRICS_HISTORY),
            missing("no SLO analyzer ran: define SLOs in reliability/slos.yaml (docs/slo.md)")),
    ERROR_BUDGET_TRACKING(Category.RELIABILITY, "Error budget tracking enabled",
            inputsOf(InputKind.SLO_NATIVE, InputKind.SLO_SLOTH, InputKind.SLO_OPENSLO, InputKind.SLO_PYRRA,
                    InputKind.METRICS_HISTORY),
            missing("no SLO to track: define SLOs, then measure them with recorded data in the repository (*.om, "
                    + "*.csv) or relia slo status --prometheus URL")),
    CIRCUIT_BREAKERS(Category.RELIABILITY, "Circuit breakers implemented",
            inputsOf(InputKind.JAVA_SOURCE, InputKind.SPRING_CONFIG, InputKind.KUBERNETES,
                    InputKind.SERVICE_CONFIG),
            manual("mark the service's critical dependencies in relia.yaml (dependencies: [{name, kind, critical: "
                    + "true}]) and show the circuit breaker guarding each (a Resilience4j instance, an Istio "
                    + "outlierDetection rule) and what callers get while it is open")),
    RETRY_BACKOFF(Category.RELIABILITY, "Retry logic with exponential backoff",
            inputsOf(InputKind.JAVA_SOURCE, InputKind.SPRING_CONFIG),
            manual("relia audit reads Java code and Spring config; for other code show each retry: its attempt "
                    + "limit, its exponential backoff with jitter, and which failures it retries")),
    TIMEOUTS(Category.RELIABILITY, "Timeouts configured appropriately",
            inputsOf(InputKind.JAVA_SOURCE, InputKind.SPRING_CONFIG),
            manual("relia audit reads Java code and Spring config; for other code show the connect and request "
                    + "timeouts of every outbound call and the deadline of every blocking wait")),

    METRICS_EXPOSED(Category.OBSERVABILITY, "Metrics exposed (RED/USE methods)",
            inputsOf(InputKind.JAVA_SOURCE, InputKind.SPRING_CONFIG),
            manual("relia audit reads Java code; otherwise show the request rate, error and duration metrics (RED) "
                    + "and where they are scraped (the /metrics endpoint or the exporter)")),
    STRUCTURED_LOGGING(Category.OBSERVABILITY, "Structured logging implemented",
            inputsOf(InputKind.JAVA_SOURCE, InputKind.SPRING_CONFIG),
            manual("relia audit reads Java code; otherwise show a production log line: one JSON object per event "
                    + "with level, message and trace id")),
    DISTRIBUTED_TRACING(Category.OBSERVABILITY, "Distributed tracing enabled",
            inputsOf(InputKind.JAVA_SOURCE, InputKind.SPRING_CONFIG),
            manual("relia audit reads Java code; otherwise show a trace that crosses the service: the tracing "
                    + "library or agent, and the traceparent header on its outbound calls")),
    DASHBOARDS(Category.OBSERVABILITY, "Dashboards created",
            inputsOf(InputKind.SERVICE_CONFIG),
            manual("link the service dashboards in relia.yaml (dashboards) and show they cover the SLOs")),
    ALERTS_WITH_RUNBOOKS(Category.OBSERVABILITY, "Alerts configured with runbooks",
            inputsOf(InputKind.PROMETHEUS_RULES, InputKind.RUNBOOK, InputKind.RUNBOOK_DOCUMENT, InputKind.SLO_NATIVE,
                    InputKind.SLO_SLOTH, InputKind.SLO_OPENSLO, InputKind.SLO_PYRRA),
            manual("add the Prometheus alert rule files to the repository so they can be checked")),

    RUNBOOKS(Category.OPERATIONS, "Runbooks for common issues",
            inputsOf(InputKind.RUNBOOK, InputKind.RUNBOOK_DOCUMENT),
            manual("add runbooks (reliability/runbooks/*.yaml) for the alerts and common failures")),
    ON_CALL(Category.OPERATIONS, "On-call rotation established",
            inputsOf(InputKind.SERVICE_CONFIG),
            manual("name the rotation in relia.yaml (oncall) and show its schedule")),
    INCIDENT_RESPONSE_PLAN(Category.OPERATIONS, "Incident response plan documented",
            inputsOf(InputKind.INCIDENT_POLICY, InputKind.RUNBOOK, InputKind.RUNBOOK_DOCUMENT,
                    InputKind.SERVICE_CONFIG),
            manual("link the incident response plan (severity levels, roles, escalation)")),
    DISASTER_RECOVERY_TESTED(Category.OPERATIONS, "Disaster recovery tested",
            inputsOf(InputKind.DISASTER_RECOVERY),
            manual("add a disaster-recovery plan (disaster_recovery: rpo, rto, testing.last_test)")),

    SECURITY_REVIEW(Category.SECURITY, "Security review completed",
            inputsOf(InputKind.SERVICE_CONFIG, InputKind.KUBERNETES, InputKind.JAVA_SOURCE, InputKind.SPRING_CONFIG),
            manual("link the security review (threat model and findings), its date and who signed it off")),
    SECRETS_MANAGEMENT(Category.SECURITY, "Secrets management configured",
            inputsOf(InputKind.KUBERNETES, InputKind.SPRING_CONFIG),
            manual("show where the service's credentials are stored (a secret store, sealed or external secrets) "
                    + "and how they are rotated; never literal values in manifests or config")),
    NETWORK_POLICIES(Category.SECURITY, "Network policies in place",
            inputsOf(InputKind.KUBERNETES),
            manual("show the network policies or firewall rules that limit who can reach the service, and from "
                    + "where")),
    AUDIT_LOGGING(Category.SECURITY, "Audit logging enabled",
            inputsOf(),
            manual("link where privileged actions (deploys, config and data changes, admin API calls) are logged, "
                    + "who can read that log and how long it is kept")),

    LOAD_TESTED(Category.CAPACITY, "Load testing completed",
            inputsOf(InputKind.CAPACITY),
            missing("no capacity plan names a measured capacity: run relia load find-max and name its result as "
                    + "per_instance.find_max in reliability/capacity.yaml (docs/capacity.md)")),
    CAPACITY_PLANNING(Category.CAPACITY, "Capacity planning documented",
            inputsOf(InputKind.CAPACITY),
            manual("add a capacity plan (reliability/capacity.yaml)")),
    AUTO_SCALING(Category.CAPACITY, "Auto-scaling configured",
            inputsOf(InputKind.KUBERNETES),
            manual("show the autoscaler (HorizontalPodAutoscaler, KEDA ScaledObject or the platform's) with its "
                    + "minimum and maximum")),
    RESOURCE_LIMITS(Category.CAPACITY, "Resource limits set",
            inputsOf(InputKind.KUBERNETES),
            manual("show CPU and memory requests and limits for every container"));

    /** The sections of the checklist, in the seed's order. */
    public enum Category {
        ARCHITECTURE("Architecture"), RELIABILITY("Reliability"), OBSERVABILITY("Observability"),
        OPERATIONS("Operations"), SECURITY("Security"), CAPACITY("Capacity");

        private final String title;

        Category(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /**
     * What the review says about an item no analyzer decided: either a person provides evidence (manual) or Relia
     * could check it from input the repository does not have, which the explanation names (not checked).
     *
     * @param status      {@link CheckStatus#MANUAL} or {@link CheckStatus#NOT_CHECKED}
     * @param explanation the evidence a person should provide, or the input to add so that Relia checks it
     */
    public record Fallback(CheckStatus status, String explanation) {
    }

    private final Category category;
    private final String title;
    private final Set<InputKind> inputs;
    private final Fallback fallback;

    ChecklistItem(Category category, String title, Set<InputKind> inputs, Fallback fallback) {
        this.category = category;
        this.title = title;
        this.inputs = inputs;
        this.fallback = fallback;
    }

    public Category category() {
        return category;
    }

    public String title() {
        return title;
    }

    /** Stable ID for JSON ({@code slos-defined}). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public Fallback fallback() {
        return fallback;
    }

    /**
     * The kinds of input a verdict on this item rests on: when a file of one of them could not be read or
     * validated, the item fails, whatever its analyzer concluded from the rest.
     */
    public Set<InputKind> inputs() {
        return inputs;
    }

    private static Set<InputKind> inputsOf(InputKind... kinds) {
        return kinds.length == 0 ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.of(kinds[0], kinds));
    }

    private static Fallback manual(String evidence) {
        return new Fallback(CheckStatus.MANUAL, evidence);
    }

    private static Fallback missing(String inputToAdd) {
        return new Fallback(CheckStatus.NOT_CHECKED, inputToAdd);
    }
}
