package io.relia.load.scenario;

import io.relia.core.ReliaVersion;
import io.relia.load.scenario.Placeholders.Literal;
import io.relia.load.scenario.Placeholders.Part;
import io.relia.load.scenario.Placeholders.Variable;
import io.relia.load.scenario.RequestTemplate.Header;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A scenario's requests as HTTP/1.1 bytes, compiled once so that sending costs a copy: a request without variables
 * is one cached array; one with variables is a list of byte segments and column references, filled from variable
 * row {@code sequence % rows}. Each request is {@code METHOD path HTTP/1.1}, {@code Host}, the template's headers,
 * {@code User-Agent: relia/VERSION} unless the template sets one, and {@code Content-Length} when there is a body
 * (or the method is POST, PUT or PATCH); connections stay alive. Immutable and thread-safe.
 */
public final class RequestEncoder {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    private final Compiled[] templates;
    /** Variable values as UTF-8, [row][column]. */
    private final byte[][][] raw;
    /** Variable values made safe for a request line, [row][column]; the raw array where nothing needed encoding. */
    private final byte[][][] inPath;

    private RequestEncoder(Compiled[] templates, byte[][][] raw, byte[][][] inPath) {
        this.templates = templates;
        this.raw = raw;
        this.inPath = inPath;
    }

    /** Compiles a scenario's requests with Relia's own User-Agent. */
    public static RequestEncoder of(Scenario scenario) {
        return of(scenario, "relia/" + ReliaVersion.get());
    }

