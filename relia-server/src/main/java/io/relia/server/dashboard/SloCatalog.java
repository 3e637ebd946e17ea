package io.relia.server.dashboard;

import io.relia.core.Problem;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputDiscovery;
import io.relia.core.spec.SpecDocument;
import io.relia.slo.Slo;
import io.relia.slo.SloDuplicates;
import io.relia.slo.SloFile;
import io.relia.slo.SloSpecs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SLOs the dashboard shows, read once at start from {@code --slo} files and directories. A named file must be an
 * SLO spec (its problems are reported); a directory contributes the SLO documents found in it by content, as
 * {@code relia review} finds them, so runbooks and manifests beside them are no error.
 *
 * @param slos     every valid SLO, in the order of the files
 * @param problems errors and warnings of the files, sorted (notes on how SLIs were read left out), and warnings for
 *                 an SLO written in several formats or an alert name two SLOs share
 */
record SloCatalog(List<Slo> slos, List<Problem> problems) {

    SloCatalog {
        slos = List.copyOf(slos);
        problems = problems.stream().sorted().toList();
    }

    static SloCatalog load(List<Path> paths) {
        List<Slo> slos = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path path : paths) {
            for (SloFile file : Files.isDirectory(path) ? discover(path) : List.of(SloSpecs.load(path))) {
                slos.addAll(file.slos());
                // Notes say how an SLI was read (relia slo validate shows them): not a problem of the dashboard.
                file.problems().stream().filter(problem -> !problem.isNote()).forEach(problems::add);
            }
        }
        // One SLO written in several formats, or one alert name for two SLOs: said as slo validate says it.
        problems.addAll(SloDuplicates.of(slos).problems());
        return new SloCatalog(slos, problems);
    }

    private static List<SloFile> discover(Path directory) {
        Map<Path, List<SpecDocument>> documents = new LinkedHashMap<>();
        for (DiscoveredInput input : InputDiscovery.scan(directory).inputs()) {
            if (input.kind().isSlo()) {
                documents.computeIfAbsent(input.path(), ignored -> new ArrayList<>()).addAll(input.documents());
            }
        }
        List<SloFile> files = new ArrayList<>();
        documents.forEach((file, docs) -> files.add(SloSpecs.read(file, docs)));
        return files;
    }
}
