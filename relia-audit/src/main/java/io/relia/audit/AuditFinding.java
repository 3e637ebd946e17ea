package io.relia.audit;

import io.relia.core.Finding;

/**
 * A finding of an audit with what outputs need beside it.
 *
 * @param finding     the finding as the analyzer reported it
 * @param path        its file relative to the audited directory, with forward slashes
 * @param fingerprint a hash that survives line shifts (see {@link io.relia.audit.baseline.Fingerprints})
 */
public record AuditFinding(Finding finding, String path, String fingerprint) {
}
