package io.relia.audit.k8s;

import java.util.Optional;

/**
 * The tag of a container image reference ({@code registry:5000/team/api:1.4.2@sha256:...}).
 *
 * @param reference the image as written
 * @param tag       its tag, or empty when it has none
 * @param digest    true when pinned by digest
 */
record ImageTag(String reference, Optional<String> tag, boolean digest) {

    static ImageTag of(String reference) {
        String text = reference.trim();
        boolean digest = text.contains("@");
        String withoutDigest = digest ? text.substring(0, text.indexOf('@')) : text;
        String lastSegment = withoutDigest.substring(withoutDigest.lastIndexOf('/') + 1);
        int colon = lastSegment.indexOf(':');
        Optional<String> tag = colon < 0 ? Optional.empty() : Optional.of(lastSegment.substring(colon + 1));
        return new ImageTag(text, tag, digest);
    }

    /** Why this reference floats, or empty when it is pinned (or templated, so unknowable here). */
    Optional<String> problem() {
        if (digest || reference.isEmpty() || reference.contains("{{") || reference.contains("${")) {
            return Optional.empty();
        }
        if (tag.isEmpty()) {
            return Optional.of("no tag, so latest");
        }
        return tag.get().equals("latest") ? Optional.of("the latest tag moves") : Optional.empty();
    }
}
