package io.relia.slo.openslo;

import io.relia.core.Problem;
import io.relia.core.Problems;
import io.relia.core.spec.LoadResult;
import io.relia.core.spec.Node;
import io.relia.core.spec.SpecDocument;
import io.relia.core.spec.SpecLoader;
import io.relia.slo.Slo;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads OpenSLO YAML text as the file {@code slo.yaml}, keeping what the reader reported. */
final class OpenSloText {

    final Problems problems = new Problems();

    List<Slo> read(String yaml) {
        LoadResult loaded = SpecLoader.parse(Path.of("slo.yaml"), yaml);
        assertThat(loaded.problems()).isEmpty();
        List<Node> roots = loaded.file().orElseThrow().documents().stream().map(SpecDocument::root).toList();
        return OpenSloReader.read(roots, problems);
    }

    /** The errors reported, formatted and sorted. */
    List<String> errors() {
        return problems.sorted().stream().filter(Problem::isError).map(Problem::format).toList();
    }
}
