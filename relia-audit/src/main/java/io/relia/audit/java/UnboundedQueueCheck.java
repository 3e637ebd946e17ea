package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code java/unbounded-queue}: a field holding a queue without a capacity ({@code new LinkedBlockingQueue<>()},
 * {@code ConcurrentLinkedQueue}, {@code PriorityBlockingQueue}, an {@code ArrayDeque} or {@code LinkedList} declared as
 * a queue) that methods other classes can call add to, with no size check in the file. Producers faster than the
 * consumer then grow it until the heap is gone. A queue handed to an executor is {@code java/unbounded-executor}'s,
 * and a static one that is never drained is {@code java/static-collection-grows}'s: neither is reported twice.
 */
final class UnboundedQueueCheck implements JavaCheck {

    /** Capacity-taking queues: unbounded without a capacity argument (or with Integer.MAX_VALUE, their default). */
    private static final Set<String> OPTIONALLY_BOUNDED = Set.of("java.util.concurrent.LinkedBlockingQueue",
            "java.util.concurrent.LinkedBlockingDeque");
    /** Queues with no capacity at all: an int argument is only the initial size of the backing array. */
    private static final Set<String> NEVER_BOUNDED = Set.of("java.util.concurrent.ConcurrentLinkedQueue",
            "java.util.concurrent.ConcurrentLinkedDeque", "java.util.concurrent.PriorityBlockingQueue",
            "java.util.concurrent.LinkedTransferQueue", "java.util.concurrent.DelayQueue");
    /** General collections, judged only when the field is declared as a Queue or Deque (a buffer, not a list). */
    private static final Set<String> BUFFERS = Set.of("java.util.ArrayDeque", "java.util.LinkedList",
            "java.util.PriorityQueue");
    /**
     * Declared field types that can hold one of the queues above; other fields are not traced (looking for the
     * assignments of a field without initializer walks its whole class, which for every field cost 5% of the audit).
     */
    private static final Pattern MAY_HOLD_A_QUEUE = Pattern.compile("Queue|Deque|Collection|Iterable|^Object$");
    private static final Set<String> ADDS = Set.of("add", "offer", "put", "addLast", "addFirst", "offerLast",
            "offerFirst", "putLast", "putFirst", "push", "addAll", "transfer");
    /** Signs that the file keeps the queue in check before adding. */
    private static final Set<String> GUARDS = Set.of("size", "remainingCapacity");
    /** A semaphore's permits bound what producers may have in flight. */
    private static final Set<String> SEMAPHORE = Set.of("tryAcquire", "acquire");
    /** Consumers: a queue nobody drains is a leak, not a buffer (static-collection-grows reports static ones). */
    private static final Set<String> DRAINS = Set.of("poll", "take", "remove", "drainTo", "pollFirst", "pollLast",
            "removeFirst", "removeLast", "pop", "clear", "iterator", "forEach", "isEmpty", "peek", "stream");

    @Override
    public void check(SourceFile file) {
        for (FieldDeclaration field : file.all(FieldDeclaration.class)) {
            for (VariableDeclarator variable : field.getVariables()) {
                unboundedCreation(file, field, variable).ifPresent(creation -> judge(file, field, variable, creation));
            }
        }
    }

    private static void judge(SourceFile file, FieldDeclaration field, VariableDeclarator variable,
                              ObjectCreationExpr creation) {
        TypeDeclaration<?> owner = SourceFile.ancestor(field, TypeDeclaration.class).orElse(null);
        if (owner == null) {
            return;
        }
        String name = variable.getNameAsString();
        List<MethodCallExpr> calls = callsOn(owner, name);
        boolean concurrent = !BUFFERS.contains(file.resolve(creation.getType()));
        List<MethodCallExpr> adds = calls.stream().filter(call -> ADDS.contains(call.getNameAsString())
                && reachableFromOutside(call) && (concurrent || synchronizedAt(call))).toList();
        boolean guarded = calls.stream().anyMatch(call -> GUARDS.contains(call.getNameAsString()))
                || !owner.findAll(MethodCallExpr.class, call -> SEMAPHORE.contains(call.getNameAsString())).isEmpty();
        boolean drained = calls.stream().anyMatch(call -> DRAINS.contains(call.getNameAsString()));
        if (adds.isEmpty() || guarded || handedOn(owner, name) || (field.isStatic() && !drained)) {
            return;
        }
        MethodCallExpr add = adds.get(0);
        String method = SourceFile.ancestor(add, MethodDeclaration.class).map(MethodDeclaration::getNameAsString)
                .orElse("?");
        file.report(JavaRules.UNBOUNDED_QUEUE, creation, creation.getType().getNameAsString() + " '" + name
                + "' has no capacity and " + method + "(...) adds to it from outside the class without a size "
                + "check: producers faster than the consumer grow it until the heap is gone",
                "give it a capacity (new ArrayBlockingQueue<>(n) or new LinkedBlockingQueue<>(n)) and decide what "
                        + "happens when it is full: offer(...) and reject, or put with a timeout");
    }

