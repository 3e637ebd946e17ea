package io.relia.audit.java;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MarkerAnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code java/retry-unbounded} and {@code java/retry-without-backoff} for retries configured in code: Resilience4j
 * {@code RetryConfig} and Spring Retry ({@code @Retryable}, {@code RetryTemplate}, retry and backoff policies).
 * Defaults as in the libraries' sources: Resilience4j RetryConfig 3 attempts with a fixed 500 ms wait; Spring Retry
 * {@code @Retryable} 3 attempts with {@code @Backoff()}'s fixed 1000 ms; RetryTemplateBuilder and {@code new
 * RetryTemplate()} 3 attempts with no backoff at all.
 */
final class RetryConfigCheck implements JavaCheck {

    private static final String R4J_CONFIG = "io.github.resilience4j.retry.RetryConfig";
    private static final String R4J_BUILDER = R4J_CONFIG + ".Builder";
    private static final String R4J_RETRY = "io.github.resilience4j.retry.Retry";
    private static final String INTERVALS = "io.github.resilience4j.core.IntervalFunction";
    private static final String TEMPLATE = "org.springframework.retry.support.RetryTemplate";
    private static final String TEMPLATE_BUILDER = "org.springframework.retry.support.RetryTemplateBuilder";
    private static final String RETRYABLE = "org.springframework.retry.annotation.Retryable";
    private static final String BACKOFF = "org.springframework.retry.annotation.Backoff";
    private static final String POLICY = "org.springframework.retry.policy.";
    private static final Map<String, String> FLAT_POLICIES = Map.of(
            "org.springframework.retry.backoff.FixedBackOffPolicy", "a fixed delay (1000 ms unless set), no jitter",
            "org.springframework.retry.backoff.NoBackOffPolicy", "no delay between attempts",
            "org.springframework.retry.backoff.UniformRandomBackOffPolicy", "a random delay in a fixed range, "
                    + "no growth");
    private static final Map<String, String> FLAT_BUILDER_CALLS = Map.of(
            "fixedBackoff", "a fixed delay, no jitter", "noBackoff", "no delay between attempts",
            "uniformRandomBackoff", "a random delay in a fixed range, no growth");
    private static final Map<String, String> FLAT_INTERVALS = Map.of(
            "of", "a fixed interval, no jitter", "ofDefaults", "a fixed 500 ms interval, no jitter",
            "ofRandomized", "a fixed interval plus jitter, no growth");
    private static final String FIX = "back off exponentially with jitter, e.g. "
            + "IntervalFunction.ofExponentialRandomBackoff(200, 2.0) or @Backoff(delay = 200, multiplier = 2, "
            + "random = true)";
    private static final String BOUND = "bound the retries: a small maxAttempts, or a time limit";

    @Override
    public void check(SourceFile file) {
        boolean resilience4j = imports(file, "io.github.resilience4j.") && !inside(file, "io.github.resilience4j");
        boolean springRetry = imports(file, "org.springframework.retry") && !inside(file, "org.springframework.retry");
        if (!resilience4j && !springRetry) {
            return;
        }
        for (MethodCallExpr call : file.all(MethodCallExpr.class)) {
            if (resilience4j) {
                resilience4j(file, call);
            }
            if (springRetry) {
                templateBuilder(file, call);
            }
        }
        if (springRetry) {
            for (ObjectCreationExpr creation : file.all(ObjectCreationExpr.class)) {
                policy(file, creation);
            }
            file.all(MarkerAnnotationExpr.class).forEach(a -> retryable(file, a));
            file.all(SingleMemberAnnotationExpr.class).forEach(a -> retryable(file, a));
            file.all(NormalAnnotationExpr.class).forEach(a -> retryable(file, a));
        }
    }

    /**
     * True when the file belongs to the library itself: there {@code RetryConfig.ofDefaults()} defines or wires up
     * the default that users then choose, and a user's choice is where the finding belongs.
     */
    private static boolean inside(SourceFile file, String libraryPackage) {
        return file.unit().getPackageDeclaration().map(p -> p.getNameAsString())
                .filter(name -> name.equals(libraryPackage) || name.startsWith(libraryPackage + ".")).isPresent();
    }

