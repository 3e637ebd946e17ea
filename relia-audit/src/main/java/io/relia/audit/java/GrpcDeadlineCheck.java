package io.relia.audit.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import io.relia.audit.java.ValueTrace.Outcome;

import java.util.List;
import java.util.Set;

/** {@code java/grpc-no-deadline}: generated gRPC stubs whose RPCs run without a deadline. */
final class GrpcDeadlineCheck implements JavaCheck {

    private static final Set<String> FACTORIES = Set.of("newBlockingStub", "newFutureStub", "newStub");
    private static final Set<String> DEADLINES = Set.of("withDeadlineAfter", "withDeadline");
    private static final Set<String> INTERCEPTORS = Set.of("intercept", "withInterceptors");
    private static final Set<String> NOT_RPCS = Set.of("getChannel", "getCallOptions");

    @Override
    public void check(SourceFile file) {
        if (file.unit().getImports().stream().noneMatch(i -> i.getNameAsString().startsWith("io.grpc"))) {
            return;
        }
        List<MethodCallExpr> calls = file.all(MethodCallExpr.class);
        // An interceptor on the channel may set a deadline on every call; this file cannot tell.
        if (calls.stream().anyMatch(call -> INTERCEPTORS.contains(call.getNameAsString()))) {
            return;
        }
        for (MethodCallExpr call : calls) {
            if (FACTORIES.contains(call.getNameAsString()) && call.getArguments().size() == 1
                    && call.getScope().filter(GrpcDeadlineCheck::isGeneratedServiceClass).isPresent()
                    && ValueTrace.of(file, call, DEADLINES, GrpcDeadlineCheck::isRpc, creation -> false)
                    == Outcome.USED_UNSET) {
                String service = call.getScope().get().toString();
                file.report(JavaRules.GRPC_NO_DEADLINE, call, service + "." + call.getNameAsString()
                        + "(...) stub calls RPCs without withDeadlineAfter(...): gRPC sets no deadline by default, "
                        + "so a hung server blocks the caller forever",
                        "call stub.withDeadlineAfter(2, TimeUnit.SECONDS) per call (a deadline is absolute, so "
                                + "set it at the call site, not once on a long-lived stub)");
            }
        }
    }

    private static boolean isGeneratedServiceClass(Expression scope) {
        String name = scope instanceof NameExpr n ? n.getNameAsString()
                : scope instanceof FieldAccessExpr f ? f.getNameAsString() : "";
        return name.length() > 4 && Character.isUpperCase(name.charAt(0)) && name.endsWith("Grpc");
    }

    private static boolean isRpc(String method) {
        return !method.startsWith("with") && !NOT_RPCS.contains(method);
    }
}
