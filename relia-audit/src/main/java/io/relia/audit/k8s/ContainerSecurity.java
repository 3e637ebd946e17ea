package io.relia.audit.k8s;

import io.relia.audit.AuditContext;
import io.relia.audit.AuditRule;
import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The securityContext checks of one workload's containers. Kubernetes merges two levels: runAsNonRoot and runAsUser
 * are the container's when it sets them, else the pod's; privileged, allowPrivilegeEscalation,
 * readOnlyRootFilesystem and capabilities exist only per container, so a pod-level one is ignored (and the finding
 * says so, as it is a common mistake).
 */
final class ContainerSecurity {

    /** Capabilities the Pod Security Standards baseline allows a container to add. */
    private static final Set<String> BASELINE_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER",
            "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

    private final Workload workload;
    private final Optional<MapNode> pod;
    private final AuditContext context;

    ContainerSecurity(Workload workload, AuditContext context) {
        this.workload = workload;
        this.pod = workload.podSpec().map("securityContext");
        this.context = context;
    }

    void check() {
        workload.containers().forEach(container -> check(container, false));
        workload.initContainers().forEach(container -> check(container, true));
    }

    private void check(MapNode container, boolean init) {
        if (!container.has("image")) {
            // A container without an image is a patch or a fragment (kustomize, kubeadm), not something that runs.
            return;
        }
        String name = (init ? "init container " : "container ") + container.text("name").orElse("?");
        Location at = container.has("name") ? container.locationOf("name") : container.location();
        Optional<MapNode> own = container.map("securityContext");
        flag(own, "privileged").filter(Boolean::booleanValue).ifPresent(yes -> report(
                KubernetesSecurityRules.PRIVILEGED, name + " runs privileged: root in it is root on the node",
                own.get().locationOf("privileged"), "remove privileged: true; add only the capabilities it needs"));
        addedCapabilities(name, own);
        Optional<Boolean> escalation = flag(own, "allowPrivilegeEscalation");
        if (init) {
            escalation.filter(Boolean::booleanValue).ifPresent(yes -> escalation(name, own.get()
                    .locationOf("allowPrivilegeEscalation"), "sets allowPrivilegeEscalation: true"));
            return;
        }
        runAsRoot(name, at, own);
        if (!flag(own, "readOnlyRootFilesystem").orElse(false) && !unknown(own, "readOnlyRootFilesystem")) {
            report(KubernetesSecurityRules.WRITABLE_ROOT_FILESYSTEM, name + " has a writable root filesystem"
                            + ignoredAtPodLevel("readOnlyRootFilesystem"),
                    explicit(own, "readOnlyRootFilesystem", at), "set securityContext.readOnlyRootFilesystem: true on "
                            + "the container and mount an emptyDir where it writes (/tmp)");
        }
        if (!escalation.map(allowed -> !allowed).orElse(false) && !unknown(own, "allowPrivilegeEscalation")) {
            escalation(name, explicit(own, "allowPrivilegeEscalation", at), escalation.isPresent()
                    ? "sets allowPrivilegeEscalation: true" : "does not set allowPrivilegeEscalation: false (unset "
                    + "means allowed)" + ignoredAtPodLevel("allowPrivilegeEscalation"));
        }
        Optional<MapNode> capabilities = own.flatMap(c -> c.map("capabilities"));
        boolean dropsAll = capabilities.flatMap(c -> c.list("drop")).map(ContainerSecurity::names)
                .filter(dropped -> dropped.contains("ALL")).isPresent();
        if (!dropsAll && capabilities.filter(c -> c.has("drop") && c.list("drop").isEmpty()).isEmpty()) {
            report(KubernetesSecurityRules.CAPABILITIES_NOT_DROPPED, name + " keeps the runtime's default "
                    + "capabilities (capabilities.drop does not include ALL)" + ignoredAtPodLevel("capabilities"),
                    explicit(own, "capabilities", at), "set securityContext.capabilities.drop: [ALL] and add back "
                            + "only what it needs");
        }
    }

