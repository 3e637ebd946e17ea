package io.relia.slo;

import io.relia.core.Location;
import io.relia.core.Problems;
import io.relia.core.review.InputDiscovery;
import io.relia.core.review.InputKind;
import io.relia.core.review.InputReading;
import io.relia.core.spec.LoadResult;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.SpecDocument;
import io.relia.core.spec.SpecLoader;
import io.relia.core.Problem;
import io.relia.slo.nativespec.NativeSloReader;
import io.relia.slo.openslo.OpenSloReader;
import io.relia.slo.pyrra.PyrraReader;
import io.relia.slo.sloth.AlertWindowsReader;
import io.relia.slo.sloth.SlothReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads SLO spec files of every supported format, detected by content, document by document: native
 * ({@code service} + {@code slos}), Sloth ({@code version: prometheus/v1} or {@code sloth.slok.dev/v1}),
 * OpenSLO ({@code apiVersion: openslo/v1} or {@code openslo/v1alpha}, one object per document or a list of them) and
 * Pyrra ({@code pyrra.dev/v1alpha1 ServiceLevelObjective}).
 */
public final class SloSpecs {

    /** The published schema of the native format ({@code schemas/slo.schema.json}), checked before reading. */
    private static final io.relia.core.spec.SpecSchema NATIVE_SCHEMA = io.relia.core.spec.SpecSchema.named("slo");

    private SloSpecs() {
    }

    public static SloFile load(Path path) {
        LoadResult loaded = SpecLoader.load(path);
        Problems problems = new Problems();
        problems.addAll(loaded.problems());
        if (loaded.file().isEmpty() || loaded.hasErrors()) {
            return new SloFile(path, List.of(), List.of(), problems.sorted());
        }
        return read(path, loaded.file().get().documents(), problems, true, List.of());
    }

    /**
     * Loads every file, OpenSLO references ({@code indicatorRef}, {@code alertPolicyRef}, ...) resolved across
     * them: the OpenSLO SDK keeps each kind of object in its own file.
     */
    public static List<SloFile> loadAll(List<Path> paths) {
        List<LoadResult> loaded = paths.stream().map(SpecLoader::load).toList();
        List<List<Node>> openSlo = loaded.stream().map(result -> result.file().filter(file -> !result.hasErrors())
                .map(file -> file.documents().stream().map(SpecDocument::root).filter(OpenSloReader::accepts)
                        .toList()).orElse(List.of())).toList();
        List<SloFile> files = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Problems problems = new Problems();
            problems.addAll(loaded.get(i).problems());
            if (loaded.get(i).file().isEmpty() || loaded.get(i).hasErrors()) {
                files.add(new SloFile(paths.get(i), List.of(), List.of(), problems.sorted()));
                continue;
            }
            List<Node> others = new ArrayList<>();
            for (int j = 0; j < paths.size(); j++) {
                if (j != i) {
                    others.addAll(openSlo.get(j));
                }
            }
            files.add(read(paths.get(i), loaded.get(i).file().get().documents(), problems, true, others));
        }
        return files;
    }

    /**
     * Reads the SLO documents among {@code documents} (others are left to their own readers): for a file that
     * also holds Kubernetes objects or rule groups.
     */
    public static SloFile read(Path path, List<SpecDocument> documents) {
        return read(path, documents, new Problems(), false, List.of());
    }

    /** An SLO in a format Relia names and does not read (slo-generator, Nobl9), said in one line. */
    private static java.util.Optional<InputReading> foreignSlo(Path path, SpecDocument document) {
        return InputDiscovery.kindOf(path, document.root()).filter(InputKind::isForeignSlo)
                .map(kind -> InputReading.of(kind, List.of(document), false));
    }

    /** {@code : it is a Chaos Mesh PodChaos (chaos-mesh.org/v1alpha1)} for a document of a kind Relia knows. */
    private static String otherKind(Path path, SpecDocument document) {
        return InputDiscovery.kindOf(path, document.root())
                .map(kind -> ": it is " + InputReading.of(kind, List.of(document), false).label()).orElse("");
    }

    private static SloFile read(Path path, List<SpecDocument> documents, Problems problems, boolean onlySlos,
                                List<Node> otherOpenSlo) {
        List<Slo> slos = new ArrayList<>();
        Set<String> formats = new LinkedHashSet<>();
        List<Node> openSlo = new ArrayList<>();
        List<SloResource> resources = new ArrayList<>();
        List<AlertWindowsReader.PeriodWindows> alertWindows = new ArrayList<>();
        for (SpecDocument document : documents) {
            Node root = document.root();
            if (!(root instanceof MapNode map)) {
                if (OpenSloReader.accepts(root)) {
                    formats.add("openslo");
                    openSlo.add(root);
                } else if (onlySlos) {
                    problems.error(root.location(), "the document is " + root.describe(), "an SLO spec (a mapping)",
                            "");
                }
                continue;
            }
            if (AlertWindowsReader.accepts(map)) {
                formats.add("sloth-alert-windows");
                AlertWindowsReader.read(map, problems).ifPresent(alertWindows::add);
            } else if (SlothReader.accepts(map)) {
                formats.add("sloth");
                List<Slo> read = SlothReader.read(map, problems);
                slos.addAll(read);
                if (map.has("apiVersion")) {
                    SloResource.of(map, read).ifPresent(resources::add);
                }
            } else if (PyrraReader.accepts(map)) {
                formats.add("pyrra");
                List<Slo> read = PyrraReader.read(map, problems);
                slos.addAll(read);
                SloResource.of(map, read).ifPresent(resources::add);
            } else if (OpenSloReader.accepts(map)) {
                formats.add("openslo");
                openSlo.add(map);
            } else if (NativeSloReader.accepts(map)) {
                formats.add("native");
                List<Problem> structure = NATIVE_SCHEMA.validate(map);
                problems.addAll(structure);
                if (structure.stream().noneMatch(Problem::isError)) {
                    slos.addAll(NativeSloReader.read(map, problems));
                }
            } else if (onlySlos && foreignSlo(path, document).isPresent()) {
                problems.error(map.location(), foreignSlo(path, document).get().line(), "an SLO spec Relia reads: "
                        + "native, Sloth, OpenSLO or Pyrra", "");
            } else if (onlySlos) {
                problems.error(map.location(), "not an SLO spec" + otherKind(path, document),
                        "a native spec (service, slos), a Sloth spec "
                        + "(version: prometheus/v1), an OpenSLO document (apiVersion: openslo/v1) or a Pyrra "
                        + "ServiceLevelObjective (apiVersion: pyrra.dev/v1alpha1)",
                        "see docs/slo.md for the formats");
            }
        }
        if (!openSlo.isEmpty()) {
            slos.addAll(OpenSloReader.read(openSlo, otherOpenSlo, problems));
        }
        slos.sort(java.util.Comparator.comparing(Slo::location));
        SloChecks.check(slos, problems);
        // An OpenSLO file of Services, DataSources or alert objects is valid: the OpenSLO reader says what it holds.
        if (slos.isEmpty() && !problems.hasErrors() && !documents.isEmpty() && openSlo.isEmpty()
                && alertWindows.isEmpty()) {
            problems.error(new Location(path.toString(), 1, 1), "the file defines no SLO",
                    "at least one SLO (an SLO document, or an entry under slos)", "");
        }
        return new SloFile(path, List.copyOf(formats), slos, problems.sorted(), resources);
    }
}
