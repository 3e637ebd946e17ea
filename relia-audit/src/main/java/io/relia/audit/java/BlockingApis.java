package io.relia.audit.java;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The waits without a deadline of the JDK and of well-known libraries, as data: which call on which type blocks until
 * something else happens, and the timed form to use instead. Each group cites the Javadoc that says so. Library types
 * are matched by name, so the audited code needs no jars. Left out on purpose, because a timeout bounds them
 * already: OkHttp {@code Call.execute()} (client call/read timeouts), Jedis and Lettuce synchronous commands (socket
 * and command timeouts), Netty {@code connect(...)} futures ({@code CONNECT_TIMEOUT_MILLIS}), gRPC blocking stubs
 * (rule {@code java/grpc-no-deadline}); Spring's {@code AsyncResult} is complete when made, its get() returns at once.
 */
final class BlockingApis {

    /**
     * One untimed wait.
     *
     * @param type      the receiver's fully qualified type, or for a static wait the class that declares it
     * @param method    the method name
     * @param arguments how many arguments the untimed form takes
     * @param isStatic  a static helper that waits on its argument ({@code Futures.getUnchecked(future)})
     * @param timed     the timed form to use instead
     */
    record Wait(String type, String method, int arguments, boolean isStatic, String timed) {

        Wait {
            if (type.isBlank() || method.isBlank() || arguments < 0 || timed.isBlank()) {
                throw new IllegalArgumentException("incomplete wait: " + type + "#" + method);
            }
        }

        /** {@code ListenableFuture.get()}, as messages show it. */
        String label() {
            return type.substring(type.lastIndexOf('.') + 1) + "." + method + "()";
        }
    }

    private static final String JUC = "java.util.concurrent.";
    private static final String GUAVA = "com.google.common.util.concurrent.";
    private static final String GET = "get(timeout, unit)";

    // java.util.concurrent, https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/util/concurrent/
    // package-summary.html: Future.get() "waits if necessary for the computation to complete"; the timed forms take
    // (long, TimeUnit).
    private static final List<Wait> JDK = Stream.of(
            instances(List.of(JUC + "Future", JUC + "CompletableFuture", JUC + "ScheduledFuture", JUC + "FutureTask",
                    JUC + "ForkJoinTask", JUC + "RunnableFuture", JUC + "RunnableScheduledFuture"), "get", 0, GET),
            instances(List.of(JUC + "CompletableFuture", JUC + "ForkJoinTask"), "join", 0,
                    "orTimeout(...).join() or get(timeout, unit)"),
            instances(List.of(JUC + "CountDownLatch", JUC + "CyclicBarrier", JUC + "locks.Condition"), "await", 0,
                    "await(timeout, unit)"),
            instances(List.of(JUC + "locks.Condition"), "awaitUninterruptibly", 0, "awaitNanos(nanos)"),
            instances(queues(), "take", 0, "poll(timeout, unit)"),
            instances(boundedQueues(), "put", 1, "offer(e, timeout, unit)"),
            instances(List.of(JUC + "BlockingDeque", JUC + "LinkedBlockingDeque"), "takeFirst", 0,
                    "pollFirst(timeout, unit)"),
            instances(List.of(JUC + "BlockingDeque", JUC + "LinkedBlockingDeque"), "takeLast", 0,
                    "pollLast(timeout, unit)"),
            instances(List.of(JUC + "BlockingDeque", JUC + "LinkedBlockingDeque"), "putFirst", 1,
                    "offerFirst(e, timeout, unit)"),
            instances(List.of(JUC + "BlockingDeque", JUC + "LinkedBlockingDeque"), "putLast", 1,
                    "offerLast(e, timeout, unit)"),
            instances(List.of(JUC + "TransferQueue", JUC + "LinkedTransferQueue"), "transfer", 1,
                    "tryTransfer(e, timeout, unit)"),
            instances(List.of(JUC + "Semaphore"), "acquire", 0, "tryAcquire(timeout, unit)"),
            instances(List.of(JUC + "Semaphore"), "acquire", 1, "tryAcquire(permits, timeout, unit)"),
            instances(List.of(JUC + "Exchanger"), "exchange", 1, "exchange(x, timeout, unit)"),
            instances(List.of(JUC + "Phaser"), "awaitAdvance", 1, "awaitAdvanceInterruptibly(phase, timeout, unit)"),
            instances(List.of(JUC + "Phaser"), "awaitAdvanceInterruptibly", 1,
                    "awaitAdvanceInterruptibly(phase, timeout, unit)"),
            instances(executors(), "invokeAll", 1, "invokeAll(tasks, timeout, unit)"),
            instances(executors(), "invokeAny", 1, "invokeAny(tasks, timeout, unit)"),
            instances(List.of(JUC + "CompletionService", JUC + "ExecutorCompletionService"), "take", 0,
                    "poll(timeout, unit)"),
            // https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/lang/Thread.html#join()
            instances(List.of("java.lang.Thread"), "join", 0, "join(millis) and check isAlive()"),
            // https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/lang/Object.html#wait()
            instances(List.of("java.lang.Object"), "wait", 0, "wait(timeoutMillis) in a loop"),
            // https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/lang/Process.html#waitFor()
            instances(List.of("java.lang.Process"), "waitFor", 0, "waitFor(timeout, unit)"))
            .flatMap(List::stream).toList();

