package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import io.relia.audit.AuditContext;
import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.Problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code java/jdbc-no-timeout}: a JDBC URL of a driver in {@link JdbcDrivers} that reaches a connection or a pool
 * without the connect/socket timeouts whose driver default is infinite, written as a literal, a constant, or built
 * by concatenation in code ({@code "jdbc:mysql://" + host + "/" + db}, with {@code url += "?..."} appends); the
 * default URL of a configuration bean's field ({@code private String url = "jdbc:mysql://..."} with a setter, or in a
 * {@code @ConfigurationProperties} class); a URL in the service's configuration files ({@link JdbcConfigUrls}); and
 * {@code setQueryTimeout(0)}. A timeout property the file sets anywhere (a Properties key, a data source setter,
 * setConnectionProperties) counts as set for every URL of the file: which connection it reaches is not traced; one
 * set in any main source counts for the URLs of configuration files.
 */
final class JdbcTimeoutCheck implements ProjectCheck {

    /** {@code TIMEOUT_SET + "name=;"}: a JDBC timeout property this file sets (a key, a setter). */
    static final String TIMEOUT_SET = "jdbc.timeout|";
    /** A {@code DriverManager.getConnection(url)} whose URL the sources do not show (a field, a parameter). */
    static final String UNKNOWN_URL = "jdbc.unknown-url";
    /** A MySQL URL or Connector/J driver class named in a source. */
    static final String MYSQL_NAMED = "jdbc.mysql";
    /** A MySQL URL literal that sets a timeout, wherever it is (a helper that formats the URL). */
    static final String MYSQL_URL_TIMEOUT = "jdbc.mysql-timeout";
    private static final Set<String> MYSQL_DRIVERS = Set.of("com.mysql.jdbc.Driver", "com.mysql.cj.jdbc.Driver");

    private static final List<String> LIBRARIES = List.of("java.sql", "javax.sql", "com.zaxxer.hikari",
            "org.postgresql", "com.mysql", "org.mariadb", "org.apache.tomcat.jdbc", "org.apache.commons.dbcp",
            "com.alibaba.druid", "com.mchange.v2.c3p0", "oracle.jdbc", "com.microsoft.sqlserver");
    private static final Set<String> URL_SINKS = Set.of("getConnection", "setJdbcUrl", "setUrl", "setURL",
            "connect", "getDriver");
    /**
     * Data source setters that set a timeout property, by the property they set (PGSimpleDataSource, MysqlDataSource,
     * MariaDbDataSource and SQLServerDataSource name them after their URL properties).
     */
    private static final Map<String, String> SETTERS = Map.of("setSocketTimeout", "sockettimeout",
            "setConnectTimeout", "connecttimeout", "setLoginTimeout", "logintimeout");
    private static final Set<String> STATEMENTS = Set.of("java.sql.Statement", "java.sql.PreparedStatement",
            "java.sql.CallableStatement");
    /** Parts of a concatenated URL whose name says they carry the query string. */
    private static final List<String> PARAMETER_PARTS = List.of("param", "option", "propert", "extra", "query", "args",
            "suffix", "settings");

