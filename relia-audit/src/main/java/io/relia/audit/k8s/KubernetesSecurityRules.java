package io.relia.audit.k8s;

import io.relia.audit.AuditRule;
import io.relia.audit.AuditRule.Precision;
import io.relia.core.Severity;

import java.util.List;

/**
 * The Kubernetes security rules of the audit catalogue: the securityContext a container runs with, secrets written
 * into manifests, and network isolation. Names, defaults and severities follow kube-linter, Polaris and kube-score
 * (each rule's {@code why} names its peers) and the Pod Security Standards (baseline and restricted profiles).
 */
final class KubernetesSecurityRules {

    static final AuditRule RUN_AS_ROOT = new AuditRule("k8s/run-as-root", "Container may run as root",
            Severity.MEDIUM,
            "A container whose effective securityContext (the container's, else the pod's: runAsNonRoot and "
                    + "runAsUser are inherited and a container value overrides the pod's) neither sets runAsNonRoot: "
                    + "true nor a non-zero runAsUser, or sets runAsUser: 0. runAsUser: 0 with runAsNonRoot: true is "
                    + "reported too: the kubelet refuses to start that container. Init containers are not checked, nor "
                    + "containers without an image (kustomize or kubeadm patches).",
            "Without it the container runs as the image's user, which is root unless the image says otherwise: a "
                    + "bug or a compromised dependency then has root in the container and one kernel bug away from "
                    + "the node. kube-linter run-as-non-root (default), Polaris runAsRootAllowed (warning), "
                    + "kube-score container-security-context-user-group-id, Pod Security Standards restricted.",
            "spec:\n  containers:\n    - name: api\n      image: api:1.4.2",
            "spec:\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 10001\n  containers:\n"
                    + "    - name: api\n      image: api:1.4.2",
            Precision.HIGH, List.of("kubernetes", "security", "security-context"));

    static final AuditRule WRITABLE_ROOT_FILESYSTEM = new AuditRule("k8s/writable-root-filesystem",
            "Writable root filesystem", Severity.LOW,
            "A container whose securityContext does not set readOnlyRootFilesystem: true. Kubernetes reads this "
                    + "field only per container: written in the pod's securityContext it is ignored, and the finding "
                    + "says so. Init containers are not checked, nor containers without an image (patches).",
            "A writable root filesystem lets an attacker (or a bug) drop binaries and change the image's files at "
                    + "run time, and lets logs or caches fill the node's disk unseen; mount an emptyDir where the "
                    + "process must write. kube-linter no-read-only-root-fs (default), Polaris "
                    + "notReadOnlyRootFilesystem (warning), kube-score "
                    + "container-security-context-readonlyrootfilesystem.",
            "    - name: api\n      image: api:1.4.2",
            "    - name: api\n      image: api:1.4.2\n      securityContext:\n        readOnlyRootFilesystem: true\n"
                    + "      volumeMounts: [{name: tmp, mountPath: /tmp}]",
            Precision.HIGH, List.of("kubernetes", "security", "security-context"));

    static final AuditRule PRIVILEGED = new AuditRule("k8s/privileged-container", "Privileged container",
            Severity.HIGH,
            "A container or init container with securityContext.privileged: true (containers without an image, "
                    + "which are patches, are not checked).",
            "A privileged container has every capability and the host's devices: root in it is root on the node, "
                    + "and so on every pod the node runs. kube-linter privileged-container (default), Polaris "
                    + "runAsPrivileged (danger), kube-score container-security-context-privileged, Pod Security "
                    + "Standards baseline.",
            "      securityContext:\n        privileged: true",
            "      securityContext:\n        privileged: false\n        capabilities: {drop: [ALL]}",
            Precision.VERY_HIGH, List.of("kubernetes", "security", "security-context"));

    static final AuditRule PRIVILEGE_ESCALATION = new AuditRule("k8s/privilege-escalation-allowed",
            "Privilege escalation allowed", Severity.MEDIUM,
            "A container whose securityContext does not set allowPrivilegeEscalation: false (unset means allowed), "
                    + "or an init container that sets it to true. The field exists only per container: in the pod's "
                    + "securityContext it is ignored. Containers without an image (patches) are not checked.",
            "While it is allowed the kernel's no_new_privs flag is off, so a setuid binary in the image (su, "
                    + "ping, a package's helper) can turn a non-root process into root. Polaris "
                    + "privilegeEscalationAllowed (danger), kube-linter privilege-escalation-container (default, "
                    + "explicit true), Pod Security Standards restricted.",
            "    - name: api\n      securityContext:\n        runAsNonRoot: true",
            "    - name: api\n      securityContext:\n        runAsNonRoot: true\n"
                    + "        allowPrivilegeEscalation: false",
            Precision.HIGH, List.of("kubernetes", "security", "security-context"));

    static final AuditRule CAPABILITIES_NOT_DROPPED = new AuditRule("k8s/capabilities-not-dropped",
            "Capabilities not dropped", Severity.LOW,
            "A container whose securityContext.capabilities.drop does not include ALL. Capabilities exist only per "
                    + "container: in the pod's securityContext they are ignored. Init containers are not checked, nor "
                    + "containers without an image (patches).",
            "The runtime's default set (CHOWN, DAC_OVERRIDE, FOWNER, NET_RAW, SETUID, ...) lets a compromised "
                    + "process forge packets on the node's network and bypass file permissions; almost no service "
                    + "needs any of them. Drop ALL and add back what the process needs (NET_BIND_SERVICE for a port "
                    + "below 1024). Polaris insecureCapabilities (warning), kube-linter drop-net-raw-capability "
                    + "(default), Pod Security Standards restricted.",
            "      securityContext:\n        runAsNonRoot: true",
            "      securityContext:\n        runAsNonRoot: true\n        capabilities:\n          drop: [ALL]",
            Precision.HIGH, List.of("kubernetes", "security", "security-context"));

