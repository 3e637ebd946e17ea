package io.relia.audit.baseline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Fingerprints of findings that survive line shifts: SHA-256 over the rule ID, the path relative to the audited
 * directory (forward slashes), the flagged line's text with whitespace normalised, and the occurrence index among
 * findings with the same rule, path and line text. Inserting lines above a finding keeps its fingerprint; editing
 * the flagged line changes it.
 */
public final class Fingerprints {

    /** Hex characters kept from the digest: 128 bits, plenty to tell a repository's findings apart. */
    static final int LENGTH = 32;

    private Fingerprints() {
    }

    /**
     * The fingerprint of one finding.
     *
     * @param ruleId     the rule
     * @param path       the file relative to the audited directory, forward slashes
     * @param lineText   the flagged source line (empty for whole-file findings)
     * @param occurrence 0 for the first finding with this rule, path and normalised line text, 1 for the next
     */
    public static String of(String ruleId, String path, String lineText, int occurrence) {
        String key = ruleId + '\u0000' + path + '\u0000' + normalise(lineText) + '\u0000' + occurrence;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, LENGTH);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** Trims a line and collapses runs of whitespace to one space, so re-indenting keeps fingerprints. */
    public static String normalise(String lineText) {
        return lineText.strip().replaceAll("\\s+", " ");
    }
}
