package io.relia.audit.java;

import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import io.relia.audit.java.BuilderTrace.Outcome;
import io.relia.core.Severity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code java/http-client-no-timeout} and {@code java/http-request-no-timeout}. */
final class HttpTimeoutCheck implements JavaCheck {

    private static final String JDK_CLIENT = "java.net.http.HttpClient";
    private static final String JDK_REQUEST = "java.net.http.HttpRequest";
    private static final Set<String> APACHE_CLIENTS = Set.of("org.apache.http.impl.client.HttpClients",
            "org.apache.hc.client5.http.impl.classic.HttpClients");
    private static final Set<String> APACHE_BUILDERS = Set.of("org.apache.http.impl.client.HttpClientBuilder",
            "org.apache.hc.client5.http.impl.classic.HttpClientBuilder");
    private static final Set<String> APACHE_SETTINGS = Set.of("setDefaultRequestConfig", "setConnectionManager",
            "setDefaultConnectionConfig", "setDefaultSocketConfig");
    private static final Set<String> OKHTTP_TIMEOUTS = Set.of("connectTimeout", "readTimeout", "writeTimeout",
            "callTimeout");
    private static final Set<String> URL_CONNECTION_USES = Set.of("getInputStream", "getOutputStream", "connect",
            "getResponseCode", "getResponseMessage", "getContent", "getHeaderField", "getHeaderFields",
            "getErrorStream");
    /**
     * The uses above that exchange data with the server: connect() only opens the TCP connection, so a connection
     * that is only connected and disconnected (a reachability check) needs no read timeout.
     */
    private static final Set<String> URL_CONNECTION_READS = URL_CONNECTION_USES.stream()
            .filter(use -> !use.equals("connect")).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> BUILD = Set.of("build");
    /** Where an Apache client's timeouts can come from other than the builder's default RequestConfig. */
    private static final Set<String> MANAGER_TIMEOUTS = Set.of("setDefaultSocketConfig", "setSocketConfig",
            "setDefaultConnectionConfig", "setConnectionConfig", "setConfig", "setDefaultRequestConfig",
            "setSoTimeout", "setParams", "setSocketTimeout", "setConnectTimeout");
    private static final String HC4_CONFIG = "org.apache.http.client.config.RequestConfig";
    private static final String HC5_CONFIG = "org.apache.hc.client5.http.config.RequestConfig";
    private static final Set<String> HC5_ZERO_TIMEOUTS = Set.of("ZERO_MILLISECONDS", "DISABLED");
    /**
     * Apache HttpClient 4's legacy clients: their HttpParams leave http.socket.timeout and http.connection.timeout
     * unset, and "if this parameter is not set, read operations will not time out (infinite timeout)"
     * (CoreConnectionPNames, HttpClient 4.x Javadoc).
     */
    private static final Set<String> HC4_LEGACY_CLIENTS = Set.of("org.apache.http.impl.client.DefaultHttpClient",
            "org.apache.http.impl.client.ContentEncodingHttpClient");
    /** What sets an HttpClient 4 legacy client's timeouts through its params (or a request's config) in a file. */
    private static final Set<String> HC4_PARAM_SETTINGS = Set.of("setSoTimeout", "setConnectionTimeout",
            "setSocketTimeout", "setConnectTimeout");
    private static final Set<String> HC4_PARAM_NAMES = Set.of("SO_TIMEOUT", "CONNECTION_TIMEOUT",
            "http.socket.timeout", "http.connection.timeout");

