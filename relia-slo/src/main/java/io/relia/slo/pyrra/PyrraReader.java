package io.relia.slo.pyrra;

import io.relia.core.Problems;
import io.relia.core.spec.MapNode;
import io.relia.slo.Slo;

import java.util.List;

/**
 * Reads Pyrra's Kubernetes resource {@code pyrra.dev/v1alpha1 ServiceLevelObjective} (github.com/pyrra-dev/pyrra,
 * its CRD {@code config/crd/bases/pyrra.dev_servicelevelobjectives.yaml}): one SLO per document, its service the
 * resource's namespace, its SLI the error ratio Pyrra's own rules compute, its alerts Pyrra's four burn-rate windows.
 */
public final class PyrraReader {

    /** The only version of Pyrra's resource. */
    public static final String SPEC = "pyrra.dev/v1alpha1";
    static final String GROUP = "pyrra.dev/";
    static final String KIND = "ServiceLevelObjective";

    private PyrraReader() {
    }

    /** True for a Pyrra ServiceLevelObjective of any version (unsupported versions are reported by {@link #read}). */
    public static boolean accepts(MapNode root) {
        return root.text("apiVersion").orElse("").startsWith(GROUP) && root.text("kind").orElse("").equals(KIND);
    }

    /** Reads one document; every problem goes to {@code problems}; the SLO only when it is valid. */
    public static List<Slo> read(MapNode root, Problems problems) {
        return ObjectiveReader.read(root, problems).stream().toList();
    }
}
