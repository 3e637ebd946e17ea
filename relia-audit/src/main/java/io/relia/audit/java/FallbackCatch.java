package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one judge of a visibly deliberate fallback catch, for {@code java/empty-catch} and
 * {@code java/exception-swallowed}. Three shapes are deliberate. The handler hands back a value that says it is the
 * fallback (an empty Optional, a name with default/fallback, the caller's own parameter, or a response built from
 * that parameter). Or the handler repeats, word for word, the statements the try block ends with, after earlier
 * ones: the work is finished without the step that failed. Or the try block only
 * attempts a conversion ({@code Integer.parseInt}, {@code Enum.valueOf}, {@code new JSONObject(text)}...) whose
 * failure is an expected answer, and a fallback is already in place when it fails: the try returns the converted
 * value and the code after the try returns another, or the try assigns a variable that keeps its earlier value.
 * A conversion is a call named like one, or a call whose only caught failures are conversion failures
 * ({@code ParseException}, {@code NumberFormatException}...); nested calls other than string shaping
 * ({@code trim}, {@code toUpperCase}) make it something else, since they may do I/O. Two more: a handler that only
 * counts the failure in a metric and skips the item, and one that answers a placeholder whose type says it stands
 * for a missing thing ({@code new DescriptiveResource("... is invalid")}, {@code new NoOpHandler()}).
 */
final class FallbackCatch {

    /** A value named as the fallback: {@code DEFAULT_TIMEOUT}, {@code defaultValue}, {@code fallback()}. */
    private static final Pattern FALLBACK_NAME = Pattern.compile("(?i).*(default|fallback).*");
    /** Calls that build an error answer rather than a fallback value. */
    private static final Pattern ERROR_ANSWER = Pattern.compile("(?i).*(error|fail|status|exception|problem).*");
    /** Calls that count a failure in a metric: increment*, inc, mark, or a name that says what was lost. */
    private static final Pattern COUNTING_CALL = Pattern.compile(
            "increment(?!AndGet)\\w*|inc|mark|\\w*(Dropped|Errors|Failures|Rejected|Discarded)\\w*");
    /** A type that says it stands for a missing or failed thing: Spring's DescriptiveResource, a no-op handler. */
    private static final Pattern PLACEHOLDER_TYPE = Pattern.compile(
            "(Descriptive|Empty|Missing|Unknown|Invalid|Placeholder|NoOp|Noop|Null|Absent|NotFound)[A-Z]\\w*");
    /** Calls that convert text or a code into a value, and fail only when the input is malformed. */
    private static final Pattern CONVERSION_NAME = Pattern.compile(
            "valueOf|parse[A-Z]?\\w*|decode\\w*|from(String|Value|Name|Code)|forName");
    /** Constructors that parse their argument and do nothing else (no I/O). */
    private static final Set<String> PARSING_CONSTRUCTORS = Set.of("JSONObject", "JSONArray", "BigDecimal",
            "BigInteger", "URI", "URL", "Integer", "Long", "Short", "Byte", "Double", "Float");
    /** Exceptions that only say the input was malformed. */
    private static final Set<String> CONVERSION_FAILURES = Set.of("NumberFormatException", "ParseException",
            "DateTimeParseException", "URISyntaxException", "MalformedURLException", "PatternSyntaxException",
            "JSONException");
    /** Calls that reshape a string on its way into a conversion, or pick the decoder that converts it. */
    private static final Set<String> SHAPING = Set.of("toUpperCase", "toLowerCase", "trim", "strip",
            "toString", "substring", "replace", "name", "getDecoder", "getUrlDecoder", "getMimeDecoder");

    private FallbackCatch() {
    }

    /** True when the catch is a visibly deliberate fallback (see the class comment). */
    static boolean deliberate(CatchClause catchClause) {
        return handlerFallsBack(catchClause) || conversionFallsBack(catchClause) || finishesAnyway(catchClause)
                || countsAndSkips(catchClause);
    }

