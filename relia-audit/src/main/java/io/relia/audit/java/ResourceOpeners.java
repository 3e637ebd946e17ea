package io.relia.audit.java;

import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.Type;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What opens a resource that its opener must close, for {@code java/resource-not-closed}: file, socket and zip
 * handles, JDBC connections and statements, the streams of {@code java.nio.file.Files} (a {@code Files.lines/list/walk}
 * stream holds an open file or directory until closed, says its Javadoc), a URLConnection's streams, Apache
 * HttpClients built on the spot, and the JDK decorators ({@code BufferedReader}, {@code GZIPInputStream}, ...) over
 * any of these: closing the decorator closes what it wraps, so the decorator is then the thing to close.
 */
final class ResourceOpeners {

    private static final Set<String> RESOURCES = Set.of("java.io.FileInputStream", "java.io.FileOutputStream",
            "java.io.FileReader", "java.io.FileWriter", "java.io.RandomAccessFile", "java.net.Socket",
            "java.net.ServerSocket", "java.util.zip.ZipFile", "java.util.jar.JarFile");
    /** JDK decorators whose close() closes the stream they wrap, by package. */
    private static final Map<String, Set<String>> WRAPPERS = Map.of(
            "java.io", Set.of("BufferedReader", "InputStreamReader", "BufferedInputStream", "DataInputStream",
                    "ObjectInputStream", "LineNumberReader", "PushbackInputStream", "PushbackReader",
                    "BufferedWriter", "OutputStreamWriter", "PrintWriter", "PrintStream", "BufferedOutputStream",
                    "DataOutputStream", "ObjectOutputStream"),
            "java.util.zip", Set.of("GZIPInputStream", "InflaterInputStream", "ZipInputStream", "CheckedInputStream",
                    "GZIPOutputStream", "DeflaterOutputStream", "ZipOutputStream", "CheckedOutputStream"),
            "java.util.jar", Set.of("JarInputStream", "JarOutputStream"));
    private static final Set<String> JDBC_TYPES = Set.of("java.sql.Connection", "java.sql.Statement",
            "java.sql.PreparedStatement", "java.sql.CallableStatement");
    /** Not executeQuery: closing the statement closes its result set, and statements are checked themselves. */
    private static final Set<String> JDBC_OPENERS = Set.of("prepareStatement", "createStatement", "prepareCall");
    /** {@code java.nio.file.Files} methods returning something that holds a file or directory open. */
    private static final Set<String> FILES_OPENERS = Set.of("newInputStream", "newOutputStream", "newBufferedReader",
            "newBufferedWriter", "lines", "list", "walk", "find", "newDirectoryStream", "newByteChannel");
    private static final Set<String> CONNECTION_TYPES = Set.of("URLConnection", "HttpURLConnection",
            "HttpsURLConnection");
    private static final Set<String> CONNECTION_STREAMS = Set.of("getInputStream", "getErrorStream",
            "getOutputStream");
    /** Apache HttpClient 4 and 5: clients that own a connection pool and must be closed. */
    private static final Set<String> HTTP_CLIENT_FACTORIES = Set.of("createDefault", "createSystem",
            "createMinimal");
    private static final Set<String> HTTP_CLIENT_OWNERS = Set.of("org.apache.http.impl.client.HttpClients",
            "org.apache.hc.client5.http.impl.classic.HttpClients");
    private static final Set<String> HTTP_CLIENT_BUILDERS = Set.of("org.apache.http.impl.client.HttpClientBuilder",
            "org.apache.hc.client5.http.impl.classic.HttpClientBuilder");

    /**
     * Apache HttpClient responses: until closed (or their entity consumed) each holds its pooled connection, and the
     * pool runs dry ("Ensure the response is closed", HttpClient tutorial, 1.1.5).
     */
    private static final Set<String> HTTP_RESPONSES = Set.of("org.apache.http.client.methods.CloseableHttpResponse",
            "org.apache.hc.client5.http.impl.classic.CloseableHttpResponse", "?CloseableHttpResponse");

    private ResourceOpeners() {
    }

    /**
     * "HTTP response" when {@code value} executes a request into a local declared as an Apache
     * {@code CloseableHttpResponse}; the declared type says which execute() this is, without a symbol solver.
     */
    static Optional<String> response(SourceFile file, Type declared, Expression value) {
        return value instanceof MethodCallExpr call && call.getNameAsString().equals("execute")
                && HTTP_RESPONSES.contains(file.resolve(declared)) ? Optional.of("HTTP response") : Optional.empty();
    }