    private static final List<Wait> LIBRARIES = Stream.of(
            // Guava, https://guava.dev/releases/33.0.0-jre/api/docs/com/google/common/util/concurrent/
            // ListenableFuture.html (a Future), Futures.html#getUnchecked(java.util.concurrent.Future) and
            // Uninterruptibles.html ("waits uninterruptibly"; each has a timed overload). gRPC future stubs return
            // ListenableFuture.
            instances(List.of(GUAVA + "ListenableFuture", GUAVA + "FluentFuture", GUAVA + "SettableFuture",
                    GUAVA + "AbstractFuture", GUAVA + "ListenableFutureTask", GUAVA + "ListenableScheduledFuture",
                    GUAVA + "CheckedFuture"), "get", 0, GET),
            statics(GUAVA + "Futures", "getUnchecked", 1, "getChecked(future, X.class, timeout, unit)"),
            statics(GUAVA + "Futures", "getChecked", 2, "getChecked(future, X.class, timeout, unit)"),
            statics(GUAVA + "Uninterruptibles", "getUninterruptibly", 1, "getUninterruptibly(future, timeout, unit)"),
            statics(GUAVA + "Uninterruptibles", "awaitUninterruptibly", 1,
                    "awaitUninterruptibly(latch, timeout, unit)"),
            statics(GUAVA + "Uninterruptibles", "joinUninterruptibly", 1, "joinUninterruptibly(thread, timeout, unit)"),
            statics(GUAVA + "Uninterruptibles", "takeUninterruptibly", 1, "a timed poll(timeout, unit)"),
            statics(GUAVA + "Uninterruptibles", "putUninterruptibly", 2, "a timed offer(e, timeout, unit)"),
            // Netty, https://netty.io/4.1/api/io/netty/util/concurrent/Future.html: await()/sync() wait "for this
            // future to be completed"; await(long, TimeUnit) is the bounded form.
            nettyWaits(),
            // Spring, https://docs.spring.io/spring-framework/docs/5.3.x/javadoc-api/org/springframework/util/
            // concurrent/ListenableFuture.html (a Future).
            instances(List.of("org.springframework.util.concurrent.ListenableFuture",
                    "org.springframework.util.concurrent.SettableListenableFuture",
                    "org.springframework.util.concurrent.ListenableFutureTask"), "get", 0, GET),
            // Reactor, https://projectreactor.io/docs/core/release/api/reactor/core/publisher/Mono.html#block():
            // "subscribe to this Mono and block indefinitely until a next signal is received".
            instances(List.of("reactor.core.publisher.Mono"), "block", 0, "block(Duration)"),
            instances(List.of("reactor.core.publisher.Mono"), "blockOptional", 0, "blockOptional(Duration)"),
            instances(List.of("reactor.core.publisher.Flux"), "blockFirst", 0, "blockFirst(Duration)"),
            instances(List.of("reactor.core.publisher.Flux"), "blockLast", 0, "blockLast(Duration)"),
            // Apache HttpClient 4 and 5 async futures, https://hc.apache.org/httpcomponents-core-5.2.x/current/
            // httpcore5/apidocs/org/apache/hc/core5/concurrent/BasicFuture.html.
            instances(List.of("org.apache.http.concurrent.BasicFuture", "org.apache.hc.core5.concurrent.BasicFuture",
                    "org.apache.hc.core5.concurrent.ComplexFuture"), "get", 0, GET),
            // Lettuce, https://lettuce.io/core/release/api/io/lettuce/core/RedisFuture.html (a Future; await(timeout,
            // unit) is its bounded wait). Its command timeout (RedisURI, 60 s) bounds async commands only when
            // TimeoutOptions are enabled, the default only since Lettuce 6.5 (github.com/redis/lettuce/issues/2518):
            // the sources do not say which version runs, so it stays a wait. Google API futures (Pub/Sub publish,
            // Datastore/Firestore commits), https://googleapis.dev/java/api-common/latest/com/google/api/core/
            // ApiFuture.html: an ApiFuture may come from anywhere (SettableApiFuture, ApiFutures.transform), and only
            // some clients' retry settings carry a total timeout, so it stays a wait too.
            instances(List.of("io.lettuce.core.RedisFuture", "com.google.api.core.ApiFuture",
                    "com.google.api.core.SettableApiFuture", "com.google.api.gax.longrunning.OperationFuture"),
                    "get", 0, GET))
            .flatMap(List::stream).toList();

