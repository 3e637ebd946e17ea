package io.relia.load.scenario;

import io.relia.core.Location;
import io.relia.core.Problems;
import io.relia.core.spec.Fields;
import io.relia.core.spec.Suggestions;
import io.relia.load.scenario.RequestTemplate.Header;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and checks one entry of a scenario's {@code requests:} list. */
final class RequestReader {

    private final Target target;
    private final Optional<VariableTable> variables;
    private final Problems problems;

    /**
     * @param target    the scenario's origin (absolute URLs in paths must name it)
     * @param variables the scenario's variables, for checking placeholders
     */
    RequestReader(Target target, Optional<VariableTable> variables, Problems problems) {
        this.target = target;
        this.variables = variables;
        this.problems = problems;
    }

    Optional<RequestTemplate> read(Fields request) {
        long errorsBefore = problems.errorCount();
        Location at = request.map().location();
        String method = request.text("method", "an HTTP method such as GET or POST").orElse("GET");
        if (!HttpSyntax.isToken(method)) {
            problems.error(request.valueLocation("method"), "\"" + request.where() + ".method\" is not a method: \""
                    + method + "\"", "an HTTP method such as GET, POST, PUT or DELETE", "");
        }
        method = method.toUpperCase(Locale.ROOT);
        Optional<String> path = request.requireText("path", "a path starting with / or a URL on " + target)
                .flatMap(written -> path(written, request));
        List<Header> headers = headers(request);
        String body = request.text("body", "the request body").orElse("");
        double weight = request.number("weight", "a positive number").map(BigDecimal::doubleValue).orElse(1.0);
        if (path.isEmpty() || problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        checkPlaceholders(request, path.get(), headers, body);
        if (problems.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        String name = request.text("name", "a label").orElse(method + " " + path.get());
        return Optional.of(new RequestTemplate(name, method, path.get(), headers, body, weight, at));
    }

    /** The path to send: as written when it starts with /, reduced to path and query when it is a URL. */
    private Optional<String> path(String written, Fields request) {
        Location at = request.valueLocation("path");
        String path = written;
        String lower = written.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            int slash = written.indexOf('/', written.indexOf("://") + 3);
            String origin = slash < 0 ? written : written.substring(0, slash);
            path = slash < 0 ? "/" : written.substring(slash);
            try {
                Target other = Target.of(new URI(origin));
                if (other.https() != target.https() || !other.host().equalsIgnoreCase(target.host())
                        || other.port() != target.port()) {
                    problems.error(at, "\"" + request.where() + ".path\" is on another origin (" + other + ")",
                            "a path starting with / or a URL on " + target,
                            "one scenario loads one origin; write a scenario per origin");
                    return Optional.empty();
                }
            } catch (URISyntaxException | IllegalArgumentException notUrl) {
                problems.error(at, "\"" + request.where() + ".path\" is not a URL: " + written,
                        "a path starting with / or a URL on " + target, "");
                return Optional.empty();
            }
        } else if (!written.startsWith("/")) {
            problems.error(at, "\"" + request.where() + ".path\" does not start with /: \"" + written + "\"",
                    "a path starting with / or a URL on " + target, "write /" + written);
            return Optional.empty();
        }
        String literal = String.join("", Placeholders.split(path).stream()
                .filter(Placeholders.Literal.class::isInstance).map(p -> ((Placeholders.Literal) p).text()).toList());
        Optional<String> problem = HttpSyntax.pathTextProblem(literal);
        if (problem.isPresent()) {
            problems.error(at, "\"" + request.where() + ".path\" " + problem.get(), "a path as sent on the wire",
                    "percent-encode it: a space is %20");
            return Optional.empty();
        }
        return Optional.of(path);
    }

    private List<Header> headers(Fields request) {
        List<Header> headers = new ArrayList<>();
        for (Map.Entry<String, String> header : request.textMap("headers").entrySet()) {
            String name = header.getKey();
            Location at = request.child("headers").orElseThrow().locationOf(name);
            problems.addAll(HttpSyntax.headerProblems(at, "\"" + request.where() + ".headers." + name + "\"", name,
                    header.getValue()));
            headers.add(new Header(name, header.getValue()));
        }
        return headers;
    }

    /** Every {@code ${column}} must name a CSV column; header values must stay one line after substitution. */
    private void checkPlaceholders(Fields request, String path, List<Header> headers, String body) {
        Location at = request.map().location();
        Set<String> used = new LinkedHashSet<>(Placeholders.columns(path));
        used.addAll(Placeholders.columns(body));
        Set<String> inHeaders = new LinkedHashSet<>();
        for (Header header : headers) {
            inHeaders.addAll(Placeholders.columns(header.value()));
        }
        used.addAll(inHeaders);
        List<String> texts = new ArrayList<>(List.of(path, body));
        headers.forEach(header -> texts.add(header.value()));
        texts.stream().map(Placeholders::unclosed).flatMap(Optional::stream).findFirst().ifPresent(open ->
                problems.error(at, "\"" + request.where() + "\" has a placeholder without its closing brace: "
                        + open, "${column}", ""));
        if (used.isEmpty()) {
            return;
        }
        if (variables.isEmpty()) {
            problems.error(at, "\"" + request.where() + "\" uses ${" + String.join("}, ${", used) + "} but the "
                    + "scenario has no variables", "variables: FILE.csv with a column for each placeholder", "");
            return;
        }
        List<String> columns = variables.get().columns();
        for (String column : used) {
            if (!columns.contains(column)) {
                String hint = Suggestions.closest(column, columns)
                        .map(best -> "did you mean ${" + best + "}?").orElse("");
                problems.error(at, "\"" + request.where() + "\" uses ${" + column + "}, which is not a column of "
                        + variables.get().file(), "one of the columns: " + String.join(", ", columns), hint);
            }
        }
        for (String column : inHeaders) {
            int index = columns.indexOf(column);
            List<List<String>> rows = variables.get().rows();
            for (int row = 0; index >= 0 && row < rows.size(); row++) {
                Optional<String> problem = HttpSyntax.headerValueProblem(rows.get(row).get(index));
                if (problem.isPresent()) {
                    problems.error(at, "\"" + request.where() + "\" puts ${" + column + "} in a header, and row "
                            + (row + 1) + " of " + variables.get().file() + " " + problem.get(), "one-line values "
                            + "in columns used in headers", "a line break would end the header (request smuggling)");
                    break;
                }
            }
        }
    }
}
