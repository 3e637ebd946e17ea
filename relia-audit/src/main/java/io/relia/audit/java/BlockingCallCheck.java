package io.relia.audit.java;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import io.relia.audit.AuditContext;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code java/blocking-without-deadline}: waits without a timeout. The receiver's type comes from its declaration
 * (locals, fields, parameters, {@code var} initializers, methods of the same class) and the waits of the JDK and of
 * well-known libraries from {@link BlockingApis}. When the type is not in the sources, the checked exceptions around
 * the call tell ({@link WaitEvidence}). A method of the project with no timeout parameter whose body waits without a
 * deadline makes its callers wait too: calls in the same file are reported here, calls from other files once every
 * file is read ({@link BlockingWrappers}). A method that takes a timeout but waits without one is reported at that
 * wait.
 */
final class BlockingCallCheck implements ProjectCheck {

    /** {@code BLOCKS + owner#method/parameters + "|" + what it waits on}, noted at the wait inside the method. */
    static final String BLOCKS = "blocking.wrapper|";
    /** {@code DECLARES + owner#method/parameters}: a wait-named method of the project whose body does not wait. */
    static final String DECLARES = "blocking.declares|";
    /** {@code CALL + type#method/arguments + "|" + evidence}: a wait-named call on a type the file cannot judge. */
    static final String CALL = "blocking.call|";
    /**
     * {@code RETURNED + type#method/arguments + "|" + wait + "|" + evidence}: a wait-named call on what a method
     * returned ({@code handler.closeGracefully().get()}), judged once every file is read: by the return type a
     * project method declares ({@link #FUTURE}), else by the evidence ({@link WaitEvidence}).
     */
    static final String RETURNED = "blocking.returned|";
    /**
     * {@code FUTURE + owner#method/parameters + "|" + type}: a project method that returns a future of the table, or
     * one named like a future's maker ({@code fooAsync}) that returns {@link #NOT_A_FUTURE}.
     */
    static final String FUTURE = "blocking.future|";
    /** The type {@link #FUTURE} notes for a method named like a future's maker that returns no future. */
    static final String NOT_A_FUTURE = "-";
    /** {@code TYPED + how}: a wait candidate this file judged, and how its receiver was typed ({@link Typed}). */
    static final String TYPED = "blocking.typed|";

    /** How a wait candidate's receiver was typed, for the count the report shows. */
    enum Typed {
        /** From a declaration and the table of waits (or a plain {@code wait()}). */
        TABLE,
        /** From the checked exceptions around the call. */
        INFERRED,
        /** A method of the project. */
        WRAPPER,
        /** From the dependency jars. */
        JARS,
        /** Not typed: the call is not judged. */
        UNKNOWN;

        String key() {
            return TYPED + name().toLowerCase(Locale.ROOT);
        }
    }

    /** Project methods whose callers are followed: the names results, futures and latches give their waits. */
    private static final Pattern WAIT_NAME = Pattern.compile("get|join|take|acquire|result|getResult"
            + "|(?:await|waitFor|waitUntil|sync|block)\\w*");
    /** A queue's untimed takes: a worker's next item when called from its loop ({@link ThreadRoles}). */
    private static final Set<String> TAKES = Set.of("take", "takeFirst", "takeLast");
    private static final Set<String> PUTS = Set.of("put", "putFirst", "putLast");

    /** Methods that run their callback after a future completed (CompletableFuture, Guava, Netty, Kafka). */
    private static final Set<String> COMPLETION_CALLBACKS = Set.of("thenApply", "thenApplyAsync", "thenAccept",
            "thenAcceptAsync", "thenRun", "thenRunAsync", "thenCompose", "thenComposeAsync", "thenCombine",
            "whenComplete", "whenCompleteAsync", "handle", "handleAsync", "addListener", "addCallback", "transform",
            "transformAsync", "callAsync", "whenAllSucceed", "whenAllComplete");

    /** A call that waits without a deadline: what it waits on, the timed form, and how that was learnt. */
    private record Wait(String label, String timed, String reason) {
    }