    private static final String KAFKA_API_TIMEOUT = "the Kafka admin client's default.api.timeout.ms (60 s unless "
            + "configured)";

    /**
     * Futures the library itself completes within a timeout of its client, keyed by the future's type, by the
     * {@code type#method} that hands it out, or by a package whose calls all do ({@code "org.example."}): a get() on
     * one is bounded, not "without a deadline". Kafka's admin client fails every call's KafkaFuture with a
     * TimeoutException after default.api.timeout.ms (KIP-533, Kafka 2.5+; https://kafka.apache.org/documentation/
     * #adminclientconfigs_default.api.timeout.ms); the producer completes each send() future within
     * delivery.timeout.ms, "an upper bound on the time to report success or failure after a call to send() returns"
     * (KIP-91, Kafka 2.1+; https://kafka.apache.org/documentation/#producerconfigs_delivery.timeout.ms), after
     * blocking in send() for at most max.block.ms. Armeria's clients (WebClient, RestClient, its gRPC and Thrift
     * clients) fail every response after the client's response timeout, 15 s unless configured
     * (DefaultFlagsProvider.DEFAULT_RESPONSE_TIMEOUT_MILLIS; https://armeria.dev/docs/client-timeouts, "the default
     * client-side timeout of a response"), so a future made from their response completes. OkHttp's call timeout
     * (0, none, by default) and Java 11's HttpClient (no request timeout unless set) bound nothing and are not here.
     */
    private static final Map<String, String> BOUNDED = Map.of(
            "com.linecorp.armeria.client.", "the Armeria client's response timeout (15 s unless configured)",
            "org.apache.kafka.common.KafkaFuture", KAFKA_API_TIMEOUT,
            "org.apache.kafka.common.internals.KafkaFutureImpl", KAFKA_API_TIMEOUT,
            "org.apache.kafka.clients.admin.", KAFKA_API_TIMEOUT,
            "org.apache.kafka.clients.producer.Producer#send", "the Kafka producer's delivery.timeout.ms (120 s unless "
                    + "configured)",
            "org.apache.kafka.clients.producer.KafkaProducer#send", "the Kafka producer's delivery.timeout.ms (120 s "
                    + "unless configured)");

    /**
     * Return types of library calls that hand out futures, keyed {@code type#method}: lets {@code
     * producer.send(record).get()} and {@code var f = Futures.transform(...)} be typed.
     */
    private static final Map<String, String> RETURNS = Map.ofEntries(
            // https://kafka.apache.org/36/javadoc/org/apache/kafka/clients/producer/Producer.html#send
            Map.entry("org.apache.kafka.clients.producer.Producer#send", JUC + "Future"),
            Map.entry("org.apache.kafka.clients.producer.KafkaProducer#send", JUC + "Future"),
            Map.entry(GUAVA + "Futures#transform", GUAVA + "ListenableFuture"),
            Map.entry(GUAVA + "Futures#transformAsync", GUAVA + "ListenableFuture"),
            Map.entry(GUAVA + "Futures#allAsList", GUAVA + "ListenableFuture"),
            Map.entry(GUAVA + "Futures#successfulAsList", GUAVA + "ListenableFuture"),
            Map.entry(GUAVA + "Futures#catching", GUAVA + "ListenableFuture"),
            Map.entry(GUAVA + "FluentFuture#from", GUAVA + "FluentFuture"),
            Map.entry(GUAVA + "FluentFuture#transform", GUAVA + "FluentFuture"),
            Map.entry(GUAVA + "FluentFuture#transformAsync", GUAVA + "FluentFuture"),
            Map.entry(GUAVA + "SettableFuture#create", GUAVA + "SettableFuture"),
            Map.entry(GUAVA + "ListeningExecutorService#submit", GUAVA + "ListenableFuture"),
            Map.entry(JUC + "CompletionStage#toCompletableFuture", JUC + "CompletableFuture"),
            Map.entry(JUC + "CompletableFuture#toCompletableFuture", JUC + "CompletableFuture"),
            // Vert.x 4 futures have no blocking get; https://vertx.io/docs/apidocs/io/vertx/core/Future.html
            // #toCompletionStage() leads to one.
            Map.entry("io.vertx.core.Future#toCompletionStage", JUC + "CompletionStage"));

