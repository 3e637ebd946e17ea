package io.relia.core.review;

import io.relia.core.Finding;
import io.relia.core.Problem;
import io.relia.core.spec.MapNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything found in a service directory: the inputs by kind, the service config ({@code relia.yaml}) if any,
 * and the problems met while reading.
 *
 * @param root          the service directory as the user named it
 * @param inputs        recognised inputs, sorted by path
 * @param problems      problems of inputs that could not be read
 * @param filesScanned  files looked at (after exclusions)
 * @param excluded      the exclusion globs in force
 * @param skipped       folders left out by name (build output, dependencies, version control), with their file counts
 */
public record ServiceInventory(Path root, List<DiscoveredInput> inputs, List<Problem> problems, int filesScanned,
                               List<String> excluded, List<SkippedFolder> skipped) {

    public ServiceInventory {
        inputs = List.copyOf(inputs);
        problems = problems.stream().sorted().toList();
        excluded = List.copyOf(excluded);
        skipped = List.copyOf(skipped);
    }

    /** An inventory of a walk that skipped no folder by name. */
    public ServiceInventory(Path root, List<DiscoveredInput> inputs, List<Problem> problems, int filesScanned,
                            List<String> excluded) {
        this(root, inputs, problems, filesScanned, excluded, List.of());
    }

    /**
     * {@code skipped dist/ (112 files, build output); --include dist reads it}, or empty when no folder with files
     * was skipped. Editor settings folders are left out of the note: they never hold inputs.
     */
    public java.util.Optional<String> skippedNote() {
        return SkippedFolder.note(skipped, "reads");
    }

    public List<DiscoveredInput> ofKind(InputKind kind) {
        return inputs.stream().filter(input -> input.kind() == kind).toList();
    }

    /**
     * The finding for an input error: {@code input/invalid} High, or Low when the problem's file is an unreadable
     * one of no kind Relia reads by its keys or its path ({@link Finding#inputInvalidOfNoKnownKind}).
     */
    public Finding inputFinding(Problem problem) {
        Path file = Path.of(problem.location().file()).normalize();
        List<DiscoveredInput> same = inputs.stream().filter(input -> input.path().equals(file)).toList();
        boolean noKnownKind = !same.isEmpty() && same.stream().allMatch(input -> input.judgedAs().isEmpty());
        return noKnownKind ? Finding.inputInvalidOfNoKnownKind(problem) : Finding.inputInvalid(problem);
    }

    /** The root mapping of {@code relia.yaml}, when the directory has one that parses. */
    public Optional<MapNode> serviceConfig() {
        return ofKind(InputKind.SERVICE_CONFIG).stream()
                .flatMap(input -> input.documents().stream())
                .map(document -> document.root() instanceof MapNode map ? map : null)
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /** The service's name: relia.yaml's {@code service}, else the directory's name. */
    public String serviceName() {
        return serviceConfig().flatMap(config -> config.text("service"))
                .orElseGet(() -> {
                    Path name = root.toAbsolutePath().normalize().getFileName();
                    return name == null ? "service" : name.toString();
                });
    }
}