    private static void resilience4j(SourceFile file, MethodCallExpr call) {
        String name = call.getNameAsString();
        if ((name.equals("custom") || name.equals("ofDefaults")) && file.isClass(call.getScope(), R4J_CONFIG)
                || name.equals("ofDefaults") && file.isClass(call.getScope(), R4J_RETRY)) {
            if (name.equals("ofDefaults")) {
                file.report(JavaRules.RETRY_WITHOUT_BACKOFF, call, "Resilience4j default retry config: 3 attempts "
                        + "with a fixed 500 ms wait, no backoff, no jitter", FIX);
            } else if (BuilderTrace.of(file, call, Set.of("intervalFunction", "intervalBiFunction"), Set.of("build"))
                    == BuilderTrace.Outcome.FINISHED_UNSET) {
                file.report(JavaRules.RETRY_WITHOUT_BACKOFF, call, "RetryConfig without an interval function waits "
                        + "a fixed time between attempts (waitDuration, default 500 ms), no backoff, no jitter", FIX);
            }
        } else if (name.equals("maxAttempts") && call.getArguments().size() == 1
                && isMaxValue(call.getArgument(0)) && builderType(file, call.getScope(), 0).filter(
                R4J_BUILDER::equals).isPresent()) {
            file.report(JavaRules.RETRY_UNBOUNDED, call.getName(), "RetryConfig.maxAttempts(Integer.MAX_VALUE) "
                    + "never gives up", BOUND);
        } else if (name.equals("intervalFunction") && call.getArguments().size() == 1
                && call.getArgument(0) instanceof MethodCallExpr interval
                && FLAT_INTERVALS.containsKey(interval.getNameAsString())
                && file.isClass(interval.getScope(), INTERVALS)
                && !(interval.getNameAsString().equals("of") && interval.getArguments().size() > 1)) {
            file.report(JavaRules.RETRY_WITHOUT_BACKOFF, call.getName(), "retry interval IntervalFunction."
                    + interval.getNameAsString() + "(...): " + FLAT_INTERVALS.get(interval.getNameAsString()), FIX);
        }
    }

    private static void templateBuilder(SourceFile file, MethodCallExpr call) {
        String name = call.getNameAsString();
        if (name.equals("builder") && file.isClass(call.getScope(), TEMPLATE)) {
            if (BuilderTrace.of(file, call, Set.of("exponentialBackoff", "uniformRandomBackoff", "customBackoff",
                    "fixedBackoff", "noBackoff"), Set.of("build")) == BuilderTrace.Outcome.FINISHED_UNSET) {
                file.report(JavaRules.RETRY_WITHOUT_BACKOFF, call, "RetryTemplate built without a backoff policy "
                        + "retries immediately (the builder's default is no backoff)", FIX);
            }
            return;
        }
        boolean onBuilder = (FLAT_BUILDER_CALLS.containsKey(name) || name.equals("infiniteRetry")
                || name.equals("maxAttempts")) && builderType(file, call.getScope(), 0).filter(
                TEMPLATE_BUILDER::equals).isPresent();
        if (!onBuilder) {
            return;
        }
        if (FLAT_BUILDER_CALLS.containsKey(name)) {
            file.report(JavaRules.RETRY_WITHOUT_BACKOFF, call.getName(), "RetryTemplate " + name + "(): "
                    + FLAT_BUILDER_CALLS.get(name), FIX);
        } else if (name.equals("infiniteRetry")) {
            file.report(JavaRules.RETRY_UNBOUNDED, call.getName(), "RetryTemplate infiniteRetry() never gives up",
                    BOUND);
        } else if (call.getArguments().size() == 1 && isMaxValue(call.getArgument(0))) {
            file.report(JavaRules.RETRY_UNBOUNDED, call.getName(), "RetryTemplate maxAttempts(Integer.MAX_VALUE) "
                    + "never gives up", BOUND);
        }
    }

    private static void policy(SourceFile file, ObjectCreationExpr creation) {
        if (creation.getAnonymousClassBody().isPresent()) {
            return;
        }
        String type = file.resolve(creation.getType());
        String flat = FLAT_POLICIES.get(type);
        if (flat != null) {
            file.report(JavaRules.RETRY_WITHOUT_BACKOFF, creation, creation.getType().getNameAsString() + ": "
                    + flat, FIX);
        } else if (type.equals(POLICY + "AlwaysRetryPolicy") && !composes(file)) {
            file.report(JavaRules.RETRY_UNBOUNDED, creation, "AlwaysRetryPolicy retries for ever", BOUND);
        } else if ((type.equals(POLICY + "SimpleRetryPolicy") || type.equals(POLICY + "MaxAttemptsRetryPolicy"))
                && !creation.getArguments().isEmpty() && isMaxValue(creation.getArgument(0))) {
            file.report(JavaRules.RETRY_UNBOUNDED, creation, creation.getType().getNameAsString()
                    + " with Integer.MAX_VALUE attempts never gives up", BOUND);
        } else if (type.equals(TEMPLATE) && BuilderTrace.of(file, creation, Set.of("setBackOffPolicy"),
                Set.of("execute")) == BuilderTrace.Outcome.FINISHED_UNSET) {
            file.report(JavaRules.RETRY_WITHOUT_BACKOFF, creation, "RetryTemplate without setBackOffPolicy retries "
                    + "immediately (its default is NoBackOffPolicy)", FIX);
        }
    }

    /** A CompositeRetryPolicy may pair AlwaysRetryPolicy with a timeout or attempt limit that ends it. */
    private static boolean composes(SourceFile file) {
        return file.all(ObjectCreationExpr.class).stream().anyMatch(c -> file.resolve(c.getType())
                .equals(POLICY + "CompositeRetryPolicy"));
    }

