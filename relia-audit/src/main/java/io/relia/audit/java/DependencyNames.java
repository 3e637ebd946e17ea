package io.relia.audit.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a dependency of relia.yaml is recognised in code and configuration: by the words of its name. "payments",
 * "payments-api" and "payment-service" all have the core word "payment"; a class {@code PaymentsClient}, a host
 * {@code payments.shop.svc.cluster.local}, a breaker instance {@code paymentsCb} and a property
 * {@code clients.payments.base-url} all contain it. Words are compared without a trailing plural s.
 */
final class DependencyNames {

    /** Words that say what kind of thing a name is, not which one. */
    private static final Set<String> GENERIC = Set.of("service", "svc", "api", "server", "client", "app", "backend",
            "http", "https", "grpc", "rest", "internal", "external", "default", "cb", "breaker", "circuit",
            "circuitbreaker", "url", "uri", "base", "host", "endpoint", "v1", "v2", "v3");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    private DependencyNames() {
    }

    /** The words a match needs: {@code payments-api} gives {@code [payment]}; all words when all are generic. */
    static List<String> core(String dependency) {
        List<String> words = words(dependency);
        List<String> specific = words.stream().filter(word -> !GENERIC.contains(word)).toList();
        return specific.isEmpty() ? words : specific;
    }

    /** True when {@code text} (a class, host, property or instance name) holds every core word of the dependency. */
    static boolean matches(String dependency, String text) {
        List<String> wanted = core(dependency);
        List<String> words = words(text);
        return !wanted.isEmpty() && words.containsAll(wanted);
    }

    /** True when a host's first label names the dependency: {@code payments.shop.svc:8081} for payments. */
    static boolean hostMatches(String dependency, String host) {
        String label = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
        int port = label.indexOf(':');
        return matches(dependency, port < 0 ? label : label.substring(0, port));
    }

    /** Lower-case words, split at separators and camelCase humps, without a trailing plural s. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String part : text.split("[^A-Za-z0-9]+")) {
            for (String word : CAMEL.split(part)) {
                if (!word.isEmpty()) {
                    words.add(singular(word.toLowerCase(Locale.ROOT)));
                }
            }
        }
        return words;
    }

    private static String singular(String word) {
        return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1)
                : word;
    }
}
