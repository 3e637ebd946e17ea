package io.relia.core.report;

import io.relia.core.Finding;
import io.relia.core.Problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one JSON shape of a finding and of a problem, in every command's {@code --format json} (review, audit, ...):
 * {@code {ruleId, severity, message, file, line, column, fix}} and {@code {level, file, line, column, message,
 * expected, hint, text}}. {@code file} is the path as printed, relative to the working directory (or absolute).
 */
public final class ReportJson {

    private ReportJson() {
    }

    /** A finding; commands may add keys of their own after these (the audit adds {@code fingerprint}). */
    public static Map<String, Object> finding(Finding finding) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ruleId", finding.ruleId());
        out.put("severity", finding.severity().id());
        out.put("message", finding.message());
        out.put("file", finding.location().file());
        out.put("line", finding.location().line());
        out.put("column", finding.location().column());
        out.put("fix", finding.fix());
        return out;
    }

    /** A problem with an input. */
    public static Map<String, Object> problem(Problem problem) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("level", problem.level().label());
        out.put("file", problem.location().file());
        out.put("line", problem.location().line());
        out.put("column", problem.location().column());
        out.put("message", problem.message());
        out.put("expected", problem.expected());
        out.put("hint", problem.hint());
        out.put("text", problem.format());
        return out;
    }
}