    /** The field's unbounded queue creation, from its initializer or an assignment in the class. */
    private static Optional<ObjectCreationExpr> unboundedCreation(SourceFile file, FieldDeclaration field,
                                                                  VariableDeclarator variable) {
        String declared = variable.getType().asString();
        if (!MAY_HOLD_A_QUEUE.matcher(declared).find()) {
            return Optional.empty();
        }
        List<Expression> values = new ArrayList<>();
        variable.getInitializer().ifPresent(values::add);
        if (values.isEmpty()) {
            SourceFile.ancestor(field, TypeDeclaration.class).ifPresent(owner -> owner.findAll(AssignExpr.class)
                    .stream().filter(assign -> names(assign.getTarget(), variable.getNameAsString()))
                    .forEach(assign -> values.add(assign.getValue())));
        }
        for (Expression value : values) {
            if (value instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isEmpty()
                    && unbounded(file, creation, declared)) {
                return Optional.of(creation);
            }
        }
        return Optional.empty();
    }

    private static boolean unbounded(SourceFile file, ObjectCreationExpr creation, String declared) {
        String type = file.resolve(creation.getType());
        if (NEVER_BOUNDED.contains(type)) {
            return true;
        }
        if (OPTIONALLY_BOUNDED.contains(type)) {
            return creation.getArguments().isEmpty() || creation.getArgument(0).toString()
                    .equals("Integer.MAX_VALUE");
        }
        return BUFFERS.contains(type) && (declared.contains("Queue") || declared.contains("Deque"));
    }

    /** Calls whose receiver is the field, as {@code name.x()} or {@code this.name.x()}. */
    private static List<MethodCallExpr> callsOn(Node owner, String name) {
        return owner.findAll(MethodCallExpr.class, call -> call.getScope().filter(scope -> names(scope, name))
                .isPresent());
    }

    private static boolean names(Expression expression, String name) {
        return expression instanceof NameExpr simple && simple.getNameAsString().equals(name)
                || expression instanceof FieldAccessExpr access && access.getScope().isThisExpr()
                && access.getNameAsString().equals(name);
    }

    /**
     * True when the call sits in a method that other classes can call (not private, not a constructor), or in a
     * lambda or anonymous class: a callback registered with a client is fed from outside too.
     */
    private static boolean reachableFromOutside(MethodCallExpr call) {
        Node current = call.getParentNode().orElse(null);
        while (current != null) {
            if (current instanceof LambdaExpr || current instanceof ObjectCreationExpr creation
                    && creation.getAnonymousClassBody().isPresent()) {
                return true;
            }
            if (current instanceof MethodDeclaration method) {
                return !method.isPrivate();
            }
            if (current instanceof ConstructorDeclaration || current instanceof TypeDeclaration) {
                return false;
            }
            current = current.getParentNode().orElse(null);
        }
        return false;
    }

    /**
     * True when {@code call} runs under a lock (a synchronized method or block): an ArrayDeque or LinkedList is then
     * a buffer shared between threads. Used by one thread (an event loop), it is bounded by that thread's own flow
     * control, and reporting it was noise on Relia's own Netty proxy.
     */
    private static boolean synchronizedAt(MethodCallExpr call) {
        return SourceFile.ancestor(call, SynchronizedStmt.class).isPresent()
                || SourceFile.ancestor(call, MethodDeclaration.class).filter(MethodDeclaration::isSynchronized)
                .isPresent();
    }

    /** True when the queue itself is passed somewhere (an executor, a consumer) or returned: judged there. */
    private static boolean handedOn(Node owner, String name) {
        for (NameExpr use : owner.findAll(NameExpr.class, n -> n.getNameAsString().equals(name))) {
            Node parent = use.getParentNode().orElse(null);
            if (parent instanceof MethodCallExpr call && call.getArguments().contains(use)
                    || parent instanceof ObjectCreationExpr
                    || parent instanceof ReturnStmt) {
                return true;
            }
        }
        return false;
    }
}
