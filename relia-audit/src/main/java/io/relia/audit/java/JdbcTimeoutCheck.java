package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code java/jdbc-no-timeout}: PostgreSQL/MySQL/MariaDB JDBC URLs without socketTimeout, setQueryTimeout(0). */
final class JdbcTimeoutCheck implements JavaCheck {

    private static final List<String> DRIVERS = List.of("jdbc:postgresql:", "jdbc:mysql:", "jdbc:mariadb:");
    private static final List<String> LIBRARIES = List.of("java.sql", "javax.sql", "com.zaxxer.hikari",
            "org.postgresql", "com.mysql", "org.mariadb");
    private static final Set<String> URL_SINKS = Set.of("getConnection", "setJdbcUrl", "setUrl", "setURL");
    private static final Set<String> STATEMENTS = Set.of("java.sql.Statement", "java.sql.PreparedStatement",
            "java.sql.CallableStatement");

    @Override
    public void check(SourceFile file) {
        if (file.unit().getImports().stream().noneMatch(i -> LIBRARIES.stream()
                .anyMatch(i.getNameAsString()::startsWith))) {
            return;
        }
        boolean socketTimeoutSet = false;
        for (StringLiteralExpr literal : file.all(StringLiteralExpr.class)) {
            socketTimeoutSet |= literal.getValue().equalsIgnoreCase("socketTimeout");
        }
        List<MethodCallExpr> calls = file.all(MethodCallExpr.class);
        socketTimeoutSet |= calls.stream().anyMatch(call -> call.getNameAsString().equals("setSocketTimeout"));
        Map<Node, Boolean> reported = new IdentityHashMap<>();
        for (MethodCallExpr call : calls) {
            String name = call.getNameAsString();
            if (name.equals("setQueryTimeout")) {
                queryTimeout(file, call);
            } else if (!socketTimeoutSet && URL_SINKS.contains(name) && !call.getArguments().isEmpty()
                    && (!name.equals("getConnection") || file.isClass(call.getScope(), "java.sql.DriverManager"))) {
                jdbcUrl(call.getArgument(0)).filter(url -> reported.put(url, true) == null).ifPresent(url ->
                        file.report(JavaRules.JDBC_NO_TIMEOUT, url, driver(url) + " JDBC URL without "
                                + "socketTimeout: the driver's default 0 waits forever for a dead connection or a "
                                + "stuck query", "append ?socketTimeout=30 (seconds for PostgreSQL, ms for "
                                + "MySQL/MariaDB), or set the socketTimeout data source property"));
            }
        }
    }

    private static void queryTimeout(SourceFile file, MethodCallExpr call) {
        if (call.getArguments().size() == 1 && call.getArgument(0) instanceof IntegerLiteralExpr seconds
                && seconds.asNumber().longValue() == 0 && call.getScope().isPresent()
                && file.typeOf(call.getScope().get()).filter(STATEMENTS::contains).isPresent()) {
            file.report(JavaRules.JDBC_NO_TIMEOUT, call, "setQueryTimeout(0) removes the limit: the statement "
                    + "may run forever", "set a finite query timeout in seconds, e.g. setQueryTimeout(30)");
        }
    }

    /** The URL expression to report when {@code argument} is, or names a constant holding, a matching JDBC URL. */
    private static Optional<Expression> jdbcUrl(Expression argument) {
        Expression url = argument;
        if (argument instanceof NameExpr name) {
            url = Declaration.of(name).flatMap(Declaration::initializer).orElse(null);
        }
        if (url instanceof StringLiteralExpr literal) {
            return matches(literal.getValue(), literal.getValue()) ? Optional.of(url) : Optional.empty();
        }
        // "jdbc:postgresql://" + host + "/orders": judged only when the parameters would be in a visible literal
        if (url instanceof BinaryExpr concatenation && concatenation.getOperator() == BinaryExpr.Operator.PLUS
                && concatenation.getRight() instanceof StringLiteralExpr) {
            Expression first = concatenation;
            while (first instanceof BinaryExpr binary) {
                first = binary.getLeft();
            }
            StringBuilder literals = new StringBuilder();
            concatenation.findAll(StringLiteralExpr.class).forEach(part -> literals.append(part.getValue()));
            if (first instanceof StringLiteralExpr start && matches(start.getValue(), literals.toString())) {
                return Optional.of(url);
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String start, String whole) {
        String lower = start.toLowerCase(Locale.ROOT);
        return DRIVERS.stream().anyMatch(lower::startsWith)
                && !whole.toLowerCase(Locale.ROOT).contains("sockettimeout=");
    }

    private static String driver(Expression url) {
        String text = url.toString().toLowerCase(Locale.ROOT);
        return text.contains("jdbc:postgresql:") ? "PostgreSQL" : text.contains("jdbc:mysql:") ? "MySQL" : "MariaDB";
    }
}
