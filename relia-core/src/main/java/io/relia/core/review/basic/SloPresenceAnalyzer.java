package io.relia.core.review.basic;

import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.Severity;
import io.relia.core.review.ChecklistItem;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.ReviewAnalyzer;
import io.relia.core.review.ReviewContext;
import io.relia.core.review.ReviewSection;
import io.relia.core.review.Verdict;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.SpecDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Says whether the service has SLO specs at all. Absence is a definite failure; presence is listed but not passed:
 * validating and measuring SLOs is the SLO capability's job (relia slo), which replaces this analyzer's verdict.
 */
public final class SloPresenceAnalyzer implements ReviewAnalyzer {

    @Override
    public String id() {
        return "slo-inputs";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public ReviewSection analyze(ReviewContext context) {
        List<DiscoveredInput> specs = context.inventory().inputs().stream()
                .filter(input -> input.kind().isSlo()).toList();
        if (specs.isEmpty()) {
            Finding finding = new Finding("review/no-slo", Severity.HIGH,
                    "no SLO spec found (native, Sloth or OpenSLO)", Location.wholeFile(context.inventory().root()),
                    "define availability and latency SLOs in reliability/slos.yaml");
            return new ReviewSection(id(), "SLO specs",
                    List.of(Verdict.fail(ChecklistItem.SLOS_DEFINED, "no SLOs are defined", List.of(),
                            List.of(finding))), List.of(), List.of(), Map.of());
        }
        List<String> evidence = new ArrayList<>();
        int total = 0;
        for (DiscoveredInput spec : specs) {
            int count = spec.documents().stream().mapToInt(SloPresenceAnalyzer::sloCount).sum();
            total += count;
            evidence.add(spec.relative() + ": " + spec.kind().title() + ", " + count + (count == 1 ? " SLO" : " SLOs"));
        }
        return new ReviewSection(id(), "SLO specs",
                List.of(Verdict.notChecked(ChecklistItem.SLOS_DEFINED, total + " SLOs in " + specs.size()
                        + " files; validation and measurement will be checked by relia slo (SLOs as code)",
                        evidence)), List.of(), List.of(), Map.of());
    }

    private static int sloCount(SpecDocument document) {
        if (!(document.root() instanceof MapNode root)) {
            return 0;
        }
        if (root.text("apiVersion").orElse("").startsWith("openslo/")) {
            return root.text("kind").orElse("").equals("SLO") ? 1 : 0;
        }
        return root.list("slos").map(list -> list.size())
                .or(() -> root.map("spec").flatMap(spec -> spec.list("slos")).map(list -> list.size()))
                .orElse(0);
    }
}
