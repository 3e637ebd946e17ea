package io.relia.audit.baseline;

import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.spec.ListNode;
import io.relia.core.spec.LoadResult;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;
import io.relia.core.spec.SpecLoader;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The findings a team has accepted for now ({@code --write-baseline}), hidden from later audits
 * ({@code --baseline}) so that only new findings fail a build. Matched by {@link Fingerprints fingerprint}.
 * File format (JSON, sorted): {@code {"schemaVersion":1,"tool":"relia audit","findings":[{ruleId, path,
 * fingerprint, message}]}}.
 *
 * @param findings the accepted findings, sorted by path, rule and fingerprint
 */
public record Baseline(List<Entry> findings) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TOOL = "relia audit";

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::path).thenComparing(Entry::ruleId)
            .thenComparing(Entry::fingerprint).thenComparing(Entry::message);
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * One accepted finding.
     *
     * @param ruleId      the rule
     * @param path        the file relative to the audited directory
     * @param fingerprint its fingerprint
     * @param message     the message when it was accepted (for people reading the file)
     */
    public record Entry(String ruleId, String path, String fingerprint, String message) {
    }

    public Baseline {
        findings = findings.stream().sorted(ORDER).toList();
    }

    /** True when a finding with this fingerprint was accepted. */
    public boolean contains(String fingerprint) {
        return fingerprints().contains(fingerprint);
    }

    private Set<String> fingerprints() {
        return findings.stream().map(Entry::fingerprint).collect(Collectors.toUnmodifiableSet());
    }

    /** The file's content, stable for version control: sorted, indented, ending with a newline. */
    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("tool", TOOL);
        root.put("findings", findings.stream().map(entry -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("ruleId", entry.ruleId());
            out.put("path", entry.path());
            out.put("fingerprint", entry.fingerprint());
            out.put("message", entry.message());
            return out;
        }).toList());
        return MAPPER.writeValueAsString(root) + "\n";
    }

    /**
     * Reads a baseline file.
     *
     * @throws InputException with located problems when the file is missing, unreadable or not a baseline
     */
    public static Baseline read(Path file) {
        LoadResult loaded = SpecLoader.load(file);
        if (loaded.hasErrors() || loaded.file().isEmpty()) {
            throw new InputException(loaded.problems().isEmpty()
                    ? List.of(Problem.error(Location.wholeFile(file), "cannot read the baseline")) : loaded.problems());
        }
        List<Node> roots = loaded.file().get().documents().stream().map(document -> document.root()).toList();
        if (roots.size() != 1 || !(roots.getFirst() instanceof MapNode root)) {
            throw invalid(Location.wholeFile(file), "is not a baseline", "one JSON object");
        }
        String version = root.text("schemaVersion").orElse("");
        if (!version.equals(String.valueOf(SCHEMA_VERSION))) {
            throw invalid(root.has("schemaVersion") ? root.locationOf("schemaVersion") : root.location(),
                    "unsupported baseline schemaVersion \"" + version + "\"", "\"schemaVersion\": " + SCHEMA_VERSION);
        }
        Optional<ListNode> list = root.list("findings");
        if (list.isEmpty()) {
            throw invalid(root.location(), "the baseline has no \"findings\" list", "\"findings\": [...]");
        }
        List<Entry> entries = new ArrayList<>();
        for (Node item : list.get().items()) {
            entries.add(entry(item));
        }
        return new Baseline(entries);
    }

    private static Entry entry(Node item) {
        if (!(item instanceof MapNode map)) {
            throw invalid(item.location(), "a baseline finding is " + item.describe(), "an object");
        }
        String fingerprint = map.get("fingerprint").filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast)
                .map(ScalarNode::text).filter(text -> text.matches("[0-9a-f]{16,64}"))
                .orElseThrow(() -> invalid(map.has("fingerprint") ? map.locationOf("fingerprint") : map.location(),
                        "a baseline finding has no valid \"fingerprint\"", "16 to 64 lower-case hex digits"));
        return new Entry(map.text("ruleId").orElse(""), map.text("path").orElse(""), fingerprint,
                map.text("message").orElse(""));
    }

    private static InputException invalid(Location location, String message, String expected) {
        return new InputException(Problem.error(location, message, expected,
                "write a new one with relia audit DIR --write-baseline FILE"));
    }
}
