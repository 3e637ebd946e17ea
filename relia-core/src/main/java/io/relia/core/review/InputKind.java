package io.relia.core.review;

/** The kinds of input {@code relia review} recognises in a service directory, by content. */
public enum InputKind {
    SERVICE_CONFIG("service config"),
    SLO_NATIVE("SLO spec (native)"),
    SLO_SLOTH("SLO spec (Sloth prometheus/v1)"),
    SLO_OPENSLO("SLO spec (OpenSLO)"),
    SLO_PYRRA("SLO spec (Pyrra)"),
    PROMETHEUS_RULES("Prometheus rules"),
    RUNBOOK("runbook"),
    RUNBOOK_DOCUMENT("runbook (Markdown)"),
    CHAOS_EXPERIMENT("chaos experiment"),
    CHAOS_TOOLKIT("chaos experiment (Chaos Toolkit)"),
    /** The run record {@code chaos run} (or {@code relia chaos run}) writes: a copy of the experiment, not one. */
    CHAOS_JOURNAL("Chaos Toolkit journal"),
    CAPACITY("capacity plan"),
    DISASTER_RECOVERY("disaster-recovery plan"),
    INCIDENT_POLICY("incident policy"),
    KUBERNETES("Kubernetes manifest"),
    /** A Helm chart, found by its Chart.yaml; its templates are Go templates, rendered by helm, never read as YAML. */
    HELM_CHART("Helm chart"),
    SPRING_CONFIG("Spring config"),
    JAVA_SOURCE("Java source"),
    METRICS_HISTORY("recorded metrics"),
    UNREADABLE("unreadable input");

    private final String title;

    InputKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public boolean isSlo() {
        return this == SLO_NATIVE || this == SLO_SLOTH || this == SLO_OPENSLO || this == SLO_PYRRA;
    }
}
