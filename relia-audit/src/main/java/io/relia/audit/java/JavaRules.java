package io.relia.audit.java;

import io.relia.audit.AuditRule;
import io.relia.audit.AuditRule.Precision;
import io.relia.core.Severity;

import java.util.List;

/** The catalogue of the Java analyzer: one constant per rule, IDs stable. */
final class JavaRules {

    static final AuditRule HTTP_CLIENT_NO_TIMEOUT = new AuditRule("java/http-client-no-timeout",
            "HTTP client without timeouts", Severity.HIGH,
            "An HTTP client created with no connect/read timeout: java.net.http HttpClient.newHttpClient() or a "
                    + "builder without connectTimeout(...), HttpURLConnection without setConnectTimeout and "
                    + "setReadTimeout, OkHttp timeouts set to 0, Apache HttpClients.createDefault() or a builder "
                    + "without a RequestConfig/connection manager, Spring new RestTemplate().",
            "java.net.http has no connect timeout unless connectTimeout(...) is set; HttpURLConnection's connect "
                    + "and read timeouts default to 0, which means infinite; Apache HttpClient 4 leaves them "
                    + "undefined (infinite), RestTemplate's default factory keeps -1 (infinite); OkHttp 0 means "
                    + "no timeout. One hung dependency then holds every calling thread forever.",
            "HttpClient http = HttpClient.newHttpClient();",
            "HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();",
            Precision.HIGH, List.of("timeout", "http"));

    static final AuditRule HTTP_REQUEST_NO_TIMEOUT = new AuditRule("java/http-request-no-timeout",
            "HTTP request without timeout", Severity.HIGH,
            "A java.net.http HttpRequest built without HttpRequest.Builder.timeout(...).",
            "The JDK documents that not setting a request timeout is the same as an infinite one: a server that "
                    + "accepts the connection and never answers blocks the caller forever, connect timeout or not.",
            "HttpRequest.newBuilder(uri).GET().build();",
            "HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();",
            Precision.HIGH, List.of("timeout", "http"));

    static final AuditRule BLOCKING_WITHOUT_DEADLINE = new AuditRule("java/blocking-without-deadline",
            "Blocking call without deadline", Severity.MEDIUM,
            "Future.get(), CompletableFuture.join(), CountDownLatch/CyclicBarrier/Condition.await(), "
                    + "BlockingQueue.take()/put(), Thread.join(), Semaphore.acquire() or Object.wait() without a "
                    + "timeout, where the receiver's type is known from its declaration.",
            "A wait without a deadline turns a lost signal or a stuck dependency into a thread that never comes "
                    + "back; enough of them exhaust the pool and the service stops answering.",
            "Result r = future.get();",
            "Result r = future.get(5, TimeUnit.SECONDS);",
            Precision.HIGH, List.of("timeout", "concurrency"));

    static final AuditRule UNBOUNDED_EXECUTOR = new AuditRule("java/unbounded-executor",
            "Executor without bounds", Severity.HIGH,
            "Executors.newCachedThreadPool (unbounded threads), newFixedThreadPool and newSingleThreadExecutor "
                    + "(unbounded queue), a ThreadPoolExecutor with an unbounded queue or Integer.MAX_VALUE threads, "
                    + "or new Thread(...).start() in a request handler.",
            "Under a spike or a slow dependency an unbounded pool grows one thread per waiting task and an "
                    + "unbounded queue grows without limit: the process dies of memory or latency instead of "
                    + "shedding load with fast rejections.",
            "ExecutorService pool = Executors.newCachedThreadPool();",
            "ExecutorService pool = new ThreadPoolExecutor(8, 32, 60, SECONDS, new ArrayBlockingQueue<>(1000),\n"
                    + "        new ThreadPoolExecutor.AbortPolicy());",
            Precision.HIGH, List.of("capacity", "concurrency"));

    static final AuditRule RETRY_WITHOUT_BACKOFF = new AuditRule("java/retry-without-backoff",
            "Retry without backoff", Severity.MEDIUM,
            "A loop that retries an operation after catching its exception without sleeping, or sleeping a "
                    + "constant time, between attempts.",
            "Immediate or fixed-delay retries multiply the load on a dependency exactly when it is failing and "
                    + "synchronise clients into waves; exponential backoff with jitter spreads them out.",
            "for (int i = 0; i < 3; i++) {\n    try { return call(); } catch (IOException e) { last = e; }\n}",
            "for (int i = 0; i < 3; i++) {\n    try { return call(); } catch (IOException e) { last = e; }\n"
                    + "    Thread.sleep((100L << i) + random.nextInt(100));\n}",
            Precision.MEDIUM, List.of("retry"));