    /**
     * CompletableFuture's own methods that hand out another CompletableFuture (its stages, its static factories, its
     * timeouts), https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/util/concurrent/
     * CompletableFuture.html: lets {@code allOf(a, b).join()} and {@code f.thenCompose(g).get()} be typed. The same
     * stage methods of a CompletionStage hand out a CompletionStage.
     */
    private static final Set<String> STAGES = Set.of("thenApply", "thenApplyAsync", "thenAccept", "thenAcceptAsync",
            "thenRun", "thenRunAsync", "thenCompose", "thenComposeAsync", "thenCombine", "thenCombineAsync",
            "thenAcceptBoth", "thenAcceptBothAsync", "runAfterBoth", "runAfterBothAsync", "applyToEither",
            "applyToEitherAsync", "acceptEither", "acceptEitherAsync", "runAfterEither", "runAfterEitherAsync",
            "handle", "handleAsync", "whenComplete", "whenCompleteAsync", "exceptionally", "exceptionallyAsync",
            "exceptionallyCompose", "exceptionallyComposeAsync");
    private static final Set<String> FUTURE_ONLY = Set.of("allOf", "anyOf", "supplyAsync", "runAsync",
            "completedFuture", "failedFuture", "orTimeout", "completeOnTimeout", "copy", "newIncompleteFuture");

    /**
     * Future types whose get() does not wait: Spring's AsyncResult is made with its value ("a pass-through Future
     * handle", https://docs.spring.io/spring-framework/docs/5.3.x/javadoc-api/org/springframework/scheduling/
     * annotation/AsyncResult.html).
     */
    private static final Set<String> COMPLETED = Set.of("org.springframework.scheduling.annotation.AsyncResult");

    private static final Map<String, Wait> BY_CALL = Stream.concat(JDK.stream(), LIBRARIES.stream())
            .collect(Collectors.toUnmodifiableMap(BlockingApis::key, wait -> wait));
    private static final Set<String> TYPES = Stream.of(
            Stream.concat(JDK.stream(), LIBRARIES.stream()).map(Wait::type),
            RETURNS.keySet().stream().map(call -> call.substring(0, call.indexOf('#'))),
            BOUNDED.keySet().stream().filter(key -> !key.endsWith("."))
                    .map(key -> key.contains("#") ? key.substring(0, key.indexOf('#')) : key),
            COMPLETED.stream()).flatMap(types -> types).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> PACKAGES = TYPES.stream().map(type -> type.substring(0, type.lastIndexOf('.')))
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> NAMES = Stream.concat(JDK.stream(), LIBRARIES.stream()).map(Wait::method)
            .collect(Collectors.toUnmodifiableSet());

    private BlockingApis() {
    }

    /** The untimed wait {@code type.method} with {@code arguments} arguments, when it is one. */
    static Optional<Wait> find(String type, String method, int arguments) {
        return Optional.ofNullable(BY_CALL.get(type + "#" + method + "/" + arguments));
    }

    /** True when {@code type} is a type of this table (so a wildcard import of its package resolves it). */
    static boolean knows(String type) {
        return TYPES.contains(type);
    }

    /**
     * True when the table speaks for {@code type}: a JDK type, or a type of a package the table covers, so a wait it
     * does not list is no wait ({@code AtomicReference.get()}, {@code Mono.subscribe()}).
     */
    static boolean judges(String type) {
        int dot = type.lastIndexOf('.');
        return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jakarta.")
                || dot > 0 && PACKAGES.contains(type.substring(0, dot));
    }

