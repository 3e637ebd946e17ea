package io.relia.audit.k8s;

import io.relia.audit.AuditContext;
import io.relia.audit.AuditRule;
import io.relia.audit.secret.SecretLiterals;
import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Secrets written as literals into manifests: container env and arguments, and ConfigMap data. */
final class ManifestSecrets {

    /** {@code --db-password=s3cret} or {@code -Dapi.key=abc}: a flag with its value in one argument. */
    private static final Pattern FLAG = Pattern.compile("^-{1,2}(?:D)?([A-Za-z0-9_.-]+)=(.+)$");
    /** A {@code key = value} or {@code key: value} line of a config file kept in a ConfigMap (quotes allowed). */
    private static final Pattern SETTING = Pattern.compile("^\\s*[\"']?([A-Za-z0-9_.\\-\\[\\]]+)[\"']?\\s*[=:]\\s*"
            + "[\"']?([^\"'#,]*?)[\"']?\\s*,?\\s*$");

    private ManifestSecrets() {
    }

    /** Env values, env names and arguments of every container and init container of the workload. */
    static void workload(Workload workload, AuditContext context) {
        List<MapNode> containers = new ArrayList<>(workload.containers());
        containers.addAll(workload.initContainers());
        for (MapNode container : containers) {
            String name = container.text("name").orElse("?");
            container.list("env").ifPresent(env -> env.items().forEach(item -> {
                if (item instanceof MapNode variable) {
                    variable(workload, name, variable, context);
                }
            }));
            for (String key : List.of("args", "command")) {
                container.list(key).ifPresent(list -> list.items().forEach(item -> {
                    if (item instanceof ScalarNode argument) {
                        argument(workload, name, argument, context);
                    }
                }));
            }
        }
    }

    private static void variable(Workload workload, String container, MapNode variable, AuditContext context) {
        String name = variable.text("name").orElse("");
        Optional<Node> value = variable.get("value");
        if (value.isEmpty() || !(value.get() instanceof ScalarNode scalar) || scalar.isNull()) {
            return;
        }
        String text = scalar.text();
        Optional<String> why = SecretLiterals.holdsPrivateKey(text) ? Optional.of("holds a private key")
                : SecretLiterals.credentialsInUrl(text).map(user -> "holds a URL with " + user + "'s password")
                .or(() -> SecretLiterals.namesSecret(name) && SecretLiterals.isLiteral(text)
                        ? Optional.of("sets it as a literal value") : Optional.empty());
        why.ifPresent(reason -> report(context, KubernetesSecurityRules.SECRET_IN_MANIFEST, workload.label()
                        + " container " + container + " env " + name + " " + reason, variable.locationOf("value"),
                "read it from a Secret (valueFrom.secretKeyRef) or a secret store, and rotate the value"));
    }

    private static void argument(Workload workload, String container, ScalarNode argument, AuditContext context) {
        Matcher flag = FLAG.matcher(argument.text().strip());
        boolean literal = flag.matches() && SecretLiterals.namesSecret(flag.group(1))
                && SecretLiterals.isLiteral(flag.group(2));
        if (literal || SecretLiterals.credentialsInUrl(argument.text()).isPresent()) {
            report(context, KubernetesSecurityRules.SECRET_IN_MANIFEST, workload.label() + " container " + container
                    + " passes a secret on its command line (" + (literal ? "--" + flag.group(1) : "a URL with a "
                    + "password") + ")", argument.location(), "pass a $(VAR) set from a Secret, or read the secret "
                    + "from a mounted file; command lines show in ps and in the pod's spec");
        }
    }

    /** The data of a ConfigMap: keys named like secrets, and config files in it that set such keys. */
    static void configMap(Manifest configMap, AuditContext context) {
        configMap.object().map("data").ifPresent(data -> data.entries().forEach((key, entry) -> {
            if (!(entry.value() instanceof ScalarNode scalar) || scalar.isNull()) {
                return;
            }
            String text = scalar.text();
            List<String> found = new ArrayList<>();
            if (SecretLiterals.holdsPrivateKey(text)) {
                found.add("a private key");
            }
            SecretLiterals.credentialsInUrl(text).ifPresent(user -> found.add("a URL with " + user + "'s password"));
            if (!text.contains("\n")) {
                if (found.isEmpty() && SecretLiterals.namesSecret(key) && SecretLiterals.isLiteral(text)) {
                    found.add("a literal value");
                }
            } else if (found.isEmpty()) {
                found.addAll(settings(text));
            }
            if (!found.isEmpty()) {
                report(context, KubernetesSecurityRules.SECRET_IN_CONFIGMAP, "ConfigMap/" + configMap.name()
                                + " key " + key + " holds " + String.join(", ", found), entry.key().location(),
                        "move it to a Secret (or a secret store) and reference it; rotate the value, as the "
                                + "repository keeps it");
            }
        }));
    }

    /** The secret-named keys a config file sets literally: {@code "spring.datasource.password (line 3)"}. */
    private static List<String> settings(String file) {
        List<String> found = new ArrayList<>();
        String[] lines = file.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.strip().startsWith("#") || line.strip().startsWith(";") || line.strip().startsWith("//")) {
                continue;
            }
            Matcher setting = SETTING.matcher(line);
            if (setting.matches() && SecretLiterals.namesSecret(setting.group(1))
                    && SecretLiterals.isLiteral(setting.group(2))) {
                found.add(setting.group(1) + " set literally (line " + (i + 1) + " of the file)");
            }
        }
        return found;
    }

    private static void report(AuditContext context, AuditRule rule, String message, Location where, String fix) {
        context.report(new Finding(rule.id(), rule.severity(), message, where, fix));
    }
}