    @Override
    public void check(SourceFile file) {
        boolean okhttp = file.unit().getImports().stream().anyMatch(i -> i.getNameAsString().startsWith("okhttp3"));
        for (MethodCallExpr call : file.all(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            switch (name) {
                case "newHttpClient" -> {
                    if (file.isClass(call.getScope(), JDK_CLIENT)) {
                        file.report(JavaRules.HTTP_CLIENT_NO_TIMEOUT, call, "HttpClient.newHttpClient() has no "
                                + "connect timeout (java.net.http sets none by default)",
                                "use HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()");
                    }
                }
                case "newBuilder" -> newBuilder(file, call);
                case "openConnection" -> openConnection(file, call);
                case "createDefault", "createSystem" -> {
                    if (APACHE_CLIENTS.stream().anyMatch(type -> file.isClass(call.getScope(), type))) {
                        file.report(JavaRules.HTTP_CLIENT_NO_TIMEOUT, call, "HttpClients." + name + "() sets no "
                                + "connect or response timeout (Apache HttpClient 4 waits forever by default)",
                                "build the client with setDefaultRequestConfig(RequestConfig with timeouts)");
                    }
                }
                case "create" -> apacheBuilder(file, call);
                case "custom" -> {
                    if (!requestConfig(file, call)) {
                        apacheBuilder(file, call);
                    }
                }
                case "setSocketTimeout", "setResponseTimeout" -> zeroRequestTimeout(file, call);
                default -> {
                    if (okhttp && OKHTTP_TIMEOUTS.contains(name) && disablesTimeout(call)) {
                        file.report(JavaRules.HTTP_CLIENT_NO_TIMEOUT, call.getName(), "OkHttp " + name
                                + " set to 0, which means no timeout",
                                "set a finite " + name + ", e.g. Duration.ofSeconds(5)");
                    }
                }
            }
        }
        for (ObjectCreationExpr creation : file.all(ObjectCreationExpr.class)) {
            legacyApacheClient(file, creation);
            if (creation.getArguments().isEmpty() && creation.getAnonymousClassBody().isEmpty()
                    && file.resolve(creation.getType()).equals("org.springframework.web.client.RestTemplate")
                    && BuilderTrace.of(file, creation, Set.of("setRequestFactory"), Set.of()) != Outcome.SET) {
                file.report(JavaRules.HTTP_CLIENT_NO_TIMEOUT, creation, "new RestTemplate() uses "
                        + "SimpleClientHttpRequestFactory, whose connect and read timeouts are infinite",
                        "build it with RestTemplateBuilder.connectTimeout(...).readTimeout(...) or a request "
                                + "factory with timeouts");
            }
        }
    }

    /**
     * {@code new DefaultHttpClient()} (or with a connection manager only): no HttpParams carry its timeouts, and the
     * file sets none on its params or requests ({@code HttpConnectionParams.setSoTimeout}, {@code SO_TIMEOUT}).
     */
    private static void legacyApacheClient(SourceFile file, ObjectCreationExpr creation) {
        if (creation.getAnonymousClassBody().isPresent() || creation.getArguments().size() > 1
                || !HC4_LEGACY_CLIENTS.contains(file.resolve(creation.getType()))
                || creation.getArguments().size() == 1 && !connectionManager(file, creation.getArgument(0))
                || legacyTimeoutsSet(file)) {
            return;
        }
        file.report(JavaRules.HTTP_CLIENT_NO_TIMEOUT, creation, "new " + creation.getType().getNameAsString()
                + "() without HttpParams: Apache HttpClient 4 leaves http.socket.timeout and "
                + "http.connection.timeout unset, so connects and reads wait forever",
                "pass HttpParams with HttpConnectionParams.setConnectionTimeout(...) and setSoTimeout(...), or "
                        + "build the client with HttpClients.custom().setDefaultRequestConfig(...)");
    }

    /** The one argument of a legacy client: a ClientConnectionManager, not HttpParams (told by type or name). */
    private static boolean connectionManager(SourceFile file, Expression argument) {
        Optional<String> type = file.typeOf(argument);
        if (type.isPresent()) {
            return type.get().endsWith("ConnectionManager");
        }
        return !argument.toString().toLowerCase(Locale.ROOT).contains("param");
    }

    private static boolean legacyTimeoutsSet(SourceFile file) {
        return file.all(MethodCallExpr.class).stream().anyMatch(call -> HC4_PARAM_SETTINGS.contains(
                call.getNameAsString()))
                || file.all(FieldAccessExpr.class).stream().anyMatch(f -> HC4_PARAM_NAMES.contains(f.getNameAsString()))
                || file.all(NameExpr.class).stream().anyMatch(n -> HC4_PARAM_NAMES.contains(n.getNameAsString()))
                || file.all(StringLiteralExpr.class).stream().anyMatch(s -> HC4_PARAM_NAMES.contains(s.getValue()));
    }

    private static void newBuilder(SourceFile file, MethodCallExpr call) {
        if (file.isClass(call.getScope(), JDK_CLIENT)
                && BuilderTrace.of(file, call, Set.of("connectTimeout"), BUILD) == Outcome.FINISHED_UNSET) {
            file.report(JavaRules.HTTP_CLIENT_NO_TIMEOUT, call, "HttpClient built without connectTimeout(...): "
                    + "connecting waits for the operating system's TCP timeout",
                    "add .connectTimeout(Duration.ofSeconds(2)) to the builder");
        } else if (file.isClass(call.getScope(), JDK_REQUEST) && call.getArguments().size() <= 1
                && BuilderTrace.of(file, call, Set.of("timeout"), BUILD) == Outcome.FINISHED_UNSET) {
            file.report(JavaRules.HTTP_REQUEST_NO_TIMEOUT, call, "HttpRequest built without timeout(...): "
                    + "java.net.http then waits for the response forever",
                    "add .timeout(Duration.ofSeconds(5)) to the request builder");
        }
    }

    private static void openConnection(SourceFile file, MethodCallExpr call) {
        if (!call.getArguments().isEmpty() || call.getScope().isEmpty()
                || !file.typeOf(call.getScope().get()).filter("java.net.URL"::equals).isPresent()) {
            return;
        }
        // A helper that only opens and returns the connection is followed into its callers in this file.
        // A connect timeout set after the connection connected has no effect: later hand-overs cannot set it in time.
        Outcome connect = BuilderTrace.traceUntilFinished(file, call, Set.of("setConnectTimeout"),
                URL_CONNECTION_USES).outcome();
        Outcome read = BuilderTrace.trace(file, call, Set.of("setReadTimeout"), URL_CONNECTION_READS, true).outcome();
        if (connect == Outcome.FINISHED_UNSET || read == Outcome.FINISHED_UNSET) {
            String missing = connect == Outcome.FINISHED_UNSET && read == Outcome.FINISHED_UNSET
                    ? "connect or read timeout" : connect == Outcome.FINISHED_UNSET ? "connect timeout"
                    : "read timeout";
            // Only the connect timeout missing: the kernel's SYN retries end the connect after about 2 minutes
            // (Linux tcp_syn_retries, Documentation/networking/ip-sysctl.rst), while a read without a timeout
            // waits forever, so that case is reported at Low.
            Severity severity = read == Outcome.FINISHED_UNSET ? JavaRules.HTTP_CLIENT_NO_TIMEOUT.severity()
                    : Severity.LOW;
            file.report(JavaRules.HTTP_CLIENT_NO_TIMEOUT, severity, call, "URL connection used without a " + missing
                    + " (the default 0 means infinite" + (read == Outcome.FINISHED_UNSET ? ")"
                    : "; the kernel ends an unanswered connect after about 2 minutes)"),
                    "call setConnectTimeout(...) and setReadTimeout(...) before connecting");
        }
    }

    private static void apacheBuilder(SourceFile file, MethodCallExpr call) {
        boolean builder = call.getNameAsString().equals("create")
                ? APACHE_BUILDERS.stream().anyMatch(type -> file.isClass(call.getScope(), type))
                : APACHE_CLIENTS.stream().anyMatch(type -> file.isClass(call.getScope(), type));
        if (!builder) {
            return;
        }
        BuilderTrace.Traced traced = BuilderTrace.trace(file, call, APACHE_SETTINGS, BUILD, false);
        if (traced.outcome() == Outcome.FINISHED_UNSET) {
            file.report(JavaRules.HTTP_CLIENT_NO_TIMEOUT, call, "Apache HttpClient built without a RequestConfig "
                    + "or connection manager: connect and socket timeouts stay undefined (infinite in 4.x)",
                    "setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(...)"
                            + ".setResponseTimeout(...).build())");
        } else if (traced.called().stream().filter(APACHE_SETTINGS::contains).toList()
                .equals(List.of("setConnectionManager")) && bareConnectionManager(file, call)) {
            file.report(JavaRules.HTTP_CLIENT_NO_TIMEOUT, call, "Apache HttpClient built with a connection manager "
                    + "of this file that sets no socket config, and no RequestConfig: connect and socket timeouts "
                    + "stay undefined (infinite in 4.x)", "setDefaultRequestConfig(RequestConfig.custom()"
                    + ".setConnectTimeout(...).setResponseTimeout(...).build())");
        }
    }

    /**
     * The builder's connection manager is one this file creates (a field or local, not a parameter) and the file
     * configures no socket or connection timeouts anywhere, nor a RequestConfig for its requests: the manager then
     * carries no timeout either (eventmesh's push client pool). A manager handed in from outside may carry one.
     */
    private static boolean bareConnectionManager(SourceFile file, MethodCallExpr start) {
        boolean timeoutsSomewhere = file.all(MethodCallExpr.class).stream()
                .anyMatch(c -> MANAGER_TIMEOUTS.contains(c.getNameAsString()));
        if (timeoutsSomewhere) {
            return false;
        }
        Expression current = start;
        while (current.getParentNode().orElse(null) instanceof MethodCallExpr next
                && next.getScope().orElse(null) == current) {
            if (next.getNameAsString().equals("setConnectionManager") && next.getArguments().size() == 1) {
                return createdHere(next.getArgument(0));
            }
            current = next;
        }
        return false;
    }

    private static boolean createdHere(Expression manager) {
        Optional<Declaration> declaration = manager instanceof NameExpr name ? Declaration.of(name)
                : manager instanceof FieldAccessExpr access && access.getScope().isThisExpr()
                ? Declaration.field(access, access.getNameAsString()) : Optional.empty();
        return declaration.filter(d -> d.node() instanceof VariableDeclarator)
                .filter(d -> d.type().asString().endsWith("ConnectionManager")).isPresent();
    }

    /** {@code RequestConfig.custom()...build()} without the timeout that bounds waiting for the response. */
    private static boolean requestConfig(SourceFile file, MethodCallExpr call) {
        boolean hc4 = file.isClass(call.getScope(), HC4_CONFIG);
        if (!hc4 && !file.isClass(call.getScope(), HC5_CONFIG)) {
            return false;
        }
        String setting = hc4 ? "setSocketTimeout" : "setResponseTimeout";
        // A socket timeout set on the connection manager (SocketConfig/ConnectionConfig) is the fallback.
        boolean socketDefault = file.all(MethodCallExpr.class).stream().anyMatch(c -> c.getNameAsString()
                .equals("setSoTimeout") || !hc4 && c.getNameAsString().equals("setSocketTimeout"));
        if (!socketDefault && BuilderTrace.of(file, call, Set.of(setting), BUILD) == Outcome.FINISHED_UNSET) {
            file.report(JavaRules.HTTP_CLIENT_NO_TIMEOUT, call, hc4
                    ? "RequestConfig built without setSocketTimeout(...): HttpClient 4 then uses the socket "
                            + "default, infinite, and waits for a response forever"
                    : "RequestConfig built without setResponseTimeout(...) and no socket timeout on the connection "
                            + "manager: HttpClient 5 waits for a response forever",
                    "add ." + setting + "(" + (hc4 ? "5_000" : "Timeout.ofSeconds(5)") + ") to the RequestConfig");
        }
        return true;
    }

    /** {@code setSocketTimeout(0)} (HC4) or {@code setResponseTimeout(Timeout.DISABLED)} (HC5): no limit. */
    private static void zeroRequestTimeout(SourceFile file, MethodCallExpr call) {
        boolean hc4 = call.getNameAsString().equals("setSocketTimeout");
        List<Expression> args = call.getArguments();
        boolean zero = hc4 ? args.size() == 1 && isZero(args.get(0))
                : args.size() == 2 && isZero(args.get(0)) || args.size() == 1 && isZeroTimeout(args.get(0));
        if (zero && file.chainStartsAt(call, hc4 ? HC4_CONFIG : HC5_CONFIG, Set.of("custom", "copy"))) {
            file.report(JavaRules.HTTP_CLIENT_NO_TIMEOUT, call.getName(), call.getNameAsString() + " set to zero, "
                    + "which Apache HttpClient reads as infinite: the call waits for a response forever",
                    "set a finite timeout, e.g. " + (hc4 ? "5_000 ms" : "Timeout.ofSeconds(5)"));
        }
    }

    private static boolean isZero(Expression amount) {
        return amount instanceof IntegerLiteralExpr integer && integer.asNumber().longValue() == 0
                || amount instanceof LongLiteralExpr longValue && longValue.asNumber().longValue() == 0;
    }

    private static boolean isZeroTimeout(Expression timeout) {
        if (timeout instanceof FieldAccessExpr field) {
            return HC5_ZERO_TIMEOUTS.contains(field.getNameAsString())
                    && field.getScope().toString().endsWith("Timeout");
        }
        return timeout instanceof MethodCallExpr factory && factory.getNameAsString().startsWith("of")
                && factory.getArguments().size() == 1 && isZero(factory.getArgument(0))
                && factory.getScope().filter(scope -> scope.toString().endsWith("Timeout")).isPresent();
    }

    private static boolean disablesTimeout(MethodCallExpr call) {
        if (call.getArguments().size() == 2) {
            return isZero(call.getArgument(0));
        }
        return call.getArguments().size() == 1 && call.getArgument(0) instanceof FieldAccessExpr field
                && field.getNameAsString().equals("ZERO") && field.getScope().toString().endsWith("Duration");
    }
}
