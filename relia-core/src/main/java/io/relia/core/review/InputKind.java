package io.relia.core.review;

/** The kinds of input {@code relia review} recognises in a service directory, by content. */
public enum InputKind {
    SERVICE_CONFIG("service config"),
    SLO_NATIVE("SLO spec (native)"),
    SLO_SLOTH("SLO spec (Sloth prometheus/v1)"),
    SLO_OPENSLO("SLO spec (OpenSLO)"),
    SLO_PYRRA("SLO spec (Pyrra)"),
    /** Google's slo-generator ({@code apiVersion: sre.google.com/v2}): named, not read. */
    SLO_GENERATOR("slo-generator SLO (sre.google.com/v2)"),
    /** Nobl9's objects ({@code apiVersion: n9/v1alpha}): named, not read. */
    NOBL9("Nobl9 object (n9/v1alpha)"),
    PROMETHEUS_RULES("Prometheus rules"),
    RUNBOOK("runbook"),
    RUNBOOK_DOCUMENT("runbook (Markdown)"),
    CHAOS_EXPERIMENT("chaos experiment"),
    CHAOS_TOOLKIT("chaos experiment (Chaos Toolkit)"),
    /** Chaos Mesh objects ({@code apiVersion: chaos-mesh.org/v1alpha1}): read by the review, not run by Relia. */
    CHAOS_MESH("chaos experiment (Chaos Mesh)"),
    /** LitmusChaos objects ({@code apiVersion: litmuschaos.io/v1alpha1}): read by the review, not run by Relia. */
    LITMUS_CHAOS("chaos experiment (LitmusChaos)"),
    /** The run record {@code chaos run} (or {@code relia chaos run}) writes: a copy of the experiment, not one. */
    CHAOS_JOURNAL("Chaos Toolkit journal"),
    CAPACITY("capacity plan"),
    DISASTER_RECOVERY("disaster-recovery plan"),
    INCIDENT_POLICY("incident policy"),
    KUBERNETES("Kubernetes manifest"),
    /** A Helm chart, found by its Chart.yaml; its templates are Go templates, rendered by helm, never read as YAML. */
    HELM_CHART("Helm chart"),
    /** A chart template met without its chart (or given to validate): Go template text, never read as YAML. */
    HELM_TEMPLATE("Helm template"),
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

    /** SLOs in a format Relia names and does not read (slo-generator, Nobl9). */
    public boolean isForeignSlo() {
        return this == SLO_GENERATOR || this == NOBL9;
    }

    /** Chaos experiments in a Kubernetes operator's format (Chaos Mesh, LitmusChaos): read, never run by Relia. */
    public boolean isKubernetesChaos() {
        return this == CHAOS_MESH || this == LITMUS_CHAOS;
    }
}
