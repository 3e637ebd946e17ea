package io.relia.slo.convert;

import io.relia.core.Problem;
import io.relia.core.Problems;
import io.relia.core.spec.LoadResult;
import io.relia.core.spec.SpecLoader;
import io.relia.slo.Slo;
import io.relia.slo.SloFile;
import io.relia.slo.SloSpecs;
import io.relia.slo.pyrra.PyrraWriter;
import io.relia.slo.rules.RuleYaml;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes SLOs in another spec format and proves the result: each SLO is written, read back with the target's own
 * reader and compared with the original. What the target cannot state (a different SLI, objective, name, labels,
 * extensions) refuses the conversion at the SLO; what each tool decides for itself (alert windows, alert names and
 * labels, a Sloth spec's period) is converted with a warning that says what changes.
 */
public final class SloConverter {

    /** The formats SLOs can be written in. */
    public enum Format {
        NATIVE, SLOTH, PYRRA;

        /** The name used on the command line and in messages. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Format> of(String id) {
            for (Format format : values()) {
                if (format.id().equals(id)) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The converted text and every problem; the text is empty when a problem is an error.
     *
     * @param text     the spec text (YAML), or empty
     * @param problems refusals (errors) and changes (warnings), located at the source SLOs
     */
    public record Conversion(String text, List<Problem> problems) {
        public Conversion {
            problems = problems.stream().sorted().toList();
        }

        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::isError);
        }
    }

    private SloConverter() {
    }

    /**
     * Converts {@code slos} to {@code to}.
     *
     * @param defaultPeriod the period of SLOs that name none, where the target needs one (Pyrra)
     * @param header        comment lines for the top of the output
     */
    public static Conversion convert(List<Slo> slos, Format to, Duration defaultPeriod, List<String> header) {
        Problems problems = new Problems();
        for (Slo slo : slos) {
            documents(List.of(slo), to, defaultPeriod, problems).ifPresent(documents -> SloComparison.compare(slo,
                    readBack(slo, text(documents, List.of()), to, problems), to, defaultPeriod, problems));
        }
        if (to == Format.SLOTH) {
            SloComparison.samePeriod(slos, problems);
        }
        if (problems.hasErrors()) {
            return new Conversion("", problems.sorted());
        }
        Problems ignored = new Problems();
        String text = text(documents(slos, to, defaultPeriod, ignored).orElseThrow(), header);
        return new Conversion(text, problems.sorted());
    }

    private static Optional<List<Map<String, Object>>> documents(List<Slo> slos, Format to, Duration defaultPeriod,
                                                                 Problems problems) {
        long before = problems.errorCount();
        List<Map<String, Object>> documents = switch (to) {
            case NATIVE -> NativeWriter.documents(slos);
            case SLOTH -> SlothWriter.documents(slos);
            case PYRRA -> {
                List<Map<String, Object>> resources = new ArrayList<>();
                slos.forEach(slo -> PyrraWriter.document(slo, defaultPeriod, problems).ifPresent(resources::add));
                yield resources;
            }
        };
        return problems.errorCount() > before ? Optional.empty() : Optional.of(documents);
    }

    private static String text(List<Map<String, Object>> documents, List<String> header) {
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append("# ").append(line).append('\n'));
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                out.append("---\n");
            }
            out.append(RuleYaml.document(documents.get(i)));
        }
        return out.toString();
    }

    /** The SLO as the target's reader sees the text; its errors become refusals at the source SLO. */
    private static Optional<Slo> readBack(Slo slo, String text, Format to, Problems problems) {
        Path name = Path.of("converted-" + slo.id() + ".yaml");
        LoadResult loaded = SpecLoader.parse(name, text);
        List<Problem> found = new ArrayList<>(loaded.problems());
        List<Slo> read = List.of();
        if (loaded.file().isPresent() && !loaded.hasErrors()) {
            SloFile file = SloSpecs.read(name, loaded.file().get().documents());
            found.addAll(file.problems());
            read = file.slos();
        }
        for (Problem problem : found) {
            if (problem.isError()) {
                problems.error(slo.location(), "SLO \"" + slo.id() + "\" cannot be written as " + to.id() + ": "
                        + problem.message(), problem.expected(), problem.hint());
            } else if (problem.level() == Problem.Level.WARNING) {
                problems.warning(slo.location(), "SLO \"" + slo.id() + "\" as " + to.id() + ": "
                        + problem.message(), problem.expected(), problem.hint());
            }
        }
        if (found.stream().anyMatch(Problem::isError)) {
            return Optional.empty();
        }
        if (read.size() != 1) {
            problems.error(slo.location(), "SLO \"" + slo.id() + "\" reads back as " + read.size() + " SLOs from "
                    + to.id(), "one SLO", "");
            return Optional.empty();
        }
        return Optional.of(read.getFirst());
    }
}
