package io.relia.audit.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ReferenceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the checked exceptions around a call say about its receiver when its type is not in the sources: a
 * no-argument {@code get()} that must handle {@code ExecutionException} is {@code Future.get()} (that exception is
 * how a future reports its task's failure), and a no-argument {@code await()} or {@code join()} that must handle
 * {@code InterruptedException} is an interruptible wait (a latch, a barrier, a thread). {@code TimeoutException} is
 * no evidence: only the timed forms throw it. A catch of {@code Exception} or a {@code throws Exception} is no
 * evidence either: it tells nothing about the call. The name of the call that made the receiver can tell ({@code
 * handler.closeGracefully().get()}).
 */
final class WaitEvidence {

    private static final Pattern ASYNC_NAME = Pattern.compile("[a-z]\\w*(?:Async|Gracefully)");

    private WaitEvidence() {
    }

    /**
     * Why the untimed {@code call} waits on a future or a latch, in words for the finding ("the enclosing try catches
     * ExecutionException"); empty when the exceptions around it do not say so.
     */
    static Optional<String> of(MethodCallExpr call) {
        if (!call.getArguments().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> handled = switch (call.getNameAsString()) {
            case "get" -> handled(call, "ExecutionException");
            case "await", "join" -> handled(call, "InterruptedException");
            default -> Optional.empty();
        };
        return handled.or(() -> asyncResult(call));
    }

    /**
     * A {@code get()} or {@code join()} straight on the result of a method named {@code fooAsync} or {@code
     * closeGracefully}: Java names the methods that return futures so (the JDK's {@code supplyAsync}, {@code
     * HttpClient.sendAsync}, Netty's {@code shutdownGracefully}), and neither suffix names anything else a
     * no-argument get() reads (an Optional, a Supplier, an atomic).
     */
    private static Optional<String> asyncResult(MethodCallExpr call) {
        if (!(call.getNameAsString().equals("get") || call.getNameAsString().equals("join"))
                || !(call.getScope().orElse(null) instanceof MethodCallExpr made)) {
            return Optional.empty();
        }
        String name = made.getNameAsString();
        if ((made.getScope().isEmpty() || made.getScope().get().isThisExpr()) && declaredHere(made)) {
            // The class declares it (an overload the call's arity did not match): its declaration decides, not its
            // name; a cache's getAsync that completes its future before returning it is no wait.
            return Optional.empty();
        }
        return namedAsync(name) ? Optional.of("it waits on what " + name + "() returned, and a "
                + "method named *Async or *Gracefully returns a future") : Optional.empty();
    }

    /** How the finding ends: what the evidence makes the receiver, unless the evidence said so already. */
    static String kind(String method, String evidence) {
        if (evidence.endsWith("a future")) {
            return "";
        }
        return method.equals("get") ? ", so it is a future" : ", so it is an interruptible wait";
    }

    private static boolean declaredHere(MethodCallExpr made) {
        return SourceFile.ancestor(made, ClassOrInterfaceDeclaration.class).map(type -> !type.getMethodsByName(made
                .getNameAsString()).isEmpty()).orElse(false);
    }

    /** True for {@code sendAsync} or {@code closeGracefully}: a name Java gives methods that return futures. */
    static boolean namedAsync(String method) {
        return ASYNC_NAME.matcher(method).matches();
    }

    private static Optional<String> handled(MethodCallExpr call, String exception) {
        Node child = call;
        Node parent = call.getParentNode().orElse(null);
        while (parent != null) {
            if (parent instanceof LambdaExpr || parent instanceof TypeDeclaration<?>
                    || inAnonymousBody(parent, child)) {
                // A lambda's or an inner class's body runs elsewhere: the try or throws around it does not cover it.
                return Optional.empty();
            }
            if (parent instanceof TryStmt tryStmt && child == tryStmt.getTryBlock() && catches(tryStmt, exception)) {
                return Optional.of("the enclosing try catches " + exception);
            }
            if (parent instanceof CallableDeclaration<?> callable) {
                return declares(callable.getThrownExceptions(), exception)
                        ? Optional.of(callable.getNameAsString() + "() declares throws " + exception)
                        : Optional.empty();
            }
            child = parent;
            parent = parent.getParentNode().orElse(null);
        }
        return Optional.empty();
    }

    private static boolean inAnonymousBody(Node parent, Node child) {
        return parent instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody()
                .map(body -> body.stream().anyMatch(member -> member == child)).orElse(false);
    }

    private static boolean catches(TryStmt tryStmt, String exception) {
        for (CatchClause clause : tryStmt.getCatchClauses()) {
            Type caught = clause.getParameter().getType();
            List<? extends Type> types = caught instanceof UnionType union ? union.getElements() : List.of(caught);
            if (types.stream().anyMatch(type -> named(type, exception))) {
                return true;
            }
        }
        return false;
    }

    private static boolean declares(List<ReferenceType> thrown, String exception) {
        return thrown.stream().anyMatch(type -> named(type, exception));
    }

    /** {@code ExecutionException} or {@code java.util.concurrent.ExecutionException}. */
    private static boolean named(Type type, String simpleName) {
        String written = type.asString();
        return written.equals(simpleName) || written.endsWith("." + simpleName);
    }
}