    /** runAsNonRoot and runAsUser, the container's value over the pod's. */
    private void runAsRoot(String name, Location at, Optional<MapNode> own) {
        Optional<Boolean> nonRoot = flag(own, "runAsNonRoot").or(() -> flag(pod, "runAsNonRoot"));
        Optional<MapNode> userLevel = own.filter(c -> c.has("runAsUser")).or(() -> pod.filter(p -> p.has("runAsUser")));
        Optional<Long> user = userLevel.flatMap(level -> level.text("runAsUser")).flatMap(ContainerSecurity::number);
        if (user.filter(id -> id == 0).isPresent()) {
            report(KubernetesSecurityRules.RUN_AS_ROOT, name + " runs as root (runAsUser: 0)" + (nonRoot.orElse(false)
                    ? " while runAsNonRoot is true: the kubelet refuses to start it" : ""),
                    userLevel.get().locationOf("runAsUser"), "set runAsUser to a non-zero ID (10001) and runAsNonRoot: "
                            + "true");
            return;
        }
        if (user.isPresent() || nonRoot.orElse(false) || userLevel.isPresent() || unknown(own, "runAsNonRoot")
                || unknown(pod, "runAsNonRoot")) {
            return;
        }
        Location where = flag(own, "runAsNonRoot").isPresent() ? own.get().locationOf("runAsNonRoot")
                : pod.filter(p -> p.has("runAsNonRoot")).map(p -> p.locationOf("runAsNonRoot")).orElse(at);
        report(KubernetesSecurityRules.RUN_AS_ROOT, name + (nonRoot.isPresent() ? " sets runAsNonRoot: false"
                        : " sets neither runAsNonRoot: true nor a non-zero runAsUser (nor does its pod)")
                        + ": it runs as the image's user, root unless the image says otherwise", where,
                "set runAsNonRoot: true and runAsUser: 10001 in the pod's securityContext");
    }

    private void addedCapabilities(String name, Optional<MapNode> own) {
        own.flatMap(c -> c.map("capabilities")).flatMap(c -> c.list("add")).ifPresent(added -> {
            for (Node item : added.items()) {
                if (item instanceof ScalarNode scalar && !BASELINE_CAPABILITIES.contains(capability(scalar.text()))) {
                    report(KubernetesSecurityRules.DANGEROUS_CAPABILITY, name + " adds capability " + scalar.text()
                                    + ", outside the Pod Security Standards baseline", scalar.location(),
                            "drop it; if the service truly needs it, isolate the workload and suppress with a reason");
                }
            }
        });
    }

    private void escalation(String name, Location where, String what) {
        report(KubernetesSecurityRules.PRIVILEGE_ESCALATION, name + " " + what + ": a setuid binary can gain root",
                where, "set securityContext.allowPrivilegeEscalation: false on the container");
    }

    /** " (the pod-level readOnlyRootFilesystem is ignored: ...)" when the field is written at the wrong level. */
    private String ignoredAtPodLevel(String field) {
        return pod.filter(p -> p.has(field)).isPresent() ? "; the pod-level " + field + " is ignored: Kubernetes "
                + "reads it only from each container's securityContext" : "";
    }

    /** Where a field is written in the container's securityContext, else the container's name. */
    private static Location explicit(Optional<MapNode> own, String field, Location fallback) {
        return own.filter(c -> c.has(field)).map(c -> c.locationOf(field)).orElse(fallback);
    }

    /** A boolean field as written: empty when absent or not a boolean. */
    private static Optional<Boolean> flag(Optional<MapNode> level, String field) {
        return level.flatMap(map -> map.get(field)).flatMap(node -> node instanceof ScalarNode scalar
                ? scalar.asBoolean().or(() -> switch (scalar.text().strip()) {
                    case "true" -> Optional.of(true);
                    case "false" -> Optional.of(false);
                    default -> Optional.empty();
                }) : Optional.empty());
    }

    /** A field written with a value no check can read (a Helm template, say): the checks on it stay silent. */
    private static boolean unknown(Optional<MapNode> level, String field) {
        return level.filter(map -> map.has(field)).isPresent() && flag(level, field).isEmpty();
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static List<String> names(ListNode list) {
        return list.items().stream().filter(ScalarNode.class::isInstance).map(item -> capability(((ScalarNode) item)
                .text())).toList();
    }

    private static String capability(String written) {
        String name = written.strip().toUpperCase(Locale.ROOT);
        return name.startsWith("CAP_") ? name.substring(4) : name;
    }

    private void report(AuditRule rule, String message, Location where, String fix) {
        context.report(new Finding(rule.id(), rule.severity(), workload.label() + " " + message, where, fix));
    }
}
