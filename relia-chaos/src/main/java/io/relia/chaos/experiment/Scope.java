package io.relia.chaos.experiment;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The blast radius an experiment declares: the proxies and URLs its actions may touch. Empty lists mean "not
 * declared" (no restriction); actions outside a declared scope are refused before anything runs.
 *
 * @param proxies proxy names actions may change
 * @param urls    URL prefixes HTTP actions may call ({@code http://127.0.0.1:8474/proxies/db})
 */
public record Scope(Set<String> proxies, List<String> urls) {

    public static final Scope UNRESTRICTED = new Scope(Set.of(), List.of());

    public Scope {
        proxies = Set.copyOf(proxies);
        urls = List.copyOf(urls);
    }

    public boolean allowsProxy(String proxy) {
        return proxies.isEmpty() || proxies.contains(proxy);
    }

    /** Whether a URL is under a declared prefix (compared case-insensitively on scheme and host). */
    public boolean allowsUrl(URI url) {
        if (urls.isEmpty()) {
            return true;
        }
        String text = url.toString().toLowerCase(Locale.ROOT);
        return urls.stream().map(prefix -> prefix.toLowerCase(Locale.ROOT)).anyMatch(text::startsWith);
    }
}
