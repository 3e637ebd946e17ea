package io.relia.audit.java;

import com.github.javaparser.ast.expr.MethodCallExpr;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code java/blocking-without-deadline}: waits without a timeout on receivers whose type is known. */
final class BlockingCallCheck implements JavaCheck {

    private static final String CONCURRENT = "java.util.concurrent.";
    private static final Set<String> FUTURES = Set.of("Future", "CompletableFuture", "ScheduledFuture", "FutureTask",
            "ForkJoinTask", "RunnableFuture");
    private static final Set<String> QUEUES = Set.of("BlockingQueue", "BlockingDeque", "LinkedBlockingQueue",
            "ArrayBlockingQueue", "LinkedBlockingDeque", "SynchronousQueue", "TransferQueue",
            "PriorityBlockingQueue", "DelayQueue", "LinkedTransferQueue");
    /** Queues whose put() never blocks because they are unbounded by design. */
    private static final Set<String> NEVER_FULL = Set.of("PriorityBlockingQueue", "DelayQueue",
            "LinkedTransferQueue");
    private static final Map<String, String> TIMED = Map.of("get", "get(timeout, unit)", "join",
            "orTimeout(...).join() or get(timeout, unit)", "await", "await(timeout, unit)", "take",
            "poll(timeout, unit)", "put", "offer(e, timeout, unit)", "acquire", "tryAcquire(timeout, unit)",
            "wait", "wait(timeoutMillis) in a loop");

    @Override
    public void check(SourceFile file) {
        for (MethodCallExpr call : file.all(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            if (!TIMED.containsKey(name) || call.getArguments().size() > 1) {
                continue;
            }
            Optional<String> type = call.getScope().isEmpty() || call.getScope().get().isThisExpr()
                    ? Optional.of("java.lang.Object")
                    : file.typeOf(call.getScope().get());
            if (type.isPresent() && blocks(type.get(), name, call.getArguments().size())) {
                String simple = type.get().substring(type.get().lastIndexOf('.') + 1);
                file.report(JavaRules.BLOCKING_WITHOUT_DEADLINE, call.getName(), simple + "." + name
                        + "() waits without a deadline", "use " + TIMED.get(name) + " and handle the timeout");
            }
        }
    }

    private static boolean blocks(String type, String method, int arguments) {
        if (type.equals("java.lang.Object")) {
            return method.equals("wait") && arguments == 0;
        }
        if (type.equals("java.lang.Thread")) {
            return method.equals("join") && arguments == 0;
        }
        if (type.equals("java.util.concurrent.locks.Condition")) {
            return method.equals("await") && arguments == 0;
        }
        if (!type.startsWith(CONCURRENT)) {
            return false;
        }
        String simple = type.substring(CONCURRENT.length());
        return switch (method) {
            case "get" -> FUTURES.contains(simple) && arguments == 0;
            case "join" -> (simple.equals("CompletableFuture") || simple.equals("ForkJoinTask")) && arguments == 0;
            case "await" -> (simple.equals("CountDownLatch") || simple.equals("CyclicBarrier")) && arguments == 0;
            case "take" -> QUEUES.contains(simple) && arguments == 0;
            case "put" -> QUEUES.contains(simple) && !NEVER_FULL.contains(simple) && arguments == 1;
            case "acquire" -> simple.equals("Semaphore");
            default -> false;
        };
    }
}
