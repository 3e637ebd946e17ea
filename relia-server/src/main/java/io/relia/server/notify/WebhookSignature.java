package io.relia.server.notify;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Signatures of Relia's generic webhook, as the Standard Webhooks specification defines them: HMAC-SHA256 over
 * {@code id + "." + timestamp + "." + body}, sent as {@code webhook-signature: v1,<base64>} beside
 * {@code webhook-id} and {@code webhook-timestamp} (Unix seconds). Receivers verify with {@link #verify}, or with any
 * Standard Webhooks library, and should refuse timestamps more than a few minutes old.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    /** {@code v1,<base64 HMAC-SHA256>} of the message. */
    public static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JDK has HmacSHA256", impossible);
        }
    }

    /** True when {@code header} (one or more space-separated signatures) holds the message's; constant time. */
    public static boolean verify(String secret, String id, long timestamp, String body, String header) {
        byte[] expected = sign(secret, id, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        boolean ok = false;
        for (String candidate : header.strip().split(" ")) {
            ok |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        return ok;
    }
}
