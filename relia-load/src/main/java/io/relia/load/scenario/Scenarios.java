package io.relia.load.scenario;

import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Problems;
import io.relia.load.scenario.RequestTemplate.Header;
import io.relia.load.threshold.Threshold;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Scenarios built from the command line, without a scenario file. */
public final class Scenarios {

    private static final Location URL = new Location("URL", 0, 0);
    private static final Location METHOD = new Location("--method", 0, 0);
    private static final Location HEADER = new Location("--header", 0, 0);
    private static final Location CONNECTIONS = new Location("--connections", 0, 0);

    private Scenarios() {
    }

    /**
     * One request to one URL ({@code relia load run http://host:port/path}): the URL's origin is the target, its path
     * and query the request. Placeholders are not substituted (there are no variables).
     *
     * @param method  an HTTP method (upper-cased)
     * @param headers extra headers; Host, Content-Length, Transfer-Encoding and Connection are refused
     * @param body    the body, empty for none
     * @throws InputException with every problem (bad URL, method, header, connection count)
     */
    public static Scenario forUrl(String url, LoadProfile profile, int connections, Duration warmup, Duration timeout,
                                  List<Threshold> thresholds, String method, List<Header> headers, String body) {
        Problems problems = new Problems();
        Optional<URI> uri = uri(url, problems);
        if (!HttpSyntax.isToken(method)) {
            problems.add(Problem.error(METHOD, "\"" + method + "\" is not an HTTP method",
                    "a method such as GET, POST, PUT or DELETE", ""));
        }
        for (Header header : headers) {
            problems.addAll(HttpSyntax.headerProblems(HEADER, "header " + header.name(), header.name(),
                    header.value()));
        }
        if (connections < 1) {
            problems.add(Problem.error(CONNECTIONS, "connections is " + connections, "at least 1", ""));
        }
        if (problems.hasErrors() || uri.isEmpty()) {
            throw new InputException(problems.sorted());
        }
        String path = (uri.get().getRawPath() == null || uri.get().getRawPath().isEmpty() ? "/"
                : uri.get().getRawPath()) + (uri.get().getRawQuery() == null ? "" : "?" + uri.get().getRawQuery());
        String upper = method.toUpperCase(Locale.ROOT);
        RequestTemplate request = new RequestTemplate(upper + " " + path, upper, path, headers, body, 1, null);
        return new Scenario(url, Target.of(uri.get()), List.of(request), Optional.empty(), profile, connections,
                warmup, timeout, thresholds);
    }

    private static Optional<URI> uri(String url, Problems problems) {
        String expected = "an http:// or https:// URL such as http://127.0.0.1:8080/health";
        try {
            URI uri = new URI(url.strip());
            Target.of(uri);
            if (uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                problems.add(Problem.error(URL, "\"" + url + "\" has a " + (uri.getRawFragment() != null
                        ? "fragment (#...)" : "user name"), expected, "fragments and credentials are never sent"));
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException notUri) {
            problems.add(Problem.error(URL, "\"" + url + "\" is not a URL: " + notUri.getReason(), expected,
                    "percent-encode spaces and quotes: a space is %20"));
        } catch (IllegalArgumentException notHttp) {
            problems.add(Problem.error(URL, "\"" + url + "\" is not an http or https URL with a host", expected,
                    url.contains("://") ? "" : "add the scheme: http://" + url));
        }
        return Optional.empty();
    }
}
