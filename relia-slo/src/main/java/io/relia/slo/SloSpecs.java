package io.relia.slo;

import io.relia.core.Location;
import io.relia.core.Problems;
import io.relia.core.spec.LoadResult;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.SpecDocument;
import io.relia.core.spec.SpecLoader;
import io.relia.slo.nativespec.NativeSloReader;
import io.relia.slo.sloth.SlothReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads SLO spec files of every supported format, detected by content, document by document: native
 * ({@code service} + {@code slos}), Sloth ({@code version: prometheus/v1} or {@code sloth.slok.dev/v1}) and
 * OpenSLO ({@code apiVersion: openslo/v1}).
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
        List<Slo> slos = new ArrayList<>();
        Set<String> formats = new LinkedHashSet<>();
        List<MapNode> openSlo = new ArrayList<>();
        for (SpecDocument document : loaded.file().get().documents()) {
            Node root = document.root();
            if (!(root instanceof MapNode map)) {
                problems.error(root.location(), "the document is " + root.describe(), "an SLO spec (a mapping)", "");
                continue;
            }
            if (SlothReader.accepts(map)) {
                formats.add("sloth");
                slos.addAll(SlothReader.read(map, problems));
            } else if (io.relia.slo.openslo.OpenSloReader.accepts(map)) {
                formats.add("openslo");
                openSlo.add(map);
            } else if (NativeSloReader.accepts(map)) {
                formats.add("native");
                List<io.relia.core.Problem> structure = NATIVE_SCHEMA.validate(map);
                problems.addAll(structure);
                if (structure.stream().noneMatch(io.relia.core.Problem::isError)) {
                    slos.addAll(NativeSloReader.read(map, problems));
                }
            } else {
                problems.error(map.location(), "not an SLO spec", "a native spec (service, slos), a Sloth spec "
                        + "(version: prometheus/v1) or an OpenSLO document (apiVersion: openslo/v1)",
                        "see docs/slo.md for the formats");
            }
        }
        if (!openSlo.isEmpty()) {
            slos.addAll(io.relia.slo.openslo.OpenSloReader.read(openSlo, problems));
        }
        checkUniqueIds(slos, problems);
        return new SloFile(path, List.copyOf(formats), slos, problems.sorted());
    }

    /** Two documents of one file must not define the same service and SLO name (their rules would collide). */
    private static void checkUniqueIds(List<Slo> slos, Problems problems) {
        java.util.Map<String, Location> seen = new java.util.HashMap<>();
        slos.removeIf(slo -> {
            Location first = seen.putIfAbsent(slo.id(), slo.location());
            if (first != null) {
                problems.error(slo.location(), "SLO \"" + slo.id() + "\" is defined twice (first at " + first + ")",
                        "one definition per service and SLO name", "");
                return true;
            }
            return false;
        });
    }
}