    @Override
    public void check(SourceFile file) {
        for (StringLiteralExpr literal : file.all(StringLiteralExpr.class)) {
            String value = literal.getValue();
            if (MYSQL_DRIVERS.contains(value) || value.startsWith("jdbc:mysql:")) {
                // A URL template with a timeout ("jdbc:mysql://%s/%s?socketTimeout=%s") shows the project sets one.
                file.fact(value.toLowerCase(Locale.ROOT).contains("timeout=") ? MYSQL_URL_TIMEOUT : MYSQL_NAMED,
                        literal);
            }
        }
        if (file.unit().getImports().stream().noneMatch(i -> LIBRARIES.stream()
                .anyMatch(i.getNameAsString()::startsWith))) {
            // A properties bean holds its default URL without importing anything of JDBC.
            configurationDefaults(file, ";", new IdentityHashMap<>());
            return;
        }
        List<MethodCallExpr> calls = file.all(MethodCallExpr.class);
        StringBuilder fileSettings = new StringBuilder(";");
        for (StringLiteralExpr literal : file.all(StringLiteralExpr.class)) {
            String setting = JdbcDrivers.settingIn(literal.getValue());
            fileSettings.append(setting);
            if (!setting.isEmpty()) {
                file.fact(TIMEOUT_SET + setting, literal);
            }
        }
        for (MethodCallExpr call : calls) {
            Optional.ofNullable(SETTERS.get(call.getNameAsString())).ifPresent(setting -> {
                fileSettings.append(setting).append("=;");
                file.fact(TIMEOUT_SET + setting + "=;", call);
            });
        }
        Map<Node, Boolean> reported = new IdentityHashMap<>();
        for (MethodCallExpr call : calls) {
            String name = call.getNameAsString();
            if (name.equals("setQueryTimeout")) {
                queryTimeout(file, call);
            } else if (URL_SINKS.contains(name) && !call.getArguments().isEmpty() && isSink(file, call)) {
                boolean direct = !name.startsWith("set");
                jdbcUrl(call.getArgument(0), fileSettings.toString(), direct)
                        .filter(url -> reported.put(url.at(), true) == null)
                        .ifPresent(url -> report(file, url));
                if (name.equals("getConnection") && !written(call.getArgument(0))) {
                    file.fact(UNKNOWN_URL, call);
                }
            }
        }
        configurationDefaults(file, fileSettings.toString(), reported);
    }

    /**
     * The default URL of a configuration bean: an instance field initialised with a JDBC URL in a class that lets it
     * be set (a setter of that field, or {@code @ConfigurationProperties}). Unless configured otherwise, it is the
     * URL production connects with (tcc-transaction's store and recovery properties).
     */
    private static void configurationDefaults(SourceFile file, String fileSettings, Map<Node, Boolean> reported) {
        for (FieldDeclaration field : file.all(FieldDeclaration.class)) {
            if (field.isStatic()
                    || !(field.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration owner)) {
                continue;
            }
            boolean bound = owner.getAnnotationByName("ConfigurationProperties").isPresent();
            for (VariableDeclarator variable : field.getVariables()) {
                if (variable.getInitializer().orElse(null) instanceof StringLiteralExpr literal
                        && (bound || hasSetter(owner, variable.getNameAsString()))) {
                    judged(literal, literal.getValue(), literal.getValue() + fileSettings, false)
                            .filter(url -> reported.put(url.at(), true) == null)
                            .ifPresent(url -> report(file, url));
                }
            }
        }
    }

    private static boolean hasSetter(ClassOrInterfaceDeclaration owner, String field) {
        String setter = "set" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
        return !owner.getMethodsByName(setter).stream().filter(method -> method.getParameters().size() == 1)
                .toList().isEmpty();
    }

    @Override
    public void finish(AuditContext context, ProjectFacts facts) {
        if (!context.enabled(JavaRules.JDBC_NO_TIMEOUT.id())) {
            return;
        }
        Path root = context.root();
        StringBuilder elsewhere = new StringBuilder(";");
        facts.keysStartingWith(TIMEOUT_SET).stream().filter(key -> !facts.inMainCode(root, key).isEmpty())
                .forEach(key -> elsewhere.append(key.substring(TIMEOUT_SET.length())));
        ServiceFiles files = facts.serviceFiles(context);
        if (elsewhere.length() == 1 && facts.inMainCode(root, MYSQL_URL_TIMEOUT).isEmpty()
                && (!facts.inMainCode(root, MYSQL_NAMED).isEmpty() || files.builds().stream()
                .anyMatch(build -> build.lines().stream().anyMatch(line -> line.contains("mysql-connector"))))) {
            unknownUrls(context, facts);
        }
        for (Path unreadable : files.unreadable()) {
            context.problem(Problem.warning(Location.wholeFile(unreadable), "cannot read this file (or it is not "
                    + "UTF-8): JDBC URLs in it were not checked"));
        }
        for (JdbcConfigUrls.Missing url : JdbcConfigUrls.find(root, files.configurations(), elsewhere.toString())) {
            context.report(new Finding(JavaRules.JDBC_NO_TIMEOUT.id(), JavaRules.JDBC_NO_TIMEOUT.severity(),
                    url.driver().name() + " JDBC URL" + (url.key().isEmpty() ? "" : " (" + url.key() + ")")
                            + " in configuration without " + String.join(" or ", url.missing())
                            + ": the driver's default waits forever for a dead connection or a stuck query",
                    url.at(), "append " + url.driver().example() + " to the URL, or set it in the pool's "
                    + "connection properties"));
        }
    }

