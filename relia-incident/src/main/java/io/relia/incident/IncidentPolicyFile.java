package io.relia.incident;

import io.relia.core.InputException;
import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.SpecLoader;
import io.relia.core.spec.SpecSchema;
import io.relia.core.value.Durations;
import io.relia.core.value.Parsed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads an incident policy file ({@code schemas/incident-policy.schema.json}); problems are located. */
public final class IncidentPolicyFile {

    private IncidentPolicyFile() {
    }

    /** The policy in {@code file}, or an {@link InputException} with every problem found. */
    public static IncidentPolicy load(Path file) {
        Problems problems = new Problems();
        Optional<Node> document = SpecLoader.load(file).onlyDocument("incident policy", problems);
        if (document.isPresent()) {
            problems.addAll(SpecSchema.named("incident-policy").validate(document.get()));
        }
        if (problems.hasErrors() || document.isEmpty() || !(document.get() instanceof MapNode root)) {
            throw new InputException(problems.sorted());
        }
        Fields fields = new Fields(root, problems, "");
        Map<IncidentSeverity, Duration> targets = new EnumMap<>(IncidentSeverity.class);
        fields.child("response_targets").ifPresent(section -> {
            for (IncidentSeverity severity : IncidentSeverity.values()) {
                duration(section, severity.name(), problems).ifPresent(target -> targets.put(severity, target));
            }
        });
        Duration within = IncidentPolicy.DEFAULT.postmortemWithin();
        Set<IncidentSeverity> required = EnumSet.copyOf(IncidentPolicy.DEFAULT.postmortemRequired());
        Optional<Fields> postmortem = fields.child("postmortem");
        if (postmortem.isPresent()) {
            within = duration(postmortem.get(), "within", problems).orElse(within);
            Optional<Node> list = postmortem.get().map().get("required_for");
            if (list.isPresent()) {
                required = EnumSet.noneOf(IncidentSeverity.class);
                for (String name : postmortem.get().map().list("required_for").orElseThrow().items().stream()
                        .map(item -> ((ScalarNode) item).text()).toList()) {
                    required.add(IncidentSeverity.valueOf(name));
                }
            }
        }
        if (problems.hasErrors()) {
            throw new InputException(problems.sorted());
        }
        return new IncidentPolicy(targets, within, required);
    }

    private static Optional<Duration> duration(Fields fields, String key, Problems problems) {
        return fields.map().get(key).flatMap(node -> {
            String text = node instanceof ScalarNode scalar ? scalar.text() : "";
            Parsed<Duration> parsed = Durations.parse(text);
            parsed.orReport(problems, node.location());
            Optional<Duration> value = parsed.asOptional();
            if (value.isPresent() && !value.get().isPositive()) {
                problems.error(node.location(), key + " must be positive", "a duration such as 15m", "");
                return Optional.empty();
            }
            return value;
        });
    }
}