    /** Compiles a scenario's requests; {@code userAgent} is sent unless a request sets its own. */
    public static RequestEncoder of(Scenario scenario, String userAgent) {
        Optional<VariableTable> variables = scenario.variables();
        List<String> columns = variables.map(VariableTable::columns).orElse(List.of());
        List<List<String>> rows = variables.map(VariableTable::rows).orElse(List.of());
        byte[][][] raw = new byte[rows.size()][][];
        byte[][][] inPath = new byte[rows.size()][][];
        for (int r = 0; r < rows.size(); r++) {
            raw[r] = new byte[columns.size()][];
            inPath[r] = new byte[columns.size()][];
            for (int c = 0; c < columns.size(); c++) {
                String value = rows.get(r).get(c);
                raw[r][c] = value.getBytes(StandardCharsets.UTF_8);
                String encoded = HttpSyntax.encodePathValue(value);
                inPath[r][c] = encoded.equals(value) ? raw[r][c] : encoded.getBytes(StandardCharsets.US_ASCII);
            }
        }
        Compiled[] compiled = new Compiled[scenario.requests().size()];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = compile(scenario.requests().get(i), scenario.target(), userAgent, columns, rows);
        }
        return new RequestEncoder(compiled, raw, inPath);
    }

    /** How many templates there are (the indexes {@link RequestMix} returns). */
    public int size() {
        return templates.length;
    }

    /** Whether a template's bytes are the same for every request (it uses no variables). */
    public boolean isFixed(int templateIndex) {
        return templates[templateIndex].fixed != null;
    }

    /**
     * The bytes of request {@code sequence} of a template. For a fixed template this is one shared array: callers
     * must not change it (wrap it read-only, e.g. Netty's {@code Unpooled.wrappedBuffer}).
     */
    public byte[] encode(int templateIndex, long sequence) {
        Compiled template = templates[templateIndex];
        if (template.fixed != null) {
            return template.fixed;
        }
        int row = row(sequence);
        byte[] out = new byte[template.length(row, this)];
        template.write(row, this, ByteBuffer.wrap(out));
        return out;
    }

    /** The length of request {@code sequence} of a template, in bytes: what {@link #encodeTo} writes. */
    public int encodedLength(int templateIndex, long sequence) {
        Compiled template = templates[templateIndex];
        return template.fixed != null ? template.fixed.length : template.length(row(sequence), this);
    }

    /** Writes request {@code sequence} of a template into {@code target} at its position, advancing it. */
    public void encodeTo(int templateIndex, long sequence, ByteBuffer target) {
        Compiled template = templates[templateIndex];
        if (template.fixed != null) {
            target.put(template.fixed);
        } else {
            template.write(row(sequence), this, target);
        }
    }

    private int row(long sequence) {
        return (int) Math.floorMod(sequence, (long) raw.length);
    }

    private static Compiled compile(RequestTemplate request, Target target, String userAgent, List<String> columns,
                                    List<List<String>> rows) {
        if (!HttpSyntax.isToken(request.method())) {
            throw new IllegalArgumentException("not an HTTP method: " + request.method());
        }
        Segments head = new Segments(columns);
        head.path(request.method() + " ", false).path(request.path(), true).path(" HTTP/1.1\r\n", false);
        head.literal("Host: " + target.hostHeader() + "\r\n");
        boolean ownAgent = false;
        for (Header header : request.headers()) {
            if (HttpSyntax.isReserved(header.name()) || !HttpSyntax.isToken(header.name())) {
                throw new IllegalArgumentException("header " + header.name() + " cannot be sent by a template");
            }
            requireOneLine(header, columns, rows);
            ownAgent |= header.name().equalsIgnoreCase("User-Agent");
            head.literal(header.name() + ": ").text(header.value(), false).literal("\r\n");
        }
        if (!ownAgent) {
            head.literal("User-Agent: " + userAgent + "\r\n");
        }
        Segments body = new Segments(columns).text(request.body(), false);
        boolean contentLength = !request.body().isEmpty()
                || BODY_METHODS.contains(request.method().toUpperCase(Locale.ROOT));
        return Compiled.of(head.parts(), contentLength, body.parts());
    }

    /** A header that would end early (CR or LF, from its text or a variable) allows request smuggling: refused. */
    private static void requireOneLine(Header header, List<String> columns, List<List<String>> rows) {
        HttpSyntax.headerValueProblem(header.value()).ifPresent(problem -> {
            throw new IllegalArgumentException("header " + header.name() + " " + problem);
        });
        for (String column : Placeholders.columns(header.value())) {
            int index = columns.indexOf(column);
            for (List<String> row : rows) {
                if (index >= 0 && HttpSyntax.headerValueProblem(row.get(index)).isPresent()) {
                    throw new IllegalArgumentException("header " + header.name() + " takes ${" + column
                            + "}, which has a value with a line break");
                }
            }
        }
    }

    /**
     * One compiled template: segments are byte arrays (literal) or column indexes (negative: {@code -1 - column},
     * and {@code path} marks the ones substituted into the request line).
     */
    private record Compiled(byte[] fixed, Object[] head, boolean contentLength, Object[] body) {

        static Compiled of(List<Object> head, boolean contentLength, List<Object> body) {
            if (head.stream().allMatch(byte[].class::isInstance) && body.stream().allMatch(byte[].class::isInstance)) {
                Compiled literal = new Compiled(null, head.toArray(), contentLength, body.toArray());
                byte[] bytes = new byte[literal.length(0, null)];
                literal.write(0, null, ByteBuffer.wrap(bytes));
                return new Compiled(bytes, null, contentLength, null);
            }
            return new Compiled(null, head.toArray(), contentLength, body.toArray());
        }

        int length(int row, RequestEncoder values) {
            int bodyLength = length(body, row, values);
            int framing = contentLength ? CONTENT_LENGTH.length + digits(bodyLength) + CRLF.length : 0;
            return length(head, row, values) + framing + CRLF.length + bodyLength;
        }

        void write(int row, RequestEncoder values, ByteBuffer out) {
            write(head, row, values, out);
            if (contentLength) {
                out.put(CONTENT_LENGTH);
                writeDigits(length(body, row, values), out);
                out.put(CRLF);
            }
            out.put(CRLF);
            write(body, row, values, out);
        }

        private static int length(Object[] parts, int row, RequestEncoder values) {
            int length = 0;
            for (Object part : parts) {
                length += value(part, row, values).length;
            }
            return length;
        }

        private static void write(Object[] parts, int row, RequestEncoder values, ByteBuffer out) {
            for (Object part : parts) {
                out.put(value(part, row, values));
            }
        }

        private static byte[] value(Object part, int row, RequestEncoder values) {
            return switch (part) {
                case byte[] literal -> literal;
                case PathColumn column -> values.inPath[row][column.index()];
                case Integer column -> values.raw[row][column];
                default -> throw new IllegalStateException("unknown segment " + part);
            };
        }

        private static int digits(int value) {
            int digits = 1;
            for (int rest = value / 10; rest > 0; rest /= 10) {
                digits++;
            }
            return digits;
        }

        private static void writeDigits(int value, ByteBuffer out) {
            int digits = digits(value);
            int start = out.position();
            for (int i = digits - 1, rest = value; i >= 0; i--, rest /= 10) {
                out.put(start + i, (byte) ('0' + rest % 10));
            }
            out.position(start + digits);
        }
    }

    /** A column substituted into the request line (percent-encoded). */
    private record PathColumn(int index) {
    }

    /** Builds a template's segments, merging neighbouring literals. */
    private static final class Segments {
        private final List<String> columns;
        private final List<Object> parts = new ArrayList<>();
        private final StringBuilder pending = new StringBuilder();

        Segments(List<String> columns) {
            this.columns = columns;
        }

        Segments literal(String text) {
            pending.append(text);
            return this;
        }

        Segments path(String text, boolean variables) {
            return variables ? text(text, true) : literal(text);
        }

        /** Text with placeholders; values substituted {@code inPath} are percent-encoded. */
        Segments text(String text, boolean inPath) {
            for (Part part : Placeholders.split(text)) {
                switch (part) {
                    case Literal literal -> {
                        if (inPath && HttpSyntax.pathTextProblem(literal.text()).isPresent()) {
                            throw new IllegalArgumentException("cannot send path " + text);
                        }
                        pending.append(literal.text());
                    }
                    case Variable variable -> {
                        int index = columns.indexOf(variable.column());
                        if (index < 0) {
                            throw new IllegalArgumentException("no variable column " + variable.column());
                        }
                        flush();
                        parts.add(inPath ? new PathColumn(index) : index);
                    }
                }
            }
            return this;
        }

        List<Object> parts() {
            flush();
            return parts;
        }

        private void flush() {
            if (!pending.isEmpty()) {
                parts.add(pending.toString().getBytes(StandardCharsets.UTF_8));
                pending.setLength(0);
            }
        }
    }
}