    /**
     * What {@code expression} opens, for a message ("FileInputStream", "BufferedReader over a URLConnection
     * stream"); empty when it opens nothing this check knows or wraps a stream it did not open (a parameter).
     */
    static Optional<String> opens(SourceFile file, Expression expression) {
        Expression bare = expression;
        while (bare instanceof EnclosedExpr enclosed) {
            bare = enclosed.getInner();
        }
        if (bare instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isEmpty()) {
            String type = file.resolve(creation.getType());
            if (RESOURCES.contains(type)) {
                return Optional.of(creation.getType().getNameAsString());
            }
            if (isWrapper(file, creation)) {
                return creation.getArguments().stream().findFirst().flatMap(inner -> opens(file, inner))
                        .map(inner -> creation.getType().getNameAsString() + " over " + article(inner));
            }
            return Optional.empty();
        }
        if (bare instanceof MethodCallExpr call && call.getScope().isPresent()) {
            return openedBy(file, call);
        }
        return Optional.empty();
    }

    /** True when {@code creation} is a JDK decorator whose close() closes its first argument. */
    static boolean isWrapper(SourceFile file, ObjectCreationExpr creation) {
        String written = creation.getType().getNameAsString();
        String type = file.resolve(creation.getType());
        return WRAPPERS.entrySet().stream().anyMatch(entry -> entry.getValue().contains(written)
                && (type.equals(entry.getKey() + "." + written) || type.equals("?" + written)));
    }

    private static Optional<String> openedBy(SourceFile file, MethodCallExpr call) {
        String name = call.getNameAsString();
        Expression scope = call.getScope().orElseThrow();
        if (name.equals("getConnection") && file.isClass(call.getScope(), "java.sql.DriverManager")) {
            return Optional.of("JDBC connection");
        }
        if (JDBC_OPENERS.contains(name) && file.typeOf(scope).filter(JDBC_TYPES::contains).isPresent()) {
            return Optional.of("JDBC statement");
        }
        if (FILES_OPENERS.contains(name) && scope instanceof NameExpr owner && owner.getNameAsString().equals("Files")
                && Set.of("java.nio.file.Files", "?Files").contains(file.resolve("Files"))) {
            return Optional.of("Files." + name + "(...)");
        }
        if (CONNECTION_STREAMS.contains(name) && file.typeOf(scope).map(ResourceOpeners::simpleName)
                .filter(CONNECTION_TYPES::contains).isPresent()) {
            return Optional.of("URLConnection stream");
        }
        if (name.equals("openStream") && file.typeOf(scope).filter("java.net.URL"::equals).isPresent()) {
            return Optional.of("URL stream");
        }
        if (HTTP_CLIENT_FACTORIES.contains(name) && HTTP_CLIENT_OWNERS.stream()
                .anyMatch(owner -> file.isClass(call.getScope(), owner))) {
            return Optional.of("HttpClient");
        }
        if (name.equals("build") && (HTTP_CLIENT_OWNERS.stream().anyMatch(owner ->
                file.chainStartsAt(call, owner, Set.of("custom")))
                || HTTP_CLIENT_BUILDERS.stream()
                        .anyMatch(owner -> file.chainStartsAt(call, owner, Set.of("create"))))) {
            return Optional.of("HttpClient");
        }
        return Optional.empty();
    }

    /**
     * What decorator {@code creation} opens when its first argument is a stream already known to be {@code inner}
     * (a local re-wrapped in place: {@code in = new GZIPInputStream(in)}); empty when it is no JDK decorator.
     */
    static Optional<String> over(SourceFile file, ObjectCreationExpr creation, String inner) {
        return isWrapper(file, creation) ? Optional.of(creation.getType().getNameAsString() + " over " + article(inner))
                : Optional.empty();
    }

    /**
     * True when {@code creation} is a decorator whose constructor reads from the stream it wraps and so throws on
     * bad input: GZIPInputStream reads the GZIP header ("ZipException - if a GZIP format error has occurred"),
     * ObjectInputStream the serialization header ("StreamCorruptedException"), per their JDK Javadoc. When it throws,
     * nothing holds the wrapped stream but the caller.
     */
    static boolean readsOnConstruction(SourceFile file, ObjectCreationExpr creation) {
        String written = creation.getType().getNameAsString();
        return Set.of("GZIPInputStream", "ObjectInputStream").contains(written) && isWrapper(file, creation);
    }

    /** True for a URLConnection's stream: it is judged only once wrapped or kept, see ResourceCheck. */
    static boolean isConnectionStream(String opened) {
        return opened.equals("URLConnection stream");
    }

    private static String simpleName(String type) {
        return type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('?')) + 1);
    }

    /** "a FileInputStream", or for nested decorators only the innermost stream: "a URLConnection stream". */
    private static String article(String opened) {
        String innermost = opened.substring(opened.lastIndexOf(" over ") + 1).replaceFirst("^over ", "");
        if (innermost.startsWith("a ") || innermost.startsWith("an ") || innermost.startsWith("Files.")) {
            return innermost;
        }
        return ("AEIOU".indexOf(innermost.charAt(0)) >= 0 ? "an " : "a ") + innermost;
    }
}
