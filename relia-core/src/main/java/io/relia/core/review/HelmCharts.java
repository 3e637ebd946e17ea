package io.relia.core.review;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Helm charts among a directory's files: a folder with a {@code Chart.yaml}. Its {@code templates/} hold Go
 * templates that are YAML only once helm renders them, and its {@code charts/} hold subcharts it renders with it;
 * neither is read as YAML (a {@code {{- if }}} line is no YAML error of the service's).
 */
final class HelmCharts {

    static final String CHART_FILE = "Chart.yaml";

    private final Set<Path> charts;

    private HelmCharts(Set<Path> charts) {
        this.charts = charts;
    }

    static HelmCharts among(List<Path> files) {
        return new HelmCharts(files.stream().map(Path::normalize)
                .filter(file -> String.valueOf(file.getFileName()).equals(CHART_FILE) && file.getParent() != null)
                .map(Path::getParent).collect(Collectors.toUnmodifiableSet()));
    }

    /** True for the Chart.yaml of a chart that is not a subchart of another one in the tree. */
    boolean isChart(Path file) {
        Path normalized = file.normalize();
        return String.valueOf(normalized.getFileName()).equals(CHART_FILE) && normalized.getParent() != null
                && !rendersFrom(normalized.getParent());
    }

    /** True for a file (or folder) inside a chart's templates/ or charts/, which helm renders. */
    boolean rendersFrom(Path file) {
        Path normalized = file.normalize();
        for (Path chart : charts) {
            if (normalized.startsWith(chart.resolve("templates")) || normalized.startsWith(chart.resolve("charts"))) {
                return true;
            }
        }
        return false;
    }
}
