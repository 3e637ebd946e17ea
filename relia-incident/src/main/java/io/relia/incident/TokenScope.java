package io.relia.incident;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a bearer token of {@code relia serve} may do. {@code write} includes {@code read}, {@code admin} includes
 * both; {@code intake} stands alone, so the token an alert sender holds can post alerts and nothing else.
 */
public enum TokenScope {
    /** Alert webhooks (Alertmanager, PagerDuty Events v2) and nothing else. */
    INTAKE("intake"),
    /** Every GET of the API, when the server asks for a token on reads. */
    READ("read"),
    /** Declare and edit incidents: lifecycle, notes, roles, action items, PUT and PATCH. */
    WRITE("write"),
    /** Import incident history, token management, anything destructive. */
    ADMIN("admin");

    /** Every scope: what a token created before scopes existed may do. */
    public static final Set<TokenScope> ALL = Collections.unmodifiableSet(EnumSet.allOf(TokenScope.class));

    private final String label;

    TokenScope(String label) {
        this.label = label;
    }

    /** The scope as the CLI takes and the API names it: intake, read, write, admin. */
    public String label() {
        return label;
    }

    /** True when a token holding this scope may do what {@code needed} allows. */
    public boolean includes(TokenScope needed) {
        return this == needed || switch (this) {
            case ADMIN -> needed == WRITE || needed == READ;
            case WRITE -> needed == READ;
            case READ, INTAKE -> false;
        };
    }

    /** True when a token with {@code scopes} may do what {@code needed} allows. */
    public static boolean allows(Collection<TokenScope> scopes, TokenScope needed) {
        return scopes.stream().anyMatch(scope -> scope.includes(needed));
    }

    public static TokenScope parse(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT);
        for (TokenScope scope : values()) {
            if (scope.label.equals(key)) {
                return scope;
            }
        }
        throw new IncidentException("unknown token scope \"" + text + "\"; expected intake, read, write or admin");
    }

    /** Reads a comma-separated list such as {@code intake} or {@code read,write}; at least one scope. */
    public static Set<TokenScope> parseList(String text) {
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        for (String part : text.split(",", -1)) {
            if (!part.isBlank()) {
                scopes.add(parse(part));
            }
        }
        if (scopes.isEmpty()) {
            throw new IncidentException("a token needs at least one scope: intake, read, write or admin");
        }
        return scopes;
    }

    /** The scopes' labels in their natural order, e.g. "read, write". */
    public static String describe(Collection<TokenScope> scopes) {
        if (scopes.isEmpty()) {
            return "(none)";
        }
        return EnumSet.copyOf(scopes).stream().map(TokenScope::label).collect(Collectors.joining(", "));
    }
}
