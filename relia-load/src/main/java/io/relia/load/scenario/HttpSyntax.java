package io.relia.load.scenario;

import io.relia.core.Location;
import io.relia.core.Problem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The HTTP/1.1 syntax rules requests are checked against at load time (RFC 9110, RFC 9112). */
final class HttpSyntax {

    /** Headers the client writes itself; letting users set them would allow request smuggling or broken framing. */
    static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "transfer-encoding", "connection");

    private static final String TCHAR = "!#$%&'*+-.^_`|~";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HttpSyntax() {
    }

    /** A token (RFC 9110 section 5.6.2): methods and header names. */
    static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alnum = c < 128 && Character.isLetterOrDigit(c);
            if (!alnum && TCHAR.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Why a header value cannot be sent, if it cannot: CR, LF or NUL would end the header (smuggling). */
    static Optional<String> headerValueProblem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                return Optional.of("holds a " + (c == 0 ? "NUL" : c == '\r' ? "carriage return" : "line feed"));
            }
        }
        return Optional.empty();
    }

    /** Why literal path text cannot go into a request line, if it cannot. */
    static Optional<String> pathTextProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return Optional.of("holds a space or control character at position " + (i + 1));
            }
            if (c == '#') {
                return Optional.of("holds a fragment (#...), which is never sent to a server");
            }
        }
        return Optional.empty();
    }

    /**
     * What is wrong with a header a user gave, as problems to locate: not a token, set by the client itself, or a
     * value that would end the header early.
     *
     * @param subject how messages name the header ({@code "requests[0].headers.X-Id"})
     */
    static List<Problem> headerProblems(Location at, String subject, String name, String value) {
        List<Problem> problems = new ArrayList<>();
        if (!isToken(name)) {
            problems.add(Problem.error(at, subject + " is not a header name",
                    "a token such as Content-Type or X-Request-Id", ""));
        } else if (isReserved(name)) {
            problems.add(Problem.error(at, subject + " is set by relia itself", "other headers",
                    "Host comes from the target, Content-Length from the body; connections are always kept alive"));
        }
        headerValueProblem(value).ifPresent(problem -> problems.add(Problem.error(at, subject + " " + problem,
                "a one-line value", "a line break would end the header (request smuggling)")));
        return problems;
    }

    static boolean isReserved(String headerName) {
        return RESERVED_HEADERS.contains(headerName.toLowerCase(Locale.ROOT));
    }

    /**
     * A variable's value made safe for a request line: UTF-8, with spaces, controls, non-ASCII and the characters
     * RFC 3986 never allows in a path or query ({@code " # < > \ ^ ` { | }}) percent-encoded. Everything else is
     * kept, so values may carry their own {@code &}, {@code =} and already-encoded {@code %XX}.
     */
    static String encodePathValue(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= ' ' || c >= 0x7f || "\"#<>\\^`{|}".indexOf(c) >= 0) {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
