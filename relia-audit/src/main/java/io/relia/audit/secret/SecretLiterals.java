package io.relia.audit.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a secret written as a literal (in a manifest's env, a ConfigMap, a Spring property) from a name that only
 * mentions one ({@code SECRET_NAME}, {@code TOKEN_URL}) and from a reference to one ({@code ${DB_PASSWORD}},
 * {@code $(TOKEN)}). Shared by the Kubernetes and Spring analyzers so they agree on what a secret looks like.
 */
public final class SecretLiterals {

    /** Words that name a secret on their own. */
    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "secret", "token", "apikey",
            "credential", "credentials", "passphrase", "privatekey", "bearer");
    /** Two words that name a secret together: api key, private key, secret key, access token. */
    private static final Set<String> SECRET_PAIRS = Set.of("api key", "private key", "secret key", "signing key",
            "encryption key", "master key");
    /**
     * Last words that turn a secret's name into the name of something about it: where it is ({@code PASSWORD_FILE},
     * {@code TOKEN_URL}), what it is called ({@code SECRET_NAME}), how it behaves ({@code TOKEN_TTL}).
     */
    private static final Set<String> QUALIFIERS = Set.of("file", "path", "dir", "directory", "name", "names", "ref",
            "url", "uri", "endpoint", "host", "port", "ttl", "timeout", "expiry", "expiration", "expires", "lifetime",
            "validity", "duration", "seconds", "minutes", "hours", "days", "length", "size", "count", "limit", "max",
            "min", "enabled", "enable", "disabled", "type", "id", "header", "mode", "policy", "format", "algorithm",
            "prefix", "suffix", "location", "issuer", "audience", "scope", "scopes", "version", "field", "param",
            "parameter", "encoder", "strategy", "provider", "source", "env", "store", "namespace", "label",
            "annotation", "mount", "volume", "regex", "pattern", "required", "reset", "rotation", "generator",
            "characters", "chars", "hash", "hashed", "hint", "question", "template");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    /**
     * References and placeholders: ${VAR}, $(VAR), {{ .Values.x }}, #{...}, <set-me>, $VAR, and upper-case tokens
     * that a deploy script replaces (YOUR_API_KEY, GOOGLE_API_KEY_VAL).
     */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\$\\{|\\$\\(|\\{\\{|#\\{|%\\{|^<[^>]+>$|^\\$[A-Z_]+$|^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$");
    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
    private static final Pattern URL_CREDENTIALS = Pattern.compile(
            "[a-zA-Z][a-zA-Z0-9+.-]*://([^/:@\\s]+):([^@/\\s]+)@");
    private static final Pattern NOT_A_SECRET = Pattern.compile(
            "(?i)true|false|yes|no|on|off|null|none|[-+]?\\d+(\\.\\d+)?|(/|file:|classpath:|\\./)\\S*");
    /**
     * Values that stand where a secret will go, written by people for people: {@code xxx}, {@code ***},
     * {@code ...}, {@code changeme}, {@code your-password}, {@code TODO}, the word {@code password} or
     * {@code secret} itself, or a key with its digits masked ({@code d43c91c0-xxxx-xxxx-xxxx-xxxxxxxxxxxx}).
     * Real secrets are never these (a generator does not write them), so flagging them is noise (round 1's
     * evaluation: {@code spring.mail.password=xxx} in xxl-job). {@code changeit}, the JDK
     * keystore's real default password, is not a placeholder: it opens every keystore left at its default.
     */
    private static final Pattern OBVIOUS_PLACEHOLDER = Pattern.compile("(?i)x{3,}|\\*{3,}|\\.{3,}|\u2026"
            + "|change[-_ ]?me|replace[-_ ]?me|password|passwd|secret|todo|tbd|fixme|placeholder"
            + "|your[-_ ]?(?:[a-z]+[-_ ]?){0,2}(?:password|passwd|secret|token|api[-_ ]?key|key)(?:[-_ ]?here)?"
            + "|(?=[0-9a-f-]*x{4})[0-9a-fx-]+");

    private SecretLiterals() {
    }

    /**
     * True when a key names a secret: {@code DB_PASSWORD}, {@code spring.datasource.password}, {@code apiKey},
     * {@code client-secret}, {@code AWS_SECRET_ACCESS_KEY}; not {@code SECRET_NAME}, {@code TOKEN_URL},
     * {@code PASSWORD_FILE}. For dotted keys only the last segment counts ({@code password.encoder.type} names an
     * encoder).
     */
    public static boolean namesSecret(String key) {
        String last = key.contains(".") ? key.substring(key.lastIndexOf('.') + 1) : key;
        List<String> words = words(last);
        if (words.isEmpty()) {
            return false;
        }
        boolean secret = false;
        for (int i = 0; i < words.size(); i++) {
            secret |= SECRET_WORDS.contains(words.get(i))
                    || i > 0 && SECRET_PAIRS.contains(words.get(i - 1) + " " + words.get(i));
        }
        if (!secret) {
            return false;
        }
        String end = words.getLast();
        boolean endsInSecret = SECRET_WORDS.contains(end)
                || words.size() > 1 && SECRET_PAIRS.contains(words.get(words.size() - 2) + " " + end);
        return endsInSecret || !QUALIFIERS.contains(end);
    }

    /**
     * True when a value is a secret's literal value rather than a reference or a setting: not blank, no
     * {@code ${...}}, {@code $(...)}, {@code {{...}}} or {@code <placeholder>}, not a boolean, number or path, not
     * an obvious placeholder ({@code xxx}, {@code changeme}, {@code your-password}).
     */
    public static boolean isLiteral(String value) {
        String text = value.strip();
        return text.length() >= 2 && !PLACEHOLDER.matcher(text).find() && !NOT_A_SECRET.matcher(text).matches()
                && !OBVIOUS_PLACEHOLDER.matcher(text).matches();
    }

    /** True when a value holds a PEM private key. */
    public static boolean holdsPrivateKey(String value) {
        return PRIVATE_KEY.matcher(value).find();
    }

    /** The user of a URL that carries a literal password ({@code postgres://app:s3cret@db/shop}), if any. */
    public static Optional<String> credentialsInUrl(String value) {
        Matcher url = URL_CREDENTIALS.matcher(value);
        while (url.find()) {
            if (isLiteral(url.group(2))) {
                return Optional.of(url.group(1));
            }
        }
        return Optional.empty();
    }

    /** The lower-case words of a key: split at separators and camelCase humps. */
    static List<String> words(String key) {
        List<String> words = new ArrayList<>();
        for (String part : key.split("[^A-Za-z0-9]+")) {
            for (String word : CAMEL.split(part)) {
                if (!word.isEmpty()) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return words;
    }
}
