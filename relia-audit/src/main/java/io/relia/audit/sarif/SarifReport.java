package io.relia.audit.sarif;

import io.relia.audit.AuditFinding;
import io.relia.audit.AuditResult;
import io.relia.audit.AuditRule;
import io.relia.audit.RuleCatalogue;
import io.relia.audit.SuppressedFinding;
import io.relia.core.Finding;
import io.relia.core.Severity;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An audit as SARIF 2.1.0, the format GitHub code scanning uploads: one run, every rule of the catalogue with its
 * documentation, reported and inline-suppressed findings (the latter with {@code suppressions}, so code scanning
 * shows them dismissed); baselined findings are left out. Results carry our own fingerprint under
 * {@value #FINGERPRINT_KEY}, leaving {@code primaryLocationLineHash} to the upload action.
 */
public final class SarifReport {

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String TOOL_NAME = "relia audit";
    public static final String INFORMATION_URI = "https://github.com/relia/relia";
    public static final String DOCS_URI = INFORMATION_URI + "/blob/main/docs/audit.md";
    public static final String FINGERPRINT_KEY = "reliaFindingHash/v1";
    static final String SRCROOT = "%SRCROOT%";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SarifReport() {
    }

    /** The SARIF log as indented JSON, ending with a newline. */
    public static String toJson(AuditResult result, String reliaVersion) {
        return MAPPER.writeValueAsString(of(result, reliaVersion)) + "\n";
    }

    /**
     * The SARIF log of another Relia command's findings (tool {@code relia review}): the catalogue's metadata for the
     * audit's rules, and a plain descriptor for the review's own (input/invalid, slo/..., dr/...).
     */
    public static String toJson(AuditResult result, String reliaVersion, String toolName) {
        return MAPPER.writeValueAsString(of(result, reliaVersion, toolName)) + "\n";
    }

    /** The SARIF log as a tree. */
    public static ObjectNode of(AuditResult result, String reliaVersion) {
        return of(result, reliaVersion, TOOL_NAME);
    }

    private static ObjectNode of(AuditResult result, String reliaVersion, String toolName) {
        ObjectNode log = NODES.objectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode tool = tool(result.catalogue(), reliaVersion, toolName);
        ArrayNode rules = (ArrayNode) tool.get("driver").get("rules");
        result.findings().stream().map(finding -> finding.finding().ruleId()).distinct().sorted()
                .filter(id -> result.catalogue().find(id).isEmpty())
                .forEach(id -> rules.add(plainRule(id, result)));
        run.set("tool", tool);
        run.putObject("automationDetails").put("id", toolName.replace(' ', '-') + "/");
        run.put("columnKind", "unicodeCodePoints");
        if (toolName.equals(TOOL_NAME)) {
            invocation(run, result);
        }
        String rootUri = result.root().toAbsolutePath().normalize().toUri().toString();
        run.putObject("originalUriBaseIds").putObject(SRCROOT).put("uri", rootUri.endsWith("/") ? rootUri
                : rootUri + "/");
        List<Map.Entry<Finding, ObjectNode>> results = new ArrayList<>();
        for (AuditFinding finding : result.findings()) {
            results.add(Map.entry(finding.finding(), result(finding, result.catalogue())));
        }
        for (SuppressedFinding suppressed : result.suppressed()) {
            ObjectNode out = result(suppressed.finding(), result.catalogue());
            ObjectNode suppression = out.putArray("suppressions").addObject();
            suppression.put("kind", "inSource");
            suppression.put("justification", suppressed.reason());
            results.add(Map.entry(suppressed.finding().finding(), out));
        }
        ArrayNode array = run.putArray("results");
        results.stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> array.add(entry.getValue()));
        return log;
    }

    /**
     * What the audit read: files scanned and test files skipped, as run properties; the test-files note and the
     * audit's other notes (how dependency types were resolved, charts not rendered) as the invocation's tool
     * execution notifications (SARIF 2.1.0, the invocation object), as the text and HTML reports show them. Only
     * for the audit's own runs: another command's findings carry no such counts.
     */
    private static void invocation(ObjectNode run, AuditResult result) {
        ObjectNode properties = run.putObject("properties");
        properties.put("filesScanned", result.filesScanned());
        properties.put("testFilesSkipped", result.testFilesSkipped());
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        List<String> texts = new ArrayList<>();
        result.testFilesNote().ifPresent(texts::add);
        texts.addAll(result.notes());
        if (!texts.isEmpty()) {
            ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
            texts.forEach(text -> {
                ObjectNode note = notifications.addObject();
                note.put("level", "note");
                note.putObject("message").put("text", text);
            });
        }
    }

    private static ObjectNode tool(RuleCatalogue catalogue, String reliaVersion, String toolName) {
        ObjectNode tool = NODES.objectNode();
        ObjectNode driver = tool.putObject("driver");
        driver.put("name", toolName);
        driver.put("version", reliaVersion);
        if (reliaVersion.matches("\\d+\\.\\d+\\.\\d+(?:[-+][0-9A-Za-z.+-]+)?")) {
            driver.put("semanticVersion", reliaVersion);
        }
        driver.put("informationUri", INFORMATION_URI);
        ArrayNode rules = driver.putArray("rules");
        catalogue.rules().forEach(rule -> rules.add(rule(rule)));
        return tool;
    }

    private static ObjectNode rule(AuditRule rule) {
        ObjectNode out = NODES.objectNode();
        out.put("id", rule.id());
        out.put("name", name(rule.id()));
        out.putObject("shortDescription").put("text", rule.title());
        out.putObject("fullDescription").put("text", rule.detects());
        ObjectNode help = out.putObject("help");
        help.put("text", rule.detects() + "\n\nWhy: " + rule.why());
        help.put("markdown", RuleCatalogue.helpMarkdown(rule));
        out.put("helpUri", DOCS_URI + "#" + RuleCatalogue.anchor(rule.id()));
        out.putObject("defaultConfiguration").put("level", level(rule.severity()));
        ObjectNode properties = out.putObject("properties");
        ArrayNode tags = properties.putArray("tags");
        tags.add("reliability");
        rule.tags().stream().filter(tag -> !tag.equals("reliability")).forEach(tags::add);
        properties.put("precision", rule.precision().id());
        properties.put("problem.severity", problemSeverity(rule.severity()));
        if (rule.tags().contains("security")) {
            // GitHub code scanning files rules with a security-severity (a CVSS-like score) as security alerts.
            properties.put("security-severity", securitySeverity(rule.severity()));
        }
        return out;
    }

    /** A rule outside the audit's catalogue: its ID, its name, and the review's docs. */
    private static ObjectNode plainRule(String id, AuditResult result) {
        Severity severity = result.findings().stream().map(AuditFinding::finding)
                .filter(finding -> finding.ruleId().equals(id)).map(Finding::severity).sorted().findFirst()
                .orElse(Severity.MEDIUM);
        ObjectNode out = NODES.objectNode();
        out.put("id", id);
        out.put("name", name(id));
        out.putObject("shortDescription").put("text", "relia review check " + id);
        out.put("helpUri", INFORMATION_URI + "/blob/main/docs/review.md");
        out.putObject("defaultConfiguration").put("level", level(severity));
        out.putObject("properties").putArray("tags").add("reliability");
        return out;
    }

    /** GitHub's bands: over 9.0 critical, 7.0 to 8.9 high, 4.0 to 6.9 medium, below 4.0 low. */
    private static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
        };
    }

    private static ObjectNode result(AuditFinding audited, RuleCatalogue catalogue) {
        Finding finding = audited.finding();
        ObjectNode out = NODES.objectNode();
        out.put("ruleId", finding.ruleId());
        int index = catalogue.indexOf(finding.ruleId());
        if (index >= 0) {
            out.put("ruleIndex", index);
        }
        out.put("level", level(finding.severity()));
        out.putObject("message").put("text", finding.fix().isEmpty() ? finding.message()
                : finding.message() + " Fix: " + finding.fix());
        ObjectNode physical = out.putArray("locations").addObject().putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        artifact.put("uri", audited.path());
        artifact.put("uriBaseId", SRCROOT);
        if (finding.location().line() >= 1) {
            ObjectNode region = physical.putObject("region");
            region.put("startLine", finding.location().line());
            region.put("startColumn", Math.max(1, finding.location().column()));
        }
        out.putObject("partialFingerprints").put(FINGERPRINT_KEY, audited.fingerprint());
        return out;
    }

    /** SARIF {@code level}: error for critical and high, warning for medium, note for low. */
    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "note";
        };
    }

    /** GitHub's {@code problem.severity}: error, warning or recommendation. */
    private static String problemSeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "recommendation";
        };
    }

    /** {@code java/http-client-no-timeout} becomes {@code JavaHttpClientNoTimeout}. */
    static String name(String ruleId) {
        return Arrays.stream(ruleId.split("[/-]")).filter(part -> !part.isEmpty())
                .map(part -> part.substring(0, 1).toUpperCase(Locale.ROOT) + part.substring(1))
                .collect(Collectors.joining());
    }
}