    @Override
    public void check(SourceFile file) {
        Map<MethodCallExpr, Wait> waits = new IdentityHashMap<>();
        Map<MethodCallExpr, Boolean> undecided = new IdentityHashMap<>();
        List<MethodCallExpr> calls = file.all(MethodCallExpr.class);
        for (MethodCallExpr call : calls) {
            if (isWaitName(call.getNameAsString())) {
                judge(file, call, waits, undecided);
            }
        }
        noteFutures(file);
        Map<MethodCallExpr, Wait> polls = new IdentityHashMap<>();
        Map<MethodDeclaration, MethodCallExpr> wrappers = summarise(file, waits, undecided, polls);
        Map<MethodCallExpr, Wait> inner = new IdentityHashMap<>(waits);
        inner.putAll(polls);
        for (MethodCallExpr call : calls) {
            if (!waits.containsKey(call) && !byRole(file, call, "")) {
                file.ownMethod(call).filter(wrappers::containsKey)
                        .filter(method -> enclosingMethod(call).filter(enclosing -> enclosing == method).isEmpty())
                        .ifPresent(method -> {
                            waits.put(call, wrapped(method, wrappers.get(method), inner));
                            if (!undecided.containsKey(call)) {
                                file.fact(Typed.WRAPPER.key(), call);
                            }
                        });
            }
        }
        for (MethodCallExpr call : calls) {
            if (waits.containsKey(call) && !forwards(call) && !inCompletionCallback(call)) {
                report(file, call, waits.get(call));
            }
        }
    }

    /**
     * An untimed {@code get()} whose body is the untimed {@code delegate.get()}: the wait belongs to whoever calls
     * it, and is reported there ({@link BlockingWrappers}), not in the forwarding method as well.
     */
    private static boolean forwards(MethodCallExpr call) {
        return enclosingMethod(call).filter(method -> method.getNameAsString().equals(call.getNameAsString())
                && method.getParameters().size() == call.getArguments().size() && !timeoutParameter(method))
                .isPresent();
    }

    /**
     * A wait inside a callback that runs once futures completed ({@code allOf(a, b).thenApply(v -> a.get())},
     * {@code addListener}, {@code whenComplete}): the future it reads is done by then, as Guava's {@code
     * Futures.getDone} documents for that idiom.
     */
    private static boolean inCompletionCallback(MethodCallExpr call) {
        Node current = call.getParentNode().orElse(null);
        while (current != null && !(current instanceof MethodDeclaration)) {
            if ((current instanceof LambdaExpr || current instanceof ObjectCreationExpr)
                    && current.getParentNode().orElse(null) instanceof MethodCallExpr outer
                    && COMPLETION_CALLBACKS.contains(outer.getNameAsString())) {
                return true;
            }
            current = current.getParentNode().orElse(null);
        }
        return false;
    }

    @Override
    public void finish(AuditContext context, ProjectFacts facts) {
        new BlockingWrappers(context, facts, DependencyTypes.of(context)).report();
    }

    /**
     * {@code put} on a queue this file creates without a capacity: LinkedBlockingQueue and LinkedBlockingDeque
     * default to Integer.MAX_VALUE (their javadoc), so put never waits for space; {@code java/unbounded-queue}
     * judges the queue instead.
     */
    private static boolean neverFull(SourceFile file, MethodCallExpr call, Expression receiver) {
        return PUTS.contains(call.getNameAsString()) && WorkQueues.unbounded(file, receiver).isPresent();
    }

    private static boolean isWaitName(String name) {
        return BlockingApis.isWaitName(name) || WAIT_NAME.matcher(name).matches() || name.equals("wait");
    }