    /**
     * What bounds a future of {@code type}, or one handed out by {@code type#method} ({@code method} may be null for
     * the future's own type), when the library does: empty for a future that can wait forever.
     */
    static Optional<String> bound(String type, String method) {
        int dot = type.lastIndexOf('.');
        return Optional.ofNullable(BOUNDED.get(method == null ? type : type + "#" + method))
                .or(() -> Optional.ofNullable(dot > 0 ? BOUNDED.get(type.substring(0, dot + 1)) : null));
    }

    /** True when {@code type}'s waits return at once: it is made complete ({@code AsyncResult}). */
    static boolean completes(String type) {
        return COMPLETED.contains(type);
    }

    /** True when some wait of the table has this method name. */
    static boolean isWaitName(String method) {
        return NAMES.contains(method);
    }

    /** The return type of the library call {@code type#method}, when the table knows it. */
    static Optional<String> returns(String type, String method) {
        if (type.equals(JUC + "CompletableFuture") && (STAGES.contains(method) || FUTURE_ONLY.contains(method))) {
            return Optional.of(type);
        }
        if (type.equals(JUC + "CompletionStage") && STAGES.contains(method)) {
            return Optional.of(type);
        }
        return Optional.ofNullable(RETURNS.get(type + "#" + method));
    }

    /**
     * The type a call returns whatever its receiver: {@code toCompletableFuture()} is CompletionStage's contract (a
     * stage of the project's own API, {@code fetcher.fetch(uri).thenApply(f).toCompletableFuture()}, converts to
     * the JDK's future).
     */
    static Optional<String> returnsByName(String method, int arguments) {
        return method.equals("toCompletableFuture") && arguments == 0 ? Optional.of(JUC + "CompletableFuture")
                : Optional.empty();
    }

    /** All waits of the table, JDK first. */
    static List<Wait> all() {
        return Stream.concat(JDK.stream(), LIBRARIES.stream()).toList();
    }

    private static String key(Wait wait) {
        return wait.type() + "#" + wait.method() + "/" + wait.arguments();
    }

    private static List<Wait> instances(List<String> types, String method, int arguments, String timed) {
        return types.stream().map(type -> new Wait(type, method, arguments, false, timed)).toList();
    }

    private static List<Wait> statics(String type, String method, int arguments, String timed) {
        return List.of(new Wait(type, method, arguments, true, timed));
    }

    private static List<Wait> nettyWaits() {
        List<String> futures = List.of("io.netty.util.concurrent.Future", "io.netty.util.concurrent.Promise",
                "io.netty.util.concurrent.DefaultPromise", "io.netty.channel.ChannelFuture",
                "io.netty.channel.ChannelPromise", "io.netty.channel.DefaultChannelPromise");
        return Stream.of(instances(futures, "get", 0, GET), instances(futures, "sync", 0, "await(timeout, unit)"),
                instances(futures, "syncUninterruptibly", 0, "awaitUninterruptibly(timeout, unit)"),
                instances(futures, "await", 0, "await(timeout, unit)"),
                instances(futures, "awaitUninterruptibly", 0, "awaitUninterruptibly(timeout, unit)"))
                .flatMap(List::stream).toList();
    }

    private static List<String> queues() {
        return Stream.concat(boundedQueues().stream(), Stream.of(JUC + "PriorityBlockingQueue", JUC + "DelayQueue",
                JUC + "LinkedTransferQueue")).toList();
    }

    /** Queues whose put() can block: PriorityBlockingQueue, DelayQueue and LinkedTransferQueue never fill up. */
    private static List<String> boundedQueues() {
        return List.of(JUC + "BlockingQueue", JUC + "BlockingDeque", JUC + "LinkedBlockingQueue",
                JUC + "ArrayBlockingQueue", JUC + "LinkedBlockingDeque", JUC + "SynchronousQueue",
                JUC + "TransferQueue");
    }

    private static List<String> executors() {
        return List.of(JUC + "ExecutorService", JUC + "ThreadPoolExecutor", JUC + "ScheduledExecutorService",
                JUC + "ScheduledThreadPoolExecutor", JUC + "ForkJoinPool", JUC + "AbstractExecutorService");
    }
}
