package io.relia.server;

import io.javalin.http.Context;

/** Identifiers in request paths. */
public final class Ids {

    private Ids() {
    }

    /** The {@code {id}} path parameter as an incident id: {@code 42} or {@code INC-42}; 400 otherwise. */
    public static long incident(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            long id = Long.parseLong(text.regionMatches(true, 0, "INC-", 0, 4) ? text.substring(4) : text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new ApiError(400, "\"" + text + "\" is not an incident id; expected a number such as 42");
    }

    /**
     * The entity tag of an incident's stored state: a hash of the record (labels in sorted order), quoted. Clients
     * send it back in {@code If-Match} to replace the incident only if nobody changed it meanwhile.
     */
    public static String etag(io.relia.incident.Incident incident) {
        String canonical = incident.withLabels(new java.util.TreeMap<>(incident.labels())).toString();
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "\"" + java.util.HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}