    private static void judge(SourceFile file, MethodCallExpr call, Map<MethodCallExpr, Wait> waits,
                              Map<MethodCallExpr, Boolean> undecided) {
        String name = call.getNameAsString();
        int arguments = call.getArguments().size();
        Optional<Expression> scope = call.getScope();
        if (scope.isEmpty() || scope.get().isThisExpr()) {
            if (name.equals("wait") && arguments == 0) {
                waits.put(call, new Wait("Object.wait()", "wait(timeoutMillis) in a loop", ""));
                file.fact(Typed.TABLE.key(), call);
            }
            staticImport(file, name).flatMap(type -> BlockingApis.find(type, name, arguments))
                    .filter(BlockingApis.Wait::isStatic).ifPresent(wait -> {
                        waits.put(call, known(wait));
                        file.fact(Typed.TABLE.key(), call);
                    });
            return;
        }
        Expression receiver = scope.get();
        if (receiver.isSuperExpr()) {
            return;
        }
        boolean isClass = isClassReference(receiver);
        Optional<String> type = file.receiverType(receiver).filter(found -> !found.startsWith("?") || !isClass);
        if (type.isPresent() && !type.get().startsWith("?")) {
            Optional<BlockingApis.Wait> wait = BlockingApis.find(type.get(), name, arguments)
                    .filter(found -> found.isStatic() == isClass);
            if (wait.isPresent()) {
                if (!byRole(file, call, wait.get().type()) && BoundedFutures.why(file, receiver, type.get())
                        .isEmpty() && !neverFull(file, call, receiver)) {
                    waits.put(call, known(wait.get()));
                }
                file.fact(Typed.TABLE.key(), call);
                return;
            }
            if (isClass || BlockingApis.judges(type.get())) {
                if (!isClass && arguments == 0 && WAIT_NAME.matcher(name).matches()) {
                    file.fact(Typed.TABLE.key(), call);
                }
                return;
            }
        }
        if (isClass || arguments > 0 || !WAIT_NAME.matcher(name).matches() || byRole(file, call, "")
                || BoundedFutures.why(file, receiver, null).isPresent()) {
            return;
        }
        Optional<String> evidence = WaitEvidence.of(call);
        Optional<String> returned = returnedBy(file, receiver);
        if (type.isEmpty() && returned.isPresent()) {
            file.fact(RETURNED + returned.get() + "|" + name + "|" + evidence.orElse(""), call);
            undecided.put(call, true);
            return;
        }
        if (type.isPresent()) {
            // Counted once every file is read: a project method, the jars or the exceptions decide it then.
            file.fact(CALL + qualified(file, type.get()) + "#" + name + "/0|" + evidence.orElse(""), call);
            undecided.put(call, true);
        } else {
            evidence.ifPresent(why -> waits.put(call, inferred(name, why)));
            file.fact((evidence.isPresent() ? Typed.INFERRED : Typed.UNKNOWN).key(), call);
        }
    }

    /**
     * {@code p.Handler#closeGracefully/0} for a receiver {@code handler.closeGracefully()} whose own receiver's type
     * the file knows: the project method that made the object waited on, whose return type another file may declare.
     */
    private static Optional<String> returnedBy(SourceFile file, Expression receiver) {
        if (!(receiver instanceof MethodCallExpr made) || made.getScope().isEmpty()) {
            return Optional.empty();
        }
        return file.receiverType(made.getScope().get()).map(type -> qualified(file, type) + "#"
                + made.getNameAsString() + "/" + made.getArguments().size());
    }

    /**
     * Notes the methods of this file that return a future of the table ({@code CompletableFuture<Void>
     * closeGracefully()}), unless every value they return is complete when made, and the methods named like a
     * future's maker that return something else, so that a wait on what they return is judged in any file.
     */
    private static void noteFutures(SourceFile file) {
        for (MethodDeclaration method : file.all(MethodDeclaration.class)) {
            String type = file.resolve(method.getType());
            Optional<String> owner = owner(method);
            boolean future = BlockingApis.find(type, "get", 0).isPresent() && BlockingApis.bound(type, null).isEmpty()
                    && !returnsCompleted(file, method);
            if (owner.isEmpty() || !future && !WaitEvidence.namedAsync(method.getNameAsString())) {
                continue;
            }
            file.fact(FUTURE + owner.get() + "#" + method.getNameAsString() + "/" + method.getParameters().size()
                    + "|" + (future ? type : NOT_A_FUTURE), method.getName());
        }
    }

