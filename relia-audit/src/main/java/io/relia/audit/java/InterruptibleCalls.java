package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which calls in a try block can throw {@code InterruptedException}, without a symbol solver: the interruptible JDK
 * waits (their javadoc declares it: {@code Thread.sleep}, {@code Object.wait}, {@code BlockingQueue.take},
 * {@code Future.get}, {@code CountDownLatch.await}, {@code ExecutorService.awaitTermination}...), recognised by the
 * receiver's declared type, by a distinctive name, or by a {@code TimeUnit} argument; and methods of the same file
 * that declare {@code throws InterruptedException}. A {@code catch (Exception e)} around one of them catches the
 * interrupt too.
 */
final class InterruptibleCalls {

    /** Names no other common API uses for something that does not wait interruptibly. */
    private static final Set<String> DISTINCTIVE = Set.of("awaitTermination", "invokeAll", "invokeAny",
            "lockInterruptibly");
    /** Waits that throw InterruptedException when given a timeout ({@code poll(1, SECONDS)}, {@code get(5, unit)}). */
    private static final Set<String> TIMED = Set.of("get", "await", "poll", "offer", "tryLock", "waitFor",
            "tryTransfer", "join");
    private static final Pattern TIME_UNIT = Pattern.compile("(TimeUnit\\.)?((NANO|MICRO|MILLI)?SECONDS|MINUTES"
            + "|HOURS|DAYS)|(?i)(this\\.)?(time_?)?unit");
    /**
     * Interruptible untimed waits by the simple name of the receiver's type, declared or not resolvable: Guava's
     * {@code ListenableFuture}, Netty's {@code Future} or a project's {@code ResponseFuture} all wait in get().
     */
    private static final List<Suffix> SUFFIXES = List.of(new Suffix("Future", Set.of("get")),
            new Suffix("FutureTask", Set.of("get")), new Suffix("Queue", Set.of("take", "put")),
            new Suffix("Deque", Set.of("take", "put", "takeFirst", "takeLast", "putFirst", "putLast")),
            new Suffix("Latch", Set.of("await")), new Suffix("Barrier", Set.of("await")),
            new Suffix("Phaser", Set.of("awaitAdvanceInterruptibly")),
            new Suffix("Semaphore", Set.of("acquire", "tryAcquire")), new Suffix("Condition", Set.of("await")),
            new Suffix("Exchanger", Set.of("exchange")), new Suffix("CompletionService", Set.of("take")),
            new Suffix("Thread", Set.of("join")), new Suffix("Process", Set.of("waitFor")));
    /** Exceptions thrown only by waits that also throw InterruptedException ({@code Future.get}, barriers). */
    private static final Set<String> WAIT_EXCEPTIONS = Set.of("ExecutionException", "BrokenBarrierException",
            "java.util.concurrent.ExecutionException", "java.util.concurrent.BrokenBarrierException");
    private static final Set<String> CAUGHT_WITH_INTERRUPT = Set.of("InterruptedException",
            "java.lang.InterruptedException", "Exception", "java.lang.Exception", "Throwable", "java.lang.Throwable");

    /** A receiver type's simple-name suffix and the interruptible methods such types have. */
    private record Suffix(String suffix, Set<String> methods) {
    }

    private InterruptibleCalls() {
    }

    /**
     * The first call of {@code tryStmt}'s block or resources that can throw InterruptedException to its catch
     * clauses: not inside a lambda, a nested class, or a nested try that catches the interrupt itself.
     */
    static Optional<MethodCallExpr> first(SourceFile file, TryStmt tryStmt) {
        boolean waits = tryStmt.getCatchClauses().stream().flatMap(c -> caught(c).stream())
                .anyMatch(WAIT_EXCEPTIONS::contains);
        for (Node root : roots(tryStmt)) {
            for (MethodCallExpr call : SourceFile.within(root, MethodCallExpr.class,
                    InterruptibleCalls::catchesInterruptItself)) {
                if (interruptible(file, call) || waits && (call.getNameAsString().equals("get")
                        || call.getNameAsString().equals("await"))) {
                    return Optional.of(call);
                }
            }
        }
        return Optional.empty();
    }