    private static void retryable(SourceFile file, AnnotationExpr annotation) {
        if (!file.resolve(annotation.getNameAsString()).equals(RETRYABLE)) {
            return;
        }
        Map<String, Expression> attributes = attributes(annotation);
        if (attributes.containsKey("interceptor")) {
            return;
        }
        Expression maxAttempts = attributes.get("maxAttempts");
        if (maxAttempts != null && !attributes.containsKey("maxAttemptsExpression") && isMaxValue(maxAttempts)) {
            file.report(JavaRules.RETRY_UNBOUNDED, annotation, "@Retryable(maxAttempts = Integer.MAX_VALUE) never "
                    + "gives up", BOUND);
        }
        Expression backoff = attributes.get("backoff");
        if (backoff == null) {
            file.report(JavaRules.RETRY_WITHOUT_BACKOFF, annotation, "@Retryable without backoff: Spring Retry's "
                    + "default @Backoff() is a fixed 1000 ms delay, no growth, no jitter", FIX);
        } else if (backoff instanceof AnnotationExpr inner && file.resolve(inner.getNameAsString()).equals(BACKOFF)) {
            String flat = flatBackoff(attributes(inner));
            if (flat != null) {
                file.report(JavaRules.RETRY_WITHOUT_BACKOFF, inner, "@Backoff without a multiplier > 1: " + flat,
                        FIX);
            }
        }
    }

    /** Describes a {@code @Backoff} whose delay does not grow; null when it grows or is set by expressions. */
    private static String flatBackoff(Map<String, Expression> backoff) {
        if (backoff.keySet().stream().anyMatch(key -> key.endsWith("Expression"))) {
            return null;
        }
        Expression multiplier = backoff.get("multiplier");
        if (multiplier != null) {
            Optional<Double> value = number(multiplier);
            if (value.isEmpty() || value.get() > 1) {
                return null;
            }
        }
        return backoff.containsKey("maxDelay") ? "a random delay between delay and maxDelay, no growth"
                : "a fixed delay, no jitter";
    }

    private static Map<String, Expression> attributes(AnnotationExpr annotation) {
        if (annotation instanceof SingleMemberAnnotationExpr single) {
            return Map.of("value", single.getMemberValue());
        }
        if (annotation instanceof NormalAnnotationExpr normal) {
            Map<String, Expression> pairs = new HashMap<>();
            for (MemberValuePair pair : normal.getPairs()) {
                pairs.put(pair.getNameAsString(), pair.getValue());
            }
            return pairs;
        }
        return Map.of();
    }

    private static Optional<Double> number(Expression expression) {
        if (expression instanceof DoubleLiteralExpr literal) {
            return Optional.of(literal.asDouble());
        }
        if (expression instanceof IntegerLiteralExpr literal) {
            return Optional.of(literal.asNumber().doubleValue());
        }
        return Optional.empty();
    }

    /** {@code Integer.MAX_VALUE}, directly or through a constant of this file. */
    private static boolean isMaxValue(Expression expression) {
        if (expression instanceof EnclosedExpr enclosed) {
            return isMaxValue(enclosed.getInner());
        }
        if (expression instanceof FieldAccessExpr access) {
            String written = access.toString();
            return written.equals("Integer.MAX_VALUE") || written.equals("java.lang.Integer.MAX_VALUE");
        }
        return expression instanceof NameExpr name && Declaration.of(name).flatMap(Declaration::initializer)
                .filter(init -> init instanceof FieldAccessExpr && isMaxValue(init)).isPresent();
    }

    /** The builder class a call chain works on, from the factory or constructor it starts with. */
    private static Optional<String> builderType(SourceFile file, Optional<Expression> scope, int depth) {
        if (scope.isEmpty() || depth > 4) {
            return Optional.empty();
        }
        Expression expression = scope.get();
        if (expression instanceof EnclosedExpr enclosed) {
            return builderType(file, Optional.of(enclosed.getInner()), depth + 1);
        }
        if (expression instanceof MethodCallExpr call) {
            String name = call.getNameAsString();
            if ((name.equals("custom") || name.equals("from")) && file.isClass(call.getScope(), R4J_CONFIG)) {
                return Optional.of(R4J_BUILDER);
            }
            if (name.equals("builder") && file.isClass(call.getScope(), TEMPLATE)) {
                return Optional.of(TEMPLATE_BUILDER);
            }
            return builderType(file, call.getScope(), depth + 1);
        }
        if (expression instanceof ObjectCreationExpr creation) {
            return Optional.of(file.resolve(creation.getType()));
        }
        if (expression instanceof NameExpr name) {
            Optional<Declaration> declared = Declaration.of(name);
            if (declared.isEmpty()) {
                return Optional.empty();
            }
            String type = declared.get().type().isVarType() ? "" : file.resolve(declared.get().type());
            if (type.equals(R4J_BUILDER) || type.equals(TEMPLATE_BUILDER)) {
                return Optional.of(type);
            }
            return builderType(file, declared.get().initializer(), depth + 1);
        }
        return Optional.empty();
    }

    private static boolean imports(SourceFile file, String prefix) {
        for (ImportDeclaration declaration : file.unit().getImports()) {
            if (declaration.getNameAsString().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