    /**
     * DriverManager connections to URLs the sources do not show, in a project that ships or names MySQL Connector/J
     * (a build dependency, a driver class, a {@code jdbc:mysql:} URL) and sets no JDBC timeout anywhere in its main
     * code (no {@code DriverManager.setLoginTimeout}, no timeout key or setter): Connector/J's connectTimeout and
     * socketTimeout default to 0, no limit (https://dev.mysql.com/doc/connector-j/en/
     * connector-j-connp-props-networking.html). Other drivers are left alone: pgjdbc bounds the connect (10 s),
     * Phoenix and the embedded databases have timeouts of their own or no network. A URL written in the call is
     * judged by {@link JdbcDrivers} instead.
     */
    private static void unknownUrls(AuditContext context, ProjectFacts facts) {
        for (Location at : facts.inMainCode(context.root(), UNKNOWN_URL)) {
            context.report(new Finding(JavaRules.JDBC_NO_TIMEOUT.id(), JavaRules.JDBC_NO_TIMEOUT.severity(),
                    "DriverManager.getConnection to a URL known only at run time, in a project that uses MySQL "
                            + "Connector/J and sets no JDBC timeout anywhere (no DriverManager.setLoginTimeout, no "
                            + "connectTimeout or socketTimeout): the driver's defaults wait forever for an "
                            + "unreachable or dead database", at,
                    "call DriverManager.setLoginTimeout before connecting and Connection.setNetworkTimeout after, "
                            + "or require connectTimeout/socketTimeout in the configured URL"));
        }
    }

    /** True when the URL is written in the code: a literal, a constant or local holding one, a concatenation. */
    private static boolean written(Expression argument) {
        Expression url = argument;
        for (int hop = 0; hop < 3 && url instanceof NameExpr name; hop++) {
            url = Declaration.of(name).flatMap(Declaration::initializer).orElse(null);
        }
        return url instanceof StringLiteralExpr || url instanceof BinaryExpr;
    }

    /** DriverManager.getConnection/getDriver, Driver.connect, and the URL setters of pools and data sources. */
    private static boolean isSink(SourceFile file, MethodCallExpr call) {
        String name = call.getNameAsString();
        if (name.equals("getConnection") || name.equals("getDriver")) {
            return file.isClass(call.getScope(), "java.sql.DriverManager");
        }
        if (name.equals("connect")) {
            return call.getArguments().size() == 2;
        }
        return true;
    }

    private static void report(SourceFile file, JdbcUrl url) {
        boolean connect = url.missing().contains(url.driver().connectNames().get(0));
        boolean read = url.missing().contains(url.driver().readNames().get(0));
        String waits = (connect ? "an unreachable server" : "") + (connect && read ? " and " : "")
                + (read ? "a dead connection or a stuck query" : "");
        file.report(JavaRules.JDBC_NO_TIMEOUT, url.at(), url.driver().name() + " JDBC URL without "
                + String.join(" or ", url.missing()) + ": the driver's default waits forever for " + waits,
                "append " + url.driver().example() + ", or set the properties on the data source");
    }

