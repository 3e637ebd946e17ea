package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;

import java.util.Optional;
import java.util.Set;

/**
 * Futures that complete on their own, judged by where they come from: the call that made them, written on the
 * receiver ({@code bootstrap.bind(addr).sync()}) or in the initializer of a local that is never reassigned
 * ({@code ChannelFuture f = bootstrap.bind(addr); f.sync()}).
 */
final class BoundedFutures {

    /**
     * Netty operations whose futures complete on their own schedule: a server's closeFuture() is waited on by
     * design; bind succeeds or fails at once; connect fails after CONNECT_TIMEOUT_MILLIS (30 s by default,
     * DefaultChannelConfig in Netty 4.1, https://netty.io/4.1/api/io/netty/channel/ChannelOption.html); close is
     * local to the channel's event loop (no peer answers it); shutdownGracefully ends after its own timeout.
     */
    private static final Set<String> NETTY_SELF_BOUNDED = Set.of("closeFuture", "bind", "connect", "close",
            "shutdownGracefully", "terminationFuture");

    private static final String NETTY = "io.netty.";
    private static final String COMPLETABLE = "java.util.concurrent.CompletableFuture";

    /**
     * CompletableFuture's timeouts (Java 9+): orTimeout fails the future, completeOnTimeout completes it, once the
     * timeout passed; a wait on the chain after either is bounded.
     */
    private static final Set<String> TIMEOUTS = Set.of("orTimeout", "completeOnTimeout");
    /** Static factories of a future that is complete when made: get() and join() on it return at once. */
    private static final Set<String> COMPLETED = Set.of("completedFuture", "completedStage", "failedFuture",
            "failedStage");
    /**
     * Stages that run their function in the calling thread once the future before them is complete, so a completed
     * future stays complete through them; a compose, a combine or an async stage may wait on something else.
     */
    private static final Set<String> SYNC_STAGES = Set.of("thenApply", "thenAccept", "thenRun", "handle",
            "whenComplete", "exceptionally", "toCompletableFuture");
    private static final String COMPLETE = "CompletableFuture.";

    private BoundedFutures() {
    }

    /**
     * Why waiting on {@code future} ends on its own, when it does: a Netty bind/connect/close future, a future of a
     * library that times out its calls ({@link BlockingApis#bound}), or one of those held in a local. {@code type}
     * is the future's type when the table knows it, {@code null} when the sources do not tell (then a Netty operation
     * counts only when its receiver is a declared Netty type: {@code bootstrap.bind(addr)}).
     */
    static Optional<String> why(SourceFile file, Expression future, String type) {
        Optional<String> own = type == null ? Optional.empty() : BlockingApis.bound(type, null);
        if (own.isPresent()) {
            return own;
        }
        Optional<MethodCallExpr> origin = origin(future, 0);
        if (origin.isEmpty()) {
            return Optional.empty();
        }
        if (NETTY_SELF_BOUNDED.contains(origin.get().getNameAsString()) && (type != null && type.startsWith(NETTY)
                || origin.get().getScope().flatMap(file::receiverType).filter(s -> s.startsWith(NETTY)).isPresent())) {
            return Optional.of("a Netty " + origin.get().getNameAsString() + " future completes on its own");
        }
        return madeBy(file, origin.get(), 0).or(() -> madeByHelper(file, origin.get()));
    }

    /**
     * A future returned by a method of this file ({@code sendRequest().join()}) whose body makes a call the table
     * bounds: the future it hands back is that call's response, reshaped.
     */
    private static Optional<String> madeByHelper(SourceFile file, MethodCallExpr call) {
        if (call.getScope().isPresent() && !call.getScope().get().isThisExpr()) {
            return Optional.empty();
        }
        return file.unit().findFirst(MethodDeclaration.class, m -> m.getNameAsString().equals(call.getNameAsString())
                && m.getParameters().size() == call.getArguments().size() && m.getBody().isPresent())
                .flatMap(helper -> helper.findAll(MethodCallExpr.class).stream()
                        .map(inner -> madeBy(file, inner, 0)).flatMap(Optional::stream).findFirst());
    }

    /** The call that made the future: the receiver itself, or the initializer of a local never reassigned. */
    private static Optional<MethodCallExpr> origin(Expression expression, int depth) {
        if (depth > 4) {
            return Optional.empty();
        }
        if (expression instanceof EnclosedExpr enclosed) {
            return origin(enclosed.getInner(), depth + 1);
        }
        if (expression instanceof CastExpr cast) {
            return origin(cast.getExpression(), depth + 1);
        }
        if (expression instanceof MethodCallExpr call) {
            return Optional.of(call);
        }
        if (expression instanceof NameExpr name) {
            return Declaration.of(name).filter(declared -> declared.node() instanceof VariableDeclarator)
                    .filter(declared -> !reassigned(name.getNameAsString(), declared.node()))
                    .flatMap(Declaration::initializer).flatMap(init -> origin(init, depth + 1));
        }
        return Optional.empty();
    }

    /** True when the local declared at {@code declarator} is assigned again in its block. */
    private static boolean reassigned(String name, Node declarator) {
        return SourceFile.ancestor(declarator, BlockStmt.class).map(block -> block.findFirst(AssignExpr.class,
                assign -> assign.getTarget() instanceof NameExpr target && target.getNameAsString().equals(name))
                .isPresent()).orElse(true);
    }

    /**
     * A library call the table bounds, found along the chain that made the future: {@code
     * admin.describeConfigs(r).all()} is bounded because {@code admin} is a Kafka admin client; so is {@code
     * f.orTimeout(30, SECONDS).thenApply(g)}, and {@code completedFuture(v).thenApply(g)} does not wait at all.
     */
    private static Optional<String> madeBy(SourceFile file, MethodCallExpr call, int depth) {
        if (depth > 6 || call.getScope().isEmpty()) {
            return Optional.empty();
        }
        if (TIMEOUTS.contains(call.getNameAsString())) {
            return Optional.of("in its chain, " + call.getNameAsString() + "(...) completes it after a timeout");
        }
        Expression scope = call.getScope().get();
        if (COMPLETED.contains(call.getNameAsString()) && file.isClass(Optional.of(scope), COMPLETABLE)) {
            return Optional.of(COMPLETE + call.getNameAsString() + " made it complete");
        }
        Optional<String> bound = file.receiverType(scope).filter(type -> !type.startsWith("?"))
                .flatMap(type -> BlockingApis.bound(type, call.getNameAsString()));
        if (bound.isPresent()) {
            return bound;
        }
        if (!(scope instanceof MethodCallExpr inner)) {
            return Optional.empty();
        }
        // A timeout earlier in the chain bounds what follows it (each later stage waits for it to complete or fail);
        // a completed start stays complete only through stages that add no wait of their own.
        return madeBy(file, inner, depth + 1).filter(why -> !why.startsWith(COMPLETE)
                || SYNC_STAGES.contains(call.getNameAsString()));
    }
}