    static final AuditRule DANGEROUS_CAPABILITY = new AuditRule("k8s/dangerous-capability",
            "Dangerous capability added", Severity.HIGH,
            "A container or init container that adds a capability outside the Pod Security Standards baseline "
                    + "(AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, "
                    + "SETGID, SETPCAP, SETUID, SYS_CHROOT): ALL, SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE, "
                    + "NET_RAW, BPF and the like. A CAP_ prefix is read as written without it.",
            "SYS_ADMIN is close to privileged, NET_ADMIN rewrites the node's routing and firewall, SYS_PTRACE reads "
                    + "other processes' memory, SYS_MODULE loads kernel code: each turns a bug in the service into "
                    + "control of the node. Polaris dangerousCapabilities (danger: ALL, SYS_ADMIN, NET_ADMIN), "
                    + "kube-linter verify-container-capabilities, Pod Security Standards baseline.",
            "      securityContext:\n        capabilities:\n          add: [SYS_ADMIN]",
            "      securityContext:\n        capabilities:\n          drop: [ALL]\n          add: [NET_BIND_SERVICE]",
            Precision.VERY_HIGH, List.of("kubernetes", "security", "security-context"));

    static final AuditRule SECRET_IN_MANIFEST = new AuditRule("k8s/secret-in-manifest",
            "Secret written into a workload manifest", Severity.HIGH,
            "A container (or init container) env variable whose name says it holds a secret (PASSWORD, TOKEN, "
                    + "SECRET, API_KEY, CREDENTIALS, PRIVATE_KEY; not SECRET_NAME, TOKEN_URL, PASSWORD_FILE) with a "
                    + "literal value (not $(VAR), ${VAR}, a template or an upper-case placeholder such as "
                    + "YOUR_API_KEY), any env value holding a PEM private key or "
                    + "a URL with a password (postgres://app:s3cret@db), and command-line arguments such as "
                    + "--db-password=s3cret.",
            "A literal secret in a manifest is in the repository's history for ever, in every clone and CI log, "
                    + "and cannot be rotated without a commit; read it from a Secret (valueFrom.secretKeyRef) or a "
                    + "secret store. kube-linter env-var-secret (default), Polaris sensitiveContainerEnvVar (danger).",
            "        env:\n          - name: DB_PASSWORD\n            value: hunter2",
            "        env:\n          - name: DB_PASSWORD\n            valueFrom:\n              secretKeyRef: "
                    + "{name: checkout-db, key: password}",
            Precision.HIGH, List.of("kubernetes", "security", "secrets"));

    static final AuditRule SECRET_IN_CONFIGMAP = new AuditRule("k8s/secret-in-configmap", "Secret in a ConfigMap",
            Severity.HIGH,
            "A ConfigMap whose data holds a secret: a key named like one (db.password, API_KEY) with a literal "
                    + "value, a config file in it (application.properties, an .ini, YAML or JSON) that sets such a "
                    + "key literally, a PEM private key, or a URL with a password. One finding per data key, naming "
                    + "the secret keys found in it.",
            "ConfigMaps are not secret: any pod of the namespace can mount them, RBAC often grants read on them "
                    + "broadly, they are never encrypted at rest, and kubectl describe prints them; the manifest in "
                    + "the repository keeps the value for ever. Polaris sensitiveConfigmapContent (danger).",
            "kind: ConfigMap\ndata:\n  application.properties: |\n    spring.datasource.password=s3cret",
            "kind: ConfigMap\ndata:\n  application.properties: |\n"
                    + "    spring.datasource.password=${DB_PASSWORD}   # from a Secret mounted as env",
            Precision.HIGH, List.of("kubernetes", "security", "secrets"));

    static final AuditRule NO_NETWORK_POLICY = new AuditRule("k8s/no-network-policy", "No network policy",
            Severity.MEDIUM,
            "A workload (not a Job or CronJob, not on the host network, not a patch whose containers name no "
                    + "image) whose pods no NetworkPolicy of its namespace limits ingress to: none selects them "
                    + "(podSelector matchLabels and matchExpressions; {} selects every pod of the namespace), or the "
                    + "ones that do list only Egress in policyTypes. A CiliumNetworkPolicy with ingress rules counts; "
                    + "Calico's own policies are not read.",
            "Kubernetes lets every pod reach every other by default: one compromised or misconfigured pod anywhere "
                    + "in the cluster can call the service's internal endpoints (admin, metrics, debug) and its "
                    + "database port. kube-score pod-networkpolicy, kube-linter non-isolated-pod, Polaris "
                    + "missingNetworkPolicy.",
            "kind: Deployment\nmetadata: {name: api, namespace: shop}",
            "kind: NetworkPolicy\nmetadata: {name: api, namespace: shop}\nspec:\n  podSelector: {matchLabels: {app: "
                    + "api}}\n  ingress:\n    - from: [{podSelector: {matchLabels: {app: checkout}}}]",
            Precision.HIGH, List.of("kubernetes", "security", "network"));

    static final List<AuditRule> ALL = List.of(RUN_AS_ROOT, WRITABLE_ROOT_FILESYSTEM, PRIVILEGED, PRIVILEGE_ESCALATION,
            CAPABILITIES_NOT_DROPPED, DANGEROUS_CAPABILITY, SECRET_IN_MANIFEST, SECRET_IN_CONFIGMAP, NO_NETWORK_POLICY);

    private KubernetesSecurityRules() {
    }
}