    private static void queryTimeout(SourceFile file, MethodCallExpr call) {
        if (call.getArguments().size() == 1 && call.getArgument(0) instanceof IntegerLiteralExpr seconds
                && seconds.asNumber().longValue() == 0 && call.getScope().isPresent()
                && file.typeOf(call.getScope().get()).filter(STATEMENTS::contains).isPresent()) {
            file.report(JavaRules.JDBC_NO_TIMEOUT, call, "setQueryTimeout(0) removes the limit: the statement "
                    + "may run forever", "set a finite query timeout in seconds, e.g. setQueryTimeout(30)");
        }
    }

    /** A URL to report: where, for which driver, and the timeouts it lacks. */
    private record JdbcUrl(Expression at, JdbcDrivers.Driver driver, List<String> missing) {
    }

    /** The URL {@code argument} is, or names a variable or constant holding, when it lacks a needed timeout. */
    private static Optional<JdbcUrl> jdbcUrl(Expression argument, String fileSettings, boolean direct) {
        Expression url = argument;
        StringBuilder appended = new StringBuilder();
        if (argument instanceof NameExpr name) {
            url = Declaration.of(name).flatMap(Declaration::initializer).orElse(null);
            if (!appends(name, appended)) {
                return Optional.empty();
            }
        }
        if (url instanceof StringLiteralExpr literal) {
            return judged(url, literal.getValue(), literal.getValue() + appended + fileSettings, direct);
        }
        if (url instanceof BinaryExpr concatenation && concatenation.getOperator() == BinaryExpr.Operator.PLUS) {
            Expression first = concatenation;
            while (first instanceof BinaryExpr binary) {
                first = binary.getLeft();
            }
            StringBuilder literals = new StringBuilder();
            concatenation.findAll(StringLiteralExpr.class).forEach(part -> literals.append(part.getValue()));
            if (first instanceof StringLiteralExpr start && !parametersFromElsewhere(concatenation)) {
                return judged(url, start.getValue(), literals.toString() + appended + fileSettings, direct);
            }
        }
        return Optional.empty();
    }

    private static Optional<JdbcUrl> judged(Expression at, String start, String whole, boolean direct) {
        return JdbcDrivers.of(start).map(driver -> new JdbcUrl(at, driver, driver.missing(whole, direct)))
                .filter(url -> !url.missing().isEmpty());
    }

    /**
     * Collects the literals appended to the local {@code name} with {@code +=} in its method; false when something
     * else is assigned or appended (the parameters may come from there).
     */
    private static boolean appends(NameExpr name, StringBuilder appended) {
        Optional<MethodDeclaration> method = SourceFile.ancestor(name, MethodDeclaration.class);
        if (method.isEmpty()) {
            return true;
        }
        for (AssignExpr assign : method.get().findAll(AssignExpr.class, a -> a.getTarget() instanceof NameExpr target
                && target.getNameAsString().equals(name.getNameAsString()))) {
            if (assign.getOperator() != AssignExpr.Operator.PLUS || parametersFromElsewhere(assign.getValue())) {
                return false;
            }
            assign.getValue().findAll(StringLiteralExpr.class).forEach(part -> appended.append(part.getValue()));
        }
        return true;
    }

    /** True when a non-literal part follows a '?' or '&', or is named like a parameter string. */
    private static boolean parametersFromElsewhere(Expression expression) {
        boolean afterQuery = false;
        for (Node part : parts(expression)) {
            if (part instanceof StringLiteralExpr literal) {
                afterQuery |= literal.getValue().contains("?") || literal.getValue().contains("&");
            } else if (afterQuery || PARAMETER_PARTS.stream().anyMatch(part.toString().toLowerCase(Locale.ROOT)
                    ::contains)) {
                return true;
            }
        }
        return false;
    }

    /** The operands of a chain of {@code +}, left to right. */
    private static List<Expression> parts(Expression expression) {
        if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
            List<Expression> left = new ArrayList<>(parts(binary.getLeft()));
            left.addAll(parts(binary.getRight()));
            return left;
        }
        return List.of(expression);
    }
}