    private static boolean returnsCompleted(SourceFile file, MethodDeclaration method) {
        List<ReturnStmt> returns = method.getBody().map(body -> SourceFile.within(body, ReturnStmt.class,
                node -> node instanceof LambdaExpr)).orElse(List.of());
        return !returns.isEmpty() && returns.stream().allMatch(statement -> statement.getExpression()
                .flatMap(value -> BoundedFutures.why(file, value, null)).isPresent());
    }

    /** A wait known from the checked exceptions around it ({@link WaitEvidence}). */
    private static Wait inferred(String name, String why) {
        return new Wait(name + "()", name + "(timeout, unit)", "its receiver's type is not in the sources, but " + why
                + WaitEvidence.kind(name, why));
    }

    private static Wait known(BlockingApis.Wait wait) {
        return new Wait(wait.label(), wait.timed(), "");
    }

    /**
     * The wait-named methods of this file ({@code await()}, {@code get()}: a caller expects them to wait) that wait
     * without a deadline and take no timeout, each with its first such wait; a {@code reset()} or a worker loop that
     * waits inside is judged there, not at each caller. Notes
     * them for the project ({@link #BLOCKS}), and the wait-named methods that certainly do not wait ({@link
     * #DECLARES}), so that calls from other files can be judged.
     */
    private static Map<MethodDeclaration, MethodCallExpr> summarise(SourceFile file, Map<MethodCallExpr, Wait> waits,
                                                                   Map<MethodCallExpr, Boolean> undecided,
                                                                   Map<MethodCallExpr, Wait> polls) {
        Map<MethodDeclaration, MethodCallExpr> wrappers = new IdentityHashMap<>();
        for (MethodDeclaration method : file.all(MethodDeclaration.class)) {
            if (method.getBody().isEmpty() || timeoutParameter(method)) {
                continue;
            }
            List<MethodCallExpr> inside = SourceFile.within(method.getBody().get(), MethodCallExpr.class,
                    node -> false);
            // A wait suppressed with a reason (relia:ignore) is a reviewed choice: its callers inherit it.
            Optional<MethodCallExpr> first = inside.stream().filter(waits::containsKey).filter(call -> !file.ignored(
                    JavaRules.BLOCKING_WITHOUT_DEADLINE, call.getBegin().map(at -> at.line).orElse(0))).findFirst();
            Optional<String> owner = owner(method);
            String signature = "#" + method.getNameAsString() + "/" + method.getParameters().size();
            boolean waitName = WAIT_NAME.matcher(method.getNameAsString()).matches();
            if (first.isEmpty() && waitName) {
                first = PollingWait.in(method).filter(timed -> !file.ignored(JavaRules.BLOCKING_WITHOUT_DEADLINE,
                        timed.getBegin().map(at -> at.line).orElse(0)));
                first.ifPresent(timed -> polls.put(timed, new Wait(timed.getNameAsString() + "(...) in a loop with no "
                        + "deadline", "a deadline", "")));
            }
            if (first.isPresent() && waitName) {
                MethodCallExpr at = first.get();
                Wait wait = waits.containsKey(at) ? waits.get(at) : polls.get(at);
                wrappers.put(method, at);
                owner.ifPresent(name -> file.fact(BLOCKS + name + signature + "|" + wait.label(), at));
            } else if (first.isEmpty() && WAIT_NAME.matcher(method.getNameAsString()).matches()
                    && inside.stream().noneMatch(undecided::containsKey)) {
                owner.ifPresent(name -> file.fact(DECLARES + name + signature, method.getName()));
            }
        }
        return wrappers;
    }

    private static Wait wrapped(MethodDeclaration method, MethodCallExpr inner, Map<MethodCallExpr, Wait> waits) {
        return new Wait(method.getNameAsString() + "()", "a timed " + method.getNameAsString() + " (give it a timeout "
                + "parameter and pass one here)", "its body waits on " + waits.get(inner).label() + " at line "
                + inner.getBegin().map(position -> position.line).orElse(0));
    }

