package io.relia.slo;

import io.relia.core.Problem;

import java.nio.file.Path;
import java.util.List;

/**
 * The SLOs of one spec file and every problem found reading it.
 *
 * @param path     the file
 * @param formats  the formats found in it ({@code relia/v1}, {@code prometheus/v1}, {@code openslo/v1})
 * @param slos     the valid SLOs
 * @param problems  errors and warnings, sorted
 * @param resources the Kubernetes resources (Sloth PrometheusServiceLevel, Pyrra ServiceLevelObjective) SLOs were
 *                  read from, with the IDs of their SLOs
 */
public record SloFile(Path path, List<String> formats, List<Slo> slos, List<Problem> problems,
                      List<SloResource> resources) {

    public SloFile {
        formats = List.copyOf(formats);
        slos = List.copyOf(slos);
        problems = problems.stream().sorted().toList();
        resources = List.copyOf(resources);
    }

    /** A file read from no Kubernetes resource. */
    public SloFile(Path path, List<String> formats, List<Slo> slos, List<Problem> problems) {
        this(path, formats, slos, problems, List.of());
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