    /** The types a catch clause names, as written ({@code A | B} gives both). */
    static List<String> caught(CatchClause catchClause) {
        Type type = catchClause.getParameter().getType();
        if (type instanceof UnionType union) {
            return union.getElements().stream().map(Type::asString).toList();
        }
        return List.of(type.asString());
    }

    private static List<Node> roots(TryStmt tryStmt) {
        return Stream.concat(tryStmt.getResources().stream().map(Node.class::cast),
                Stream.of(tryStmt.getTryBlock())).toList();
    }

    private static boolean catchesInterruptItself(Node node) {
        return node instanceof TryStmt nested && nested.getCatchClauses().stream()
                .flatMap(c -> caught(c).stream()).anyMatch(CAUGHT_WITH_INTERRUPT::contains);
    }

    static boolean interruptible(SourceFile file, MethodCallExpr call) {
        String name = call.getNameAsString();
        int arguments = call.getArguments().size();
        if (DISTINCTIVE.contains(name)) {
            return true;
        }
        if (name.equals("sleep")) {
            return call.getScope().filter(scope -> file.isClass(Optional.of(scope), "java.lang.Thread")
                    || isTimeUnit(file, scope)).isPresent();
        }
        if (name.equals("wait")) {
            // Object.wait is final: any receiver's wait(), wait(ms) or wait(ms, ns) is that one.
            return arguments <= 2;
        }
        if (call.getScope().isEmpty() || call.getScope().get().isThisExpr()) {
            return declaredInterruptible(file, name, arguments);
        }
        if (TIMED.contains(name) && arguments >= 2 && isTimeUnit(file, call.getArgument(arguments - 1))) {
            return !name.equals("join") || receiverSimpleType(file, call.getScope().get()).endsWith("Thread");
        }
        return untimedWait(file, call.getScope().get(), name);
    }

    private static boolean untimedWait(SourceFile file, Expression scope, String name) {
        String receiver = receiverSimpleType(file, scope);
        for (Suffix suffix : SUFFIXES) {
            if (receiver.endsWith(suffix.suffix()) && suffix.methods().contains(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The simple name of the receiver's type: declared (resolved or not, generics dropped), else, for a name
     * declared nowhere in this file (an inherited field), the name itself with its first letter raised
     * ({@code queue} reads as {@code Queue}).
     */
    private static String receiverSimpleType(SourceFile file, Expression scope) {
        Optional<String> typed = file.typeOf(scope);
        if (typed.isPresent()) {
            String type = typed.get().replaceFirst("<.*", "");
            return type.substring(type.lastIndexOf('.') + 1);
        }
        String written = scope instanceof NameExpr name && Declaration.of(name).isEmpty() ? name.getNameAsString()
                : scope instanceof FieldAccessExpr access && access.getScope().isThisExpr()
                && Declaration.field(access, access.getNameAsString()).isEmpty() ? access.getNameAsString() : "";
        return written.isEmpty() ? "" : Character.toUpperCase(written.charAt(0)) + written.substring(1);
    }

    private static boolean isTimeUnit(SourceFile file, Expression expression) {
        if (expression instanceof NameExpr || expression instanceof FieldAccessExpr) {
            if (TIME_UNIT.matcher(expression.toString()).matches()) {
                return true;
            }
        }
        return file.typeOf(expression).filter(type -> type.endsWith("TimeUnit")).isPresent();
    }

    /** A method of this file with that name and arity declares {@code throws InterruptedException}. */
    private static boolean declaredInterruptible(SourceFile file, String name, int arguments) {
        for (MethodDeclaration method : file.all(MethodDeclaration.class)) {
            if (method.getNameAsString().equals(name) && method.getParameters().size() == arguments
                    && method.getThrownExceptions().stream().map(InterruptibleCalls::simpleName)
                    .anyMatch(thrown -> thrown.equals("InterruptedException"))) {
                return true;
            }
        }
        return false;
    }

    private static String simpleName(Type type) {
        return type instanceof ClassOrInterfaceType classType ? classType.getNameAsString() : type.asString();
    }
}
