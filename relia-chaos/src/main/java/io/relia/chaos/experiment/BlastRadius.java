package io.relia.chaos.experiment;

import io.relia.core.Problems;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Refuses, before anything runs, actions outside the experiment's declared {@link Scope}: toxics and proxy changes
 * on undeclared proxies, HTTP actions on undeclared URLs (including Toxiproxy admin calls on other proxies).
 */
public final class BlastRadius {

    private static final Pattern ADMIN_PROXY = Pattern.compile("/proxies/([^/?#]+)");

    private BlastRadius() {
    }

    /** Adds an error for every action outside the scope, at the action's location. */
    public static void check(Experiment experiment, Problems problems) {
        Scope scope = experiment.scope();
        List<Activity> actions = Stream.of(experiment.method(), experiment.rollbacks()).flatMap(List::stream)
                .filter(activity -> activity.kind() == Activity.Kind.ACTION).toList();
        for (Activity action : actions) {
            String outside = switch (action.provider()) {
                case Provider.AddToxic toxic -> scope.allowsProxy(toxic.proxy()) ? null : "proxy " + toxic.proxy();
                case Provider.RemoveToxic toxic -> scope.allowsProxy(toxic.proxy()) ? null : "proxy " + toxic.proxy();
                case Provider.SetProxyEnabled proxy -> scope.allowsProxy(proxy.proxy()) ? null
                        : "proxy " + proxy.proxy();
                case Provider.CreateProxy proxy -> scope.allowsProxy(proxy.proxy()) ? null : "proxy " + proxy.proxy();
                case Provider.DeleteProxy proxy -> scope.allowsProxy(proxy.proxy()) ? null : "proxy " + proxy.proxy();
                case Provider.UpdateProxy proxy -> scope.allowsProxy(proxy.proxy()) ? null : "proxy " + proxy.proxy();
                case Provider.Http http -> httpOutside(http.url(), scope);
                default -> null;
            };
            if (outside != null) {
                problems.error(action.location(), "action \"" + action.name() + "\" touches " + outside
                        + ", outside the declared scope", "only " + describe(scope), "add it to the scope if this "
                        + "is intended; the scope limits the blast radius");
            }
        }
    }

    private static String httpOutside(URI url, Scope scope) {
        if (!scope.allowsUrl(url)) {
            return "URL " + url;
        }
        Matcher proxy = ADMIN_PROXY.matcher(url.getPath() == null ? "" : url.getPath());
        if (!scope.proxies().isEmpty() && proxy.find() && !scope.allowsProxy(proxy.group(1))) {
            return "proxy " + proxy.group(1) + " (through " + url + ")";
        }
        return null;
    }

    private static String describe(Scope scope) {
        return Stream.concat(scope.proxies().stream().map(name -> "proxy " + name),
                scope.urls().stream().map(url -> "URLs under " + url)).reduce((a, b) -> a + ", " + b).orElse("");
    }
}