    private static void report(SourceFile file, MethodCallExpr call, Wait wait) {
        Optional<MethodDeclaration> enclosing = enclosingMethod(call).filter(BlockingCallCheck::timeoutParameter);
        if (enclosing.isPresent()) {
            file.report(JavaRules.BLOCKING_WITHOUT_DEADLINE, call.getName(), signature(enclosing.get())
                    + " takes a timeout but ignores it here: " + wait.label() + " waits without one" + (wait.reason()
                    .isEmpty() ? "" : " (" + wait.reason() + ")"), "pass its timeout on: use " + wait.timed());
        } else {
            String message = wait.label() + " waits without a deadline" + (wait.reason().isEmpty() ? ""
                    : ": " + wait.reason());
            file.report(JavaRules.BLOCKING_WITHOUT_DEADLINE, call.getName(), message, "use " + wait.timed()
                    + " and handle the timeout");
        }
    }

    /** The method whose own body holds {@code node} (not a lambda or inner class inside it). */
    static Optional<MethodDeclaration> enclosingMethod(Node node) {
        Node current = node.getParentNode().orElse(null);
        while (current != null) {
            if (current instanceof MethodDeclaration method) {
                return Optional.of(method);
            }
            if (current instanceof LambdaExpr || current instanceof TypeDeclaration<?>
                    || current instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()) {
                return Optional.empty();
            }
            current = current.getParentNode().orElse(null);
        }
        return Optional.empty();
    }

    /** A timeout among the parameters: a {@code TimeUnit}, a {@code Duration}, or a number named for one. */
    static boolean timeoutParameter(MethodDeclaration method) {
        for (Parameter parameter : method.getParameters()) {
            String type = parameter.getType().asString();
            String name = parameter.getNameAsString().toLowerCase(Locale.ROOT);
            if (type.endsWith("TimeUnit") || type.endsWith("Duration") || (type.equals("long") || type.equals("int")
                    || type.equals("Long")) && (name.contains("timeout") || name.contains("millis")
                    || name.contains("deadline") || name.endsWith("ms") || name.contains("nanos"))) {
                return true;
            }
        }
        return false;
    }

    private static String signature(MethodDeclaration method) {
        return method.getNameAsString() + method.getParameters().stream().map(p -> p.getType().asString())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** The class a method is declared in, fully qualified; empty for methods of anonymous classes. */
    private static Optional<String> owner(MethodDeclaration method) {
        return method.getParentNode().filter(parent -> parent instanceof TypeDeclaration<?>)
                .flatMap(parent -> ((TypeDeclaration<?>) parent).getFullyQualifiedName());
    }

    /** {@code p.Result} for a type this file resolved, its package's guess for one it could not ({@code ?Result}). */
    private static String qualified(SourceFile file, String type) {
        if (!type.startsWith("?")) {
            return type;
        }
        return "?" + file.unit().getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("")
                + type.substring(1);
    }

    private static boolean isClassReference(Expression receiver) {
        if (receiver instanceof NameExpr name) {
            return Character.isUpperCase(name.getNameAsString().charAt(0)) && Declaration.of(name).isEmpty();
        }
        return receiver instanceof FieldAccessExpr access && Character.isUpperCase(access.getNameAsString().charAt(0))
                && !access.getScope().isThisExpr();
    }

    /**
     * True when the wait is the thread's job ({@link ThreadRoles}): a worker taking its next item from a queue (not
     * a CompletionService's next result), or main waiting for its server to end.
     */
    private static boolean byRole(SourceFile file, MethodCallExpr call, String type) {
        return TAKES.contains(call.getNameAsString()) && !type.contains("CompletionService")
                && ThreadRoles.consumerTake(file, call) || ThreadRoles.mainWaitsForServer(file, call);
    }

    /** The class a static import brings {@code method} from ({@code import static ...Uninterruptibles.get...}). */
    private static Optional<String> staticImport(SourceFile file, String method) {
        for (ImportDeclaration declaration : file.unit().getImports()) {
            String name = declaration.getNameAsString();
            if (declaration.isStatic() && !declaration.isAsterisk() && name.endsWith("." + method)) {
                return Optional.of(name.substring(0, name.length() - method.length() - 1));
            }
            if (declaration.isStatic() && declaration.isAsterisk()
                    && BlockingApis.find(name, method, 1).or(() -> BlockingApis.find(name, method, 2)).isPresent()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