    static final AuditRule RETRY_UNBOUNDED = new AuditRule("java/retry-unbounded",
            "Retry without bound", Severity.HIGH,
            "A while (true) / for (;;) loop that retries after catching an exception, with no attempt counter "
                    + "or deadline that ends it.",
            "A retry loop without a bound never gives up on a dependency that is down for good: the caller hangs, "
                    + "and the retries keep the dependency overloaded.",
            "while (true) {\n    try { return call(); } catch (IOException e) { sleep(1000); }\n}",
            "for (int attempt = 1; ; attempt++) {\n    try { return call(); } catch (IOException e) {\n"
                    + "        if (attempt >= 5) throw e;\n        sleep(backoff(attempt));\n    }\n}",
            Precision.MEDIUM, List.of("retry"));

    static final AuditRule INTERRUPTED_SWALLOWED = new AuditRule("java/interrupted-swallowed",
            "InterruptedException swallowed", Severity.HIGH,
            "A catch (InterruptedException e) block that neither restores the interrupt flag nor throws.",
            "Interruption is how executors cancel tasks and shut down; dropping it leaves threads running after "
                    + "shutdown was asked for, so deploys hang and cancelled requests keep working.",
            "catch (InterruptedException e) {\n    // ignore\n}",
            "catch (InterruptedException e) {\n    Thread.currentThread().interrupt();\n    return;\n}",
            Precision.VERY_HIGH, List.of("concurrency", "error-handling"));

    static final AuditRule EMPTY_CATCH = new AuditRule("java/empty-catch",
            "Empty catch block", Severity.MEDIUM,
            "A catch block with no statement and no comment saying why (a variable named ignored or expected "
                    + "counts as the reason).",
            "A failure that leaves no trace cannot be alerted on or diagnosed; the incident starts with "
                    + "nothing in the logs.",
            "try { cache.put(k, v); } catch (IOException e) { }",
            "try { cache.put(k, v); } catch (IOException e) { log.warn(\"cache write failed\", e); }",
            Precision.HIGH, List.of("error-handling"));

    static final AuditRule EXCEPTION_SWALLOWED = new AuditRule("java/exception-swallowed",
            "Broad exception swallowed", Severity.MEDIUM,
            "A catch of Exception, RuntimeException or Throwable that neither rethrows, logs, nor uses the "
                    + "exception.",
            "Catching everything and dropping it hides bugs and outages alike: the service reports success while "
                    + "doing nothing, and no signal reaches monitoring.",
            "catch (Exception e) {\n    return null;\n}",
            "catch (Exception e) {\n    log.error(\"lookup failed\", e);\n    return null;\n}",
            Precision.MEDIUM, List.of("error-handling"));

    static final AuditRule RESOURCE_NOT_CLOSED = new AuditRule("java/resource-not-closed",
            "Resource never closed", Severity.MEDIUM,
            "A FileInputStream/FileOutputStream/FileReader/FileWriter/RandomAccessFile/Socket/ZipFile, a "
                    + "DriverManager connection, or a JDBC statement or result set opened into a local variable "
                    + "that is never closed, not in try-with-resources, and not returned, stored or passed on.",
            "Each leaked handle holds a file descriptor, socket or pooled database connection until the garbage "
                    + "collector gets to it; under load the process runs out of descriptors or the pool runs dry "
                    + "and every request waits for a connection.",
            "PreparedStatement ps = connection.prepareStatement(sql);\nps.executeUpdate();",
            "try (PreparedStatement ps = connection.prepareStatement(sql)) {\n    ps.executeUpdate();\n}",
            Precision.HIGH, List.of("resources"));

    static final List<AuditRule> ALL = List.of(HTTP_CLIENT_NO_TIMEOUT, HTTP_REQUEST_NO_TIMEOUT,
            BLOCKING_WITHOUT_DEADLINE, UNBOUNDED_EXECUTOR, RETRY_WITHOUT_BACKOFF, RETRY_UNBOUNDED,
            INTERRUPTED_SWALLOWED, EMPTY_CATCH, EXCEPTION_SWALLOWED, RESOURCE_NOT_CLOSED);

    private JavaRules() {
    }
}
