package io.relia.audit.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;

import java.util.List;
import java.util.Set;

/**
 * {@code java/redis-no-timeout}: Jedis and Lettuce clients configured with an explicit timeout of zero, which both
 * read as "never time out". Only literal zeros in parameter positions the Jedis and Lettuce APIs name as timeouts
 * fire; their defaults (Jedis 2 s, Lettuce 60 s) are finite.
 */
final class RedisTimeoutCheck implements JavaCheck {

    private static final String JEDIS = "redis.clients.jedis.";
    private static final String LETTUCE = "io.lettuce.core.";
    private static final Set<String> POOLS = Set.of(JEDIS + "JedisPool", JEDIS + "JedisPooled");
    private static final Set<String> JEDIS_CONFIG_TIMEOUTS = Set.of("timeoutMillis", "socketTimeoutMillis",
            "connectionTimeoutMillis");
    private static final Set<String> DURATION_FACTORIES = Set.of("ofMillis", "ofSeconds", "ofNanos", "ofMinutes");
    private static final String FIX = "leave the default or set a finite timeout, e.g. 2000 ms";

    @Override
    public void check(SourceFile file) {
        boolean jedis = imports(file, "redis.clients.jedis");
        boolean lettuce = imports(file, "io.lettuce.core");
        if (!jedis && !lettuce) {
            return;
        }
        if (jedis) {
            for (ObjectCreationExpr creation : file.all(ObjectCreationExpr.class)) {
                jedisConstructor(file, creation);
            }
        }
        for (MethodCallExpr call : file.all(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            if (jedis && JEDIS_CONFIG_TIMEOUTS.contains(name) && call.getArguments().size() == 1
                    && isZero(call.getArgument(0))
                    && file.chainStartsAt(call, JEDIS + "DefaultJedisClientConfig", Set.of("builder"))) {
                file.report(JavaRules.REDIS_NO_TIMEOUT, call.getName(), "DefaultJedisClientConfig " + name
                        + "(0) disables the timeout: Jedis then waits forever on a dead Redis connection", FIX);
            } else if (lettuce && call.getArguments().size() == 1 && isZeroDuration(call.getArgument(0))) {
                lettuceCall(file, call, name);
            }
        }
    }

    private static void lettuceCall(SourceFile file, MethodCallExpr call, String name) {
        boolean infinite = switch (name) {
            case "withTimeout" -> file.chainStartsAt(call, LETTUCE + "RedisURI", Set.of("builder"))
                    || file.chainStartsAt(call, LETTUCE + "RedisURI.Builder", Set.of("redis", "rediss", "sentinel",
                    "socket"));
            case "setTimeout" -> call.getScope().flatMap(file::typeOf).filter((LETTUCE + "RedisURI")::equals)
                    .isPresent();
            case "enabled" -> file.isClass(call.getScope(), LETTUCE + "TimeoutOptions");
            case "fixedTimeout" -> file.chainStartsAt(call, LETTUCE + "TimeoutOptions", Set.of("builder"));
            default -> false;
        };
        if (infinite) {
            file.report(JavaRules.REDIS_NO_TIMEOUT, call.getName(), "Lettuce " + name + "(Duration.ZERO) means "
                    + "no command timeout: a command on a stuck connection never completes",
                    "use a finite Duration, e.g. Duration.ofSeconds(2), or keep Lettuce's 60 s default");
        }
    }

    /**
     * Timeout positions from the Jedis constructors (redis/jedis, Jedis, JedisPool, JedisPooled, JedisCluster):
     * {@code Jedis(host, port, timeout | connectionTimeout, soTimeout, ...)}, {@code Jedis(uri, timeout | connection,
     * so)}, {@code JedisPool(poolConfig, host, port, timeout | connectionTimeout, soTimeout, ...)}, {@code
     * JedisPool(uri, timeout)}, {@code JedisPool(poolConfig, uri, timeout | connection, so)}, {@code
     * JedisCluster(nodes, timeout | connectionTimeout, soTimeout, maxAttempts, ...)}. Other int positions hold a
     * port, database, maxAttempts or infiniteSoTimeout, where 0 means something else.
     */
    private static void jedisConstructor(SourceFile file, ObjectCreationExpr creation) {
        String type = file.resolve(creation.getType());
        List<Expression> args = creation.getArguments();
        int size = args.size();
        for (int index = 1; index < size; index++) {
            if (!isZero(args.get(index))) {
                continue;
            }
            boolean timeout;
            if (type.equals(JEDIS + "Jedis")) {
                timeout = index == 2 || index == 1 && size <= 3 && isUri(file, args.get(0))
                        || index == 3 && isHost(file, args.get(0));
            } else if (POOLS.contains(type)) {
                timeout = index == 3 || index == 1 && size <= 2 && isUri(file, args.get(0))
                        || index == 2 && isUri(file, args.get(1))
                        || index == 4 && isHost(file, args.get(1));
            } else if (type.equals(JEDIS + "JedisCluster")) {
                // JedisCluster(provider, maxAttempts, maxTotalRetriesDuration) has no timeout at index 1
                timeout = index == 1 && !(size == 3 && args.get(2).toString().contains("Duration"))
                        || index == 2 && size >= 5 && args.get(1) instanceof IntegerLiteralExpr;
            } else {
                return;
            }
            if (timeout) {
                String simple = type.substring(JEDIS.length());
                file.report(JavaRules.REDIS_NO_TIMEOUT, args.get(index), "new " + simple + "(...) with timeout 0: "
                        + "Jedis passes it to the socket, where 0 means wait forever (the default is 2000 ms)", FIX);
                return;
            }
        }
    }

    private static boolean isUri(SourceFile file, Expression expression) {
        return file.typeOf(expression).filter("java.net.URI"::equals).isPresent();
    }

    private static boolean isHost(SourceFile file, Expression expression) {
        return expression instanceof StringLiteralExpr
                || file.typeOf(expression).filter(type -> type.endsWith("String")).isPresent();
    }

    private static boolean isZero(Expression expression) {
        return expression instanceof IntegerLiteralExpr integer && integer.asNumber().longValue() == 0
                || expression instanceof LongLiteralExpr longValue && longValue.asNumber().longValue() == 0;
    }

    private static boolean isZeroDuration(Expression expression) {
        if (expression instanceof FieldAccessExpr field) {
            return field.getNameAsString().equals("ZERO") && field.getScope().toString().endsWith("Duration");
        }
        return expression instanceof MethodCallExpr call && DURATION_FACTORIES.contains(call.getNameAsString())
                && call.getArguments().size() == 1 && isZero(call.getArgument(0))
                && call.getScope().filter(scope -> scope.toString().endsWith("Duration")).isPresent();
    }

    private static boolean imports(SourceFile file, String prefix) {
        return file.unit().getImports().stream().anyMatch(i -> i.getNameAsString().startsWith(prefix));
    }
}
