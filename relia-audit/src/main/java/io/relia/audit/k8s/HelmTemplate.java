package io.relia.audit.k8s;

import io.relia.audit.AuditContext;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.process.CommandRunner;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.SpecLoader;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders a Helm chart with the real {@code helm template RELEASE CHARTDIR} (the chart's default values, no
 * cluster, no repository: a chart whose dependencies are not vendored in {@code charts/} fails, it is not fetched),
 * bounded by a timeout. When helm is not installed a chart is not audited, and a warning names it: its templates
 * are Go templates, which no YAML reader can judge.
 */
final class HelmTemplate {

    static final long TIMEOUT_SECONDS = 60;

    private final Optional<Path> executable;

    private HelmTemplate(Optional<Path> executable) {
        this.executable = executable;
    }

    /** helm from the PATH, when installed. */
    static HelmTemplate onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return new HelmTemplate(Optional.empty());
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "helm");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return new HelmTemplate(Optional.of(candidate));
                }
            }
        }
        return new HelmTemplate(Optional.empty());
    }

    /** This helm executable, or none (tests). */
    static HelmTemplate at(Optional<Path> executable) {
        return new HelmTemplate(executable);
    }

    /** Renders every chart of the audit; their problems (helm missing or failing) go to the audit's problems. */
    List<RenderedChart> renderAll(AuditContext context) {
        List<RenderedChart> charts = context.inventory().ofKind(InputKind.HELM_CHART).stream().map(this::render)
                .toList();
        charts.forEach(chart -> chart.problems().forEach(context::problem));
        return charts;
    }

    /**
     * The chart's rendered manifests, or a problem: a warning when helm is not installed, an error when it fails on
     * the chart (which was then not audited, so the audit must not pass on it).
     */
    RenderedChart render(DiscoveredInput chart) {
        Path chartFile = chart.path();
        Path directory = chartFile.toAbsolutePath().normalize().getParent();
        String name = chart.documents().stream().map(document -> document.root())
                .flatMap(root -> root instanceof MapNode map ? map.text("name").stream() : Stream.empty())
                .findFirst().orElse(String.valueOf(directory.getFileName()));
        Location at = Location.wholeFile(chartFile);
        if (executable.isEmpty()) {
            return RenderedChart.failed(Problem.warning(at, "Helm chart " + name + " (" + chartFile.getParent()
                    + ") was not audited: helm is not installed", "", "install helm to audit it: relia renders "
                    + "the chart with helm template and its default values"));
        }
        try {
            String output = run(List.of(executable.get().toString(), "template", releaseName(name),
                    directory.toString()));
            return RenderedChart.of(chartFile.getParent(), output);
        } catch (IOException failed) {
            return RenderedChart.failed(Problem.error(at, "helm template failed on chart " + name + ": "
                    + failed.getMessage(), "", "run helm template " + chartFile.getParent()
                    + " to see why; vendor the chart's dependencies (helm dependency build)"));
        }
    }

    /** helm's standard output; throws with its first error line when it fails, or when it overruns. */
    private static String run(List<String> command) throws IOException {
        Path output = Files.createTempFile("relia-helm", ".yaml");
        Path errors = Files.createTempFile("relia-helm", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                    .redirectError(errors.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                            CommandRunner.nullDevice())).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("it did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                String error = Files.readString(errors, StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank())
                        .findFirst().orElse("no message");
                throw new IOException("exit " + process.exitValue() + ": " + error);
            }
            if (Files.size(output) > SpecLoader.MAX_BYTES) {
                throw new IOException("its output is larger than " + SpecLoader.MAX_BYTES + " bytes");
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for helm", interrupted);
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    /** A release name helm accepts (lower-case DNS label, at most 53 characters) from the chart's name. */
    static String releaseName(String chart) {
        String name = chart.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-")
                .replaceAll("^-+|-+$", "");
        name = name.isEmpty() ? "release" : name;
        return name.length() > 53 ? name.substring(0, 53).replaceAll("-+$", "") : name;
    }
}