    /**
     * The handler counts the failure in a metric and skips the item: every statement is a call on a meter or
     * metrics object ({@code metrics.incrementMessagesDropped()}, {@code counter.increment()},
     * {@code meter.mark()}), with at most a {@code continue} or a bare {@code return} after them. The failure shows on
     * a dashboard and the work goes on without the one item (a consumer dropping an undecodable message). Bumping a
     * private atomic ({@code incrementAndGet}) is a tally no one reports, and is not counted.
     */
    private static boolean countsAndSkips(CatchClause catchClause) {
        List<Statement> statements = new ArrayList<>(catchClause.getBody().getStatements());
        if (!statements.isEmpty() && skips(statements.get(statements.size() - 1))) {
            statements.remove(statements.size() - 1);
        }
        return !statements.isEmpty() && statements.stream().allMatch(statement -> statement
                instanceof ExpressionStmt expression && expression.getExpression() instanceof MethodCallExpr call
                && call.getScope().filter(scope -> !scope.isThisExpr()).isPresent()
                && COUNTING_CALL.matcher(call.getNameAsString()).matches());
    }

    private static boolean skips(Statement statement) {
        return statement instanceof ContinueStmt || statement instanceof ReturnStmt returned
                && returned.getExpression().isEmpty();
    }

    /**
     * The handler repeats the try block's last statements, word for word, after earlier statements of the try:
     * when the preparation fails, the work the try ends with is done anyway (a list refreshed from the server, or
     * else changed locally). The code says in so many words that the failure only costs the preparation.
     */
    private static boolean finishesAnyway(CatchClause catchClause) {
        List<Statement> handler = catchClause.getBody().getStatements();
        if (handler.isEmpty() || !(catchClause.getParentNode().orElse(null) instanceof TryStmt tryStmt)) {
            return false;
        }
        List<Statement> attempt = tryStmt.getTryBlock().getStatements();
        if (attempt.size() <= handler.size()) {
            return false;
        }
        List<Statement> tail = attempt.subList(attempt.size() - handler.size(), attempt.size());
        for (int i = 0; i < handler.size(); i++) {
            if (!tail.get(i).toString().equals(handler.get(i).toString())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The handler returns, or assigns, a value that says it is the fallback: an empty {@code Optional} (the caller's
     * type already asks it to handle absence), a value or call named default/fallback, a new placeholder object
     * whose type says so, or a parameter of the method (the caller chose the fallback). {@code return null},
     * {@code return false} and empty collections are not: nothing tells the caller the work failed.
     */
    private static boolean handlerFallsBack(CatchClause catchClause) {
        List<Statement> statements = catchClause.getBody().getStatements();
        if (statements.isEmpty()) {
            return false;
        }
        Statement last = statements.get(statements.size() - 1);
        if (last instanceof ReturnStmt returned && returned.getExpression().isPresent()) {
            return namesFallback(returned.getExpression().get());
        }
        return statements.size() == 1 && assignment(statements.get(0)).filter(a -> namesFallback(a.getValue()))
                .isPresent();
    }

    /**
     * The try block is one conversion attempt, and when it fails a fallback is in place: an empty handler with a
     * return after the try or a variable that keeps its value, or a handler that is one return or assignment (it
     * picks the fallback, whatever the value, since a malformed input is the expected failure).
     */
    private static boolean conversionFallsBack(CatchClause catchClause) {
        if (!(catchClause.getParentNode().orElse(null) instanceof TryStmt tryStmt)
                || !tryStmt.getResources().isEmpty() || tryStmt.getTryBlock().getStatements().size() != 1) {
            return false;
        }
        Statement attempt = tryStmt.getTryBlock().getStatement(0);
        Optional<Expression> converted = attempted(attempt);
        if (converted.isEmpty() || !conversion(converted.get()) && !onlyConversionFailures(tryStmt)) {
            return false;
        }
        List<Statement> handler = catchClause.getBody().getStatements();
        if (!handler.isEmpty()) {
            return handler.size() == 1 && (assignment(handler.get(0)).isPresent()
                    || handler.get(0) instanceof ReturnStmt returned && returned.getExpression().isPresent());
        }
        if (attempt instanceof ReturnStmt) {
            return reachedAfter(tryStmt).filter(next -> next instanceof ReturnStmt returned
                    && returned.getExpression().isPresent()).isPresent();
        }
        return assignment(attempt).filter(assign -> keepsValue(assign.getTarget(), tryStmt)).isPresent();
    }

    /** The value a try statement converts: {@code return v;}, {@code x = v;} or a bare {@code v;} (a test). */
    private static Optional<Expression> attempted(Statement attempt) {
        if (attempt instanceof ReturnStmt returned) {
            return returned.getExpression();
        }
        return assignment(attempt).map(AssignExpr::getValue).or(() -> attempt instanceof ExpressionStmt expression
                && expression.getExpression() instanceof MethodCallExpr call ? Optional.of(call) : Optional.empty());
    }

    private static Optional<AssignExpr> assignment(Statement statement) {
        return statement instanceof ExpressionStmt expression
                && expression.getExpression() instanceof AssignExpr assign
                && assign.getOperator() == AssignExpr.Operator.ASSIGN ? Optional.of(assign) : Optional.empty();
    }

    private static boolean conversion(Expression value) {
        Expression unwrapped = unwrap(value);
        if (unwrapped instanceof MethodCallExpr call) {
            List<Expression> inputs = new ArrayList<>(call.getArguments());
            call.getScope().ifPresent(inputs::add);
            return CONVERSION_NAME.matcher(call.getNameAsString()).matches() && onlyShaping(inputs);
        }
        return unwrapped instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isEmpty()
                && PARSING_CONSTRUCTORS.contains(creation.getType().getNameAsString())
                && onlyShaping(creation.getArguments());
    }

    /** No call inside the inputs (arguments, receiver) but string shaping and further conversions. */
    private static boolean onlyShaping(List<Expression> inputs) {
        return inputs.stream().allMatch(input -> input.findAll(Expression.class,
                inner -> inner instanceof MethodCallExpr || inner instanceof ObjectCreationExpr).stream()
                .allMatch(inner -> inner instanceof MethodCallExpr call
                        && SHAPING.contains(call.getNameAsString()) || conversion(inner)));
    }

    private static boolean onlyConversionFailures(TryStmt tryStmt) {
        return tryStmt.getCatchClauses().stream().flatMap(c -> InterruptibleCalls.caught(c).stream())
                .map(type -> type.substring(type.lastIndexOf('.') + 1)).allMatch(CONVERSION_FAILURES::contains);
    }

    private static Expression unwrap(Expression value) {
        Expression current = value;
        while (current instanceof CastExpr || current instanceof EnclosedExpr) {
            current = current instanceof CastExpr cast ? cast.getExpression() : ((EnclosedExpr) current).getInner();
        }
        return current;
    }

    /**
     * The statement that runs after {@code statement} completes normally: the next one of its block, or, at the end
     * of an if branch or a nested block, the one after that. Loops, switches and method ends give none.
     */
    private static Optional<Statement> reachedAfter(Statement statement) {
        Node parent = statement.getParentNode().orElse(null);
        if (parent instanceof IfStmt branch) {
            return reachedAfter(branch);
        }
        if (!(parent instanceof BlockStmt block)) {
            return Optional.empty();
        }
        int index = block.getStatements().indexOf(statement);
        if (index + 1 < block.getStatements().size()) {
            return Optional.of(block.getStatement(index + 1));
        }
        Node outer = block.getParentNode().orElse(null);
        return outer instanceof IfStmt || outer instanceof BlockStmt ? reachedAfter(block) : Optional.empty();
    }

    /**
     * Whether a variable assigned in the try still holds a value when the conversion fails. A local or parameter
     * does (Java's definite assignment forbids reading it otherwise); a field when it has an initializer or the same
     * method assigned it earlier (not its default 0 or null).
     */
    private static boolean keepsValue(Expression target, TryStmt tryStmt) {
        if (target instanceof NameExpr name) {
            Optional<Declaration> declared = Declaration.of(name);
            if (declared.isPresent() && !isField(declared.get())) {
                return true;
            }
            return declared.flatMap(Declaration::initializer).isPresent()
                    || assignedEarlier(name.getNameAsString(), tryStmt);
        }
        if (target instanceof FieldAccessExpr access && access.getScope().isThisExpr()) {
            return Declaration.field(tryStmt, access.getNameAsString()).flatMap(Declaration::initializer).isPresent()
                    || assignedEarlier(access.getNameAsString(), tryStmt);
        }
        return false;
    }

    private static boolean isField(Declaration declared) {
        return declared.node() instanceof VariableDeclarator variable
                && variable.getParentNode().filter(FieldDeclaration.class::isInstance).isPresent();
    }

    /** An assignment to {@code name} or {@code this.name} before the try, in the same method or initializer. */
    private static boolean assignedEarlier(String name, TryStmt tryStmt) {
        Optional<Node> body = SourceFile.ancestor(tryStmt, CallableDeclaration.class).map(Node.class::cast)
                .or(() -> SourceFile.ancestor(tryStmt, InitializerDeclaration.class));
        int tryLine = tryStmt.getBegin().map(p -> p.line).orElse(0);
        return body.filter(method -> method.findFirst(AssignExpr.class, assign -> assignsTo(assign, name)
                && assign.getBegin().filter(p -> p.line < tryLine).isPresent()).isPresent()).isPresent();
    }

    private static boolean assignsTo(AssignExpr assign, String name) {
        Expression target = assign.getTarget();
        return target instanceof NameExpr plain && plain.getNameAsString().equals(name)
                || target instanceof FieldAccessExpr access && access.getScope().isThisExpr()
                && access.getNameAsString().equals(name);
    }

    private static boolean namesFallback(Expression value) {
        if (answersParameter(value)) {
            return true;
        }
        if (value instanceof MethodCallExpr call) {
            boolean emptyOptional = call.getNameAsString().equals("empty") && call.getArguments().isEmpty()
                    && call.getScope().filter(scope -> scope.toString().matches("(java\\.util\\.)?Optional\\w*"))
                    .isPresent();
            return emptyOptional || FALLBACK_NAME.matcher(call.getNameAsString()).matches();
        }
        if (value instanceof ObjectCreationExpr creation) {
            return creation.getAnonymousClassBody().isEmpty()
                    && PLACEHOLDER_TYPE.matcher(creation.getType().getNameAsString()).matches();
        }
        if (value instanceof FieldAccessExpr access) {
            return FALLBACK_NAME.matcher(access.getNameAsString()).matches();
        }
        if (value instanceof NameExpr name) {
            return FALLBACK_NAME.matcher(name.getNameAsString()).matches() || isParameter(name);
        }
        return false;
    }

    /**
     * A response built from the caller's own input ({@code Response.ok(pathId).build()}, {@code Optional.of(path)}):
     * a chain that starts at a static factory given a parameter of the method, none of whose calls is named like an
     * error answer ({@code serverError}, {@code status}, {@code fail}).
     */
    private static boolean answersParameter(Expression value) {
        Expression current = unwrap(value);
        while (current instanceof MethodCallExpr call) {
            if (ERROR_ANSWER.matcher(call.getNameAsString()).matches()) {
                return false;
            }
            Optional<Expression> scope = call.getScope();
            if (scope.isPresent() && scope.get() instanceof NameExpr type
                    && Character.isUpperCase(type.getNameAsString().charAt(0))) {
                return call.getArguments().stream().anyMatch(argument -> argument instanceof NameExpr name
                        && isParameter(name));
            }
            current = scope.orElse(null);
        }
        return false;
    }

    private static boolean isParameter(NameExpr name) {
        return Declaration.of(name).filter(declared -> declared.node() instanceof Parameter parameter
                && parameter.getParentNode().filter(CallableDeclaration.class::isInstance).isPresent()).isPresent();
    }
}
