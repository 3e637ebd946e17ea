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
                    + "setReadTimeout (one only connected, never read, needs just the connect timeout; a helper that "
                    + "opens and returns the connection is followed into its callers in the file), OkHttp "
                    + "timeouts set to 0, Apache HttpClients.createDefault() or a builder "
                    + "without a RequestConfig/connection manager (or with only a connection manager the file "
                    + "creates and gives no socket config), HttpClient 4's legacy new DefaultHttpClient() "
                    + "without HttpParams (unless the file sets SO_TIMEOUT/setSoTimeout on them), "
                    + "an Apache RequestConfig without a socket "
                    + "(4.x) or response (5.x) timeout or with it set to 0, Spring new RestTemplate(), Spring "
                    + "WebClient.create() or WebClient.builder() without clientConnector(...) (unless the file "
                    + "bounds responses with .timeout(...)), a Reactor Netty HttpClient used without "
                    + "responseTimeout(...). A URL connection with its read timeout set but not its connect timeout "
                    + "is reported at Low: the kernel ends an unanswered connect after its SYN retries (about "
                    + "2 minutes on Linux, tcp_syn_retries), while an unbounded read waits forever; so is one "
                    + "handed on only after it connected, whose connect timeout can no longer be set.",
            "java.net.http has no connect timeout unless connectTimeout(...) is set; HttpURLConnection's connect "
                    + "and read timeouts default to 0, which means infinite; Apache HttpClient 4 leaves them "
                    + "undefined (infinite) and 5.x has no socket timeout unless one is configured (0 is infinite "
                    + "in both); RestTemplate's default factory keeps -1 (infinite); OkHttp 0 means no timeout; "
                    + "Reactor Netty, and so a default WebClient, sets no response timeout. One hung dependency "
                    + "then holds every calling thread, or every pending reactive request, forever.",
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
                    + "BlockingQueue.take()/put(), Thread.join(), Semaphore.acquire(), Process.waitFor(), "
                    + "invokeAll/invokeAny or Object.wait() without a timeout, and the untimed waits of Guava "
                    + "(ListenableFuture, FluentFuture, Futures.getUnchecked, Uninterruptibles), Netty "
                    + "(sync/await), Spring ListenableFuture, Reactor (block/blockFirst/blockLast), Lettuce "
                    + "RedisFuture, Apache HttpClient and Google ApiFuture. The receiver's type comes from its "
                    + "declaration (locals, fields, parameters, var, methods of the class, type arguments of a "
                    + "declared Map.Entry/Map/List/Optional); a library type the table does not know is looked up "
                    + "in the dependency jars already on disk (the message names the jar; --no-jars turns that off); "
                    + "when neither settles it, a no-argument get() that must handle ExecutionException, or "
                    + "await()/join() that must handle InterruptedException, counts as a wait (the message says so), "
                    + "and so does a get()/join() straight on the result of a method named *Async or *Gracefully "
                    + "(closeGracefully().get()) unless the project declares that method with another return type. "
                    + "CompletableFuture chains are typed through their stages (allOf(...).join(), thenCompose(...)"
                    + ".get(), stage.toCompletableFuture().join()), and a project method of any file that returns a "
                    + "future makes a wait of get()/join() on its result; a chain with orTimeout/completeOnTimeout "
                    + "before the wait, or that starts at completedFuture and adds only thenApply-like stages, is "
                    + "bounded. "
                    + "Calls of a project method that waits without a deadline and takes no timeout are reported at "
                    + "the call (one level); so are calls of a project get()/join()/take()/acquire()/await*() whose "
                    + "body polls with timed waits (await/wait/poll/get/tryAcquire/join with a timeout; not "
                    + "Thread.sleep) in a loop that has no deadline or attempt count (a hand-written Future.get() "
                    + "looping on latch.await(1, SECONDS) until stopped); a method that takes a timeout "
                    + "but waits without one is reported at that wait. Not reported: put/putFirst/putLast on a "
                    + "LinkedBlockingQueue/Deque the file creates without a capacity (never full: "
                    + "java/unbounded-queue judges it); futures the library bounds "
                    + "itself (Kafka admin client calls and "
                    + "KafkaFuture: default.api.timeout.ms, 60 s; "
                    + "Kafka producer send(): delivery.timeout.ms, 120 s; Armeria clients: the response timeout, "
                    + "15 s, also through a method of the file that returns the response's future), Netty "
                    + "bind/connect/close/closeFuture "
                    + "futures, chained or held in a local; a worker's take() of its next item in a while/for(;;) "
                    + "loop of a run() or of a lambda handed to an executor or thread (or in a private method only "
                    + "such a loop calls); joins and awaits that only main() reaches (a server's main thread "
                    + "waiting for the server to stop). Lettuce futures stay waits (async commands time out only "
                    + "with TimeoutOptions, the default from Lettuce 6.5), and so do ApiFutures, put() on a full "
                    + "queue, a take() on a request path and waits in stop()/close(). A java.net.Socket this file "
                    + "creates and reads (getInputStream, followed through local helpers that return it) without "
                    + "setSoTimeout; at Low, a socket connected without a timeout (new Socket(host, port), "
                    + "connect(address)). Sockets handed to other code, only written, accepted by a server, or NIO "
                    + "channels are not judged.",
            "A wait without a deadline turns a lost signal or a stuck dependency into a thread that never comes "
                    + "back; enough of them exhaust the pool and the service stops answering. A socket read without "
                    + "SO_TIMEOUT never returns when the peer vanishes without a FIN or RST (power loss, partition); "
                    + "an untimed connect is bounded by the kernel's SYN retries (about 2 minutes on Linux, "
                    + "Documentation/networking/ip-sysctl.rst), so it is reported at Low.",
            "Result r = future.get();",
            "Result r = future.get(5, TimeUnit.SECONDS);",
            Precision.HIGH, List.of("timeout", "concurrency"));

    static final AuditRule UNBOUNDED_EXECUTOR = new AuditRule("java/unbounded-executor",
            "Executor without bounds", Severity.HIGH,
            "Executors.newCachedThreadPool (unbounded threads), newFixedThreadPool and newSingleThreadExecutor "
                    + "(unbounded queue), a ThreadPoolExecutor with an unbounded queue or Integer.MAX_VALUE threads, "
                    + "or new Thread(...).start() in a request handler. The queue is reported where it is built, "
                    + "followed through a local, a field (initialised or assigned once), a factory method of the "
                    + "file or a subclass's super(...): a CallerRunsPolicy or maximum size does not bound it, since "
                    + "a pool only grows or rejects once its queue is full. Not reported: a local fixed pool (or "
                    + "single thread) that only receives its own workers, i.e. every submission to it sits in one "
                    + "for (i = 0; i < n; i++) loop over the pool's size n (or is a single submission), with no "
                    + "loop around it, outside request handlers: its queue never holds a task.",
            "Under a spike or a slow dependency an unbounded pool grows one thread per waiting task and an "
                    + "unbounded queue grows without limit: the process dies of memory or latency instead of "
                    + "shedding load with fast rejections.",
            "ExecutorService pool = Executors.newCachedThreadPool();",
            "ExecutorService pool = new ThreadPoolExecutor(8, 32, 60, SECONDS, new ArrayBlockingQueue<>(1000),\n"
                    + "        new ThreadPoolExecutor.AbortPolicy());",
            Precision.HIGH, List.of("capacity", "concurrency"));

    static final AuditRule UNBOUNDED_QUEUE = new AuditRule("java/unbounded-queue",
            "Queue without capacity fed from outside", Severity.MEDIUM,
            "A field holding a queue with no capacity (new LinkedBlockingQueue<>() or LinkedBlockingDeque<>() "
                    + "without a capacity or with Integer.MAX_VALUE, ConcurrentLinkedQueue/Deque, "
                    + "PriorityBlockingQueue, LinkedTransferQueue, DelayQueue, or an ArrayDeque/LinkedList/"
                    + "PriorityQueue declared as a Queue or Deque and added to under a lock, i.e. shared between "
                    + "threads) that a non-private method, a lambda or an "
                    + "anonymous callback adds to (add/offer/put/addLast/push...) while the class never checks "
                    + "size() or remainingCapacity() nor takes a semaphore permit. Not reported: a queue handed to "
                    + "an executor or another object (java/unbounded-executor judges executors), or a static queue "
                    + "nothing drains (java/static-collection-grows).",
            "A buffer between callers and a worker absorbs bursts only while the worker keeps up; when it falls "
                    + "behind (a slow disk, a stuck downstream), an unbounded queue turns back-pressure into heap "
                    + "growth, long GC pauses and finally OutOfMemoryError, taking every other request with it. "
                    + "A capacity makes the overload visible where it starts: offer() fails and the caller can "
                    + "shed, retry later or block with a timeout.",
            "private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();\n"
                    + "public void publish(Event e) { events.offer(e); }",
            "private final BlockingQueue<Event> events = new ArrayBlockingQueue<>(10_000);\n"
                    + "public boolean publish(Event e) { return events.offer(e); }",
            Precision.MEDIUM, List.of("capacity", "concurrency"));

    static final AuditRule RETRY_WITHOUT_BACKOFF = new AuditRule("java/retry-without-backoff",
            "Retry without backoff", Severity.MEDIUM,
            "A loop that retries an operation after catching its exception without sleeping, or sleeping a "
                    + "constant time, between attempts; or a retry configured in code whose delay does not grow: "
                    + "Resilience4j RetryConfig.ofDefaults()/Retry.ofDefaults(), RetryConfig.custom()...build() "
                    + "without intervalFunction/intervalBiFunction (its default is a fixed 500 ms wait), "
                    + "IntervalFunction.of/ofDefaults/ofRandomized; Spring Retry @Retryable without backoff (the "
                    + "default @Backoff() is a fixed 1000 ms delay), @Backoff without a multiplier > 1, "
                    + "RetryTemplate.builder() with fixedBackoff/noBackoff/uniformRandomBackoff or no backoff at "
                    + "all (the builder's and new RetryTemplate()'s default is no backoff), new FixedBackOffPolicy/"
                    + "NoBackOffPolicy/UniformRandomBackOffPolicy. A builder handed out of the file is not judged. "
                    + "Also a service loop (while (running) { try { work(); } catch (...) { log } }) whose work is "
                    + "visible in the file (its own methods, three calls deep) and never waits (no sleep, take, "
                    + "poll, select, read, await): it spins while the failure lasts; and a retry rescheduled "
                    + "through a scheduler (schedule, postDelayed, addRequest...) from a failure path (a catch, "
                    + "an error != null or !isSuccess() test, a retry/reconnect method) at a fixed delay, with a "
                    + "task that calls the failing method again: recursion through a scheduler is a loop; and a "
                    + "forever loop retried on a result, not an exception (failures = locator.bin(...); if "
                    + "(failures.isEmpty()) break; Thread.sleep(100);), with a constant pause and no attempt limit "
                    + "or deadline: the result's name or test says fail/error/success; compare-and-set loops (no "
                    + "sleep) and waits for a state are left alone.",
            "Immediate or fixed-delay retries multiply the load on a dependency exactly when it is failing and "
                    + "synchronise clients into waves; exponential backoff with jitter spreads them out. A fixed "
                    + "delay with jitter still does not back off, so it is reported the same way, in loops and in "
                    + "configs (AWS Architecture Blog, Exponential Backoff and Jitter; AWS Builders' Library, "
                    + "Timeouts, retries, and backoff with jitter; Google SRE book ch. 22, Addressing Cascading "
                    + "Failures). A poller is judged by its failure path: a loop that goes round at once after a "
                    + "failure burns a core and floods the log for as long as the dependency is down.",
            "for (int i = 0; i < 3; i++) {\n    try { return call(); } catch (IOException e) { last = e; }\n}\n"
                    + "@Retryable(value = IOException.class)",
            "for (int i = 0; i < 3; i++) {\n    try { return call(); } catch (IOException e) { last = e; }\n"
                    + "    Thread.sleep((100L << i) + random.nextInt(100));\n}\n"
                    + "@Retryable(value = IOException.class, backoff = @Backoff(delay = 100, multiplier = 2, "
                    + "random = true))",
            Precision.MEDIUM, List.of("retry"));

    static final AuditRule RETRY_UNBOUNDED = new AuditRule("java/retry-unbounded",
            "Retry without bound", Severity.HIGH,
            "A while (true) / for (;;) loop that retries after catching an exception, with no attempt counter "
                    + "or deadline that ends it; or a retry configured in code that never stops: Resilience4j "
                    + "RetryConfig maxAttempts(Integer.MAX_VALUE), Spring Retry @Retryable(maxAttempts = "
                    + "Integer.MAX_VALUE), RetryTemplate.builder().infiniteRetry() or maxAttempts(Integer.MAX_VALUE), "
                    + "new AlwaysRetryPolicy() (unless the file composes policies), new SimpleRetryPolicy/"
                    + "MaxAttemptsRetryPolicy(Integer.MAX_VALUE). maxAttempts <= 0 is not reported: Resilience4j and "
                    + "RetryTemplateBuilder reject it, and SimpleRetryPolicy then makes a single attempt. Not "
                    + "reported: a retry by design, i.e. a loop that backs off (a growing pause, or a random one) and "
                    + "has another exit than success: a throw (or a call to a method of the file that ends by "
                    + "throwing) that no broad catch of the loop swallows, such as a lost precondition (leadership, "
                    + "a closed store), or an if that leaves the loop on a field (a stop flag). A loop with no pause, "
                    + "or a fixed one, or with success as its only exit, is still reported. Nor a loop whose catch "
                    + "hands the failure to an object that paces it: a call on a retry context, backoff or policy "
                    + "(Resilience4j's context.onError(e) waits the interval and rethrows when attempts run out), "
                    + "or a call named retry*/backoff*/wait* given the exception, not a listener's onError (this also "
                    + "holds for java/retry-without-backoff); nor, for both rules, a retry library's configuration "
                    + "inside the library's own packages (io.github.resilience4j, org.springframework.retry), "
                    + "where a default is defined, not chosen.",
            "A retry without a bound never gives up on a dependency that is down for good: the caller hangs, "
                    + "and the retries keep the dependency overloaded. Both libraries bound retries by default "
                    + "(3 attempts), so an unbounded one was asked for explicitly.",
            "while (true) {\n    try { return call(); } catch (IOException e) { sleep(1000); }\n}\n"
                    + "RetryTemplate.builder().infiniteRetry().build();",
            "for (int attempt = 1; ; attempt++) {\n    try { return call(); } catch (IOException e) {\n"
                    + "        if (attempt >= 5) throw e;\n        sleep(backoff(attempt));\n    }\n}\n"
                    + "RetryTemplate.builder().maxAttempts(5).exponentialBackoff(100, 2, 5000, true).build();",
            Precision.MEDIUM, List.of("retry"));

    static final AuditRule INTERRUPTED_SWALLOWED = new AuditRule("java/interrupted-swallowed",
            "InterruptedException swallowed", Severity.HIGH,
            "A catch (InterruptedException e) block, or a catch (Exception | Throwable) around a call that throws "
                    + "InterruptedException (Thread.sleep, Object.wait, Future.get, BlockingQueue.take/put, timed "
                    + "poll/offer/await/tryLock, awaitTermination, or a method of the same file declaring it), that "
                    + "neither restores the interrupt flag, rethrows, hands the exception on, nor ends the interrupted "
                    + "work: returns (without a value) from the worker loop, or breaks out of it or clears its running "
                    + "flag when nothing but logging follows the loop; or nothing but logging follows it in a run() "
                    + "method or task lambda. Logging alone does not count. Not reported either: an interrupt that "
                    + "comes with the loop's stop flag, i.e. the loop's condition reads a field that another method "
                    + "of the class sets to the value ending the loop, and that method also interrupts the thread "
                    + "(thread.interrupt(), or interrupt() in a Thread subclass), or the class extends Thread and "
                    + "the handler reads the flag itself (the owner interrupts after calling the stop method).",
            "Interruption is how executors cancel tasks and shut down; dropping it leaves threads running after "
                    + "shutdown was asked for, so deploys hang and cancelled requests keep working.",
            "catch (InterruptedException e) {\n    // ignore\n}",
            "catch (InterruptedException e) {\n    Thread.currentThread().interrupt();\n    return;\n}",
            Precision.VERY_HIGH, List.of("concurrency", "error-handling"));

    static final AuditRule EMPTY_CATCH = new AuditRule("java/empty-catch",
            "Empty catch block", Severity.MEDIUM,
            "A catch block with no statement and no comment saying why (a variable named ignored or expected "
                    + "counts as the reason). A deliberate conversion fallback is not reported: the try block is one "
                    + "conversion (valueOf, parse*, decode*, fromString, new JSONObject/BigDecimal/URI..., or any call "
                    + "when only ParseException, NumberFormatException and the like are caught) that returns, with a "
                    + "return after the try, or assigns a local, a parameter or a field that already holds a value "
                    + "(an initializer or an earlier assignment); a try that also calls other code, I/O or close() "
                    + "is still reported.",
            "A failure that leaves no trace cannot be alerted on or diagnosed; the incident starts with "
                    + "nothing in the logs.",
            "try { cache.put(k, v); } catch (IOException e) { }",
            "try { cache.put(k, v); } catch (IOException e) { log.warn(\"cache write failed\", e); }",
            Precision.HIGH, List.of("error-handling"));

    static final AuditRule EXCEPTION_SWALLOWED = new AuditRule("java/exception-swallowed",
            "Broad exception swallowed", Severity.MEDIUM,
            "A catch of Exception, RuntimeException or Throwable that neither rethrows, logs, nor uses the "
                    + "exception, and has no comment saying why. A visibly deliberate fallback is not reported: "
                    + "returning or assigning Optional.empty(), a value or call named default/fallback, or a parameter "
                    + "of the method (the caller's own fallback), a response built from such a parameter by a static "
                    + "factory chain with no error-named call (Response.ok(path).build(), not "
                    + "Response.serverError()...), a handler that repeats word for word the statements the try "
                    + "block ends with, after earlier ones (the work is finished without the step that failed), "
                    + "or any one return or assignment after a try "
                    + "block that is one conversion (as in java/empty-catch: malformed input is the expected "
                    + "failure), a handler that only counts the failure in a metric (metrics.increment*(), "
                    + "counter.increment(), meter.mark(), a call named *Dropped*/*Errors*/*Failures*) and skips the "
                    + "item (nothing else, or continue / a bare return; a private incrementAndGet tally does not "
                    + "count), or a new placeholder whose type says it stands for a missing thing "
                    + "(new DescriptiveResource(\"... is invalid\"), NoOp*, Empty*, Missing*, Unknown*...); otherwise "
                    + "return null, false, 0 or an empty collection still are, since nothing tells the caller the "
                    + "work failed.",
            "Catching everything and dropping it hides bugs and outages alike: the service reports success while "
                    + "doing nothing, and no signal reaches monitoring.",
            "catch (Exception e) {\n    return null;\n}",
            "catch (Exception e) {\n    log.error(\"lookup failed\", e);\n    return null;\n}",
            Precision.MEDIUM, List.of("error-handling"));

    static final AuditRule RESOURCE_NOT_CLOSED = new AuditRule("java/resource-not-closed",
            "Resource never closed", Severity.MEDIUM,
            "A FileInputStream/FileOutputStream/FileReader/FileWriter/RandomAccessFile/Socket/ZipFile, a "
                    + "DriverManager connection, a JDBC statement, a Files.lines/list/walk/newInputStream stream, "
                    + "an Apache HttpClient built on the spot, or a JDK decorator (BufferedReader, "
                    + "InputStreamReader, GZIPInputStream, PrintWriter, ...) over one of these or over a "
                    + "URLConnection's stream, opened into a local variable that is never closed, not in "
                    + "try-with-resources, and not returned, stored or passed on (passing it to KeyStore.load, "
                    + "Properties.load or a copy helper such as IOUtils.toString does not count: they leave it "
                    + "open); or opened inline and only read from: new BufferedReader(...).readLine(), "
                    + "Files.lines(path).count(), keyStore.load(new FileInputStream(path), password). A local "
                    + "declared first and opened later (client = null; ... client = HttpClientBuilder.create()"
                    + "...build();) or re-wrapped in place (in = new GZIPInputStream(in)) is judged where it is "
                    + "assigned. A stream handed to new GZIPInputStream(raw) or new ObjectInputStream(raw), whose "
                    + "constructors read a header and throw on bad input, leaks on that path unless a catch or "
                    + "finally around the construction closes it. An Apache CloseableHttpResponse from execute() "
                    + "kept in a local must be closed or its entity consumed (EntityUtils.consume). A resource "
                    + "handed to a method of the same file that only uses it (neither closes, keeps nor passes it "
                    + "on) counts as never closed.",
            "Each leaked handle holds a file descriptor, socket or pooled database connection until the garbage "
                    + "collector gets to it; under load the process runs out of descriptors or the pool runs dry "
                    + "and every request waits for a connection.",
            "PreparedStatement ps = connection.prepareStatement(sql);\nps.executeUpdate();",
            "try (PreparedStatement ps = connection.prepareStatement(sql)) {\n    ps.executeUpdate();\n}",
            Precision.HIGH, List.of("resources"));

    static final AuditRule STATIC_COLLECTION_GROWS = new AuditRule("java/static-collection-grows",
            "Static collection that only grows", Severity.MEDIUM,
            "A non-public static field holding an unbounded mutable Map/Set/List/Queue/Multimap (new HashMap, "
                    + "ConcurrentHashMap, ArrayList, HashSet, LinkedList, ConcurrentLinkedQueue, ..., "
                    + "Collections.synchronizedX(new ...), Guava factories) that a method or constructor adds to "
                    + "(put, computeIfAbsent, merge, add, offer, push, ...) while nothing in the file removes from it "
                    + "(remove, removeIf, clear, poll, pop, retainAll, compute, an iterator or a view's remove), "
                    + "reassigns it, or hands it to other code. Not reported: adds only in static initialisers, in "
                    + "register* methods or in methods only called from static initialisers (registries filled at "
                    + "start-up); bounded structures (WeakHashMap, EnumMap, caches, a LinkedHashMap subclass with "
                    + "removeEldestEntry) and maps or sets keyed by an enum of the file; adds in afterPropertiesSet "
                    + "or a @PostConstruct method; and keys (or elements) from a fixed set: a literal, a constant, or "
                    + "configuration, i.e. a value read by a constant key from a configuration object (a receiver "
                    + "named or typed config/configuration/options/properties/settings/environment, or "
                    + "System.getProperty/getenv), then split or trimmed, or a key that the same method hands to a "
                    + "configuration object (configuration.addConfigListener(dataId, ...)). A lookup by a constant "
                    + "key on anything else (request.getHeader(\"X-User\")) is request data and still reported. Maps "
                    + "whose values (through nested maps) are meters of Micrometer, Spectator, Dropwizard or the "
                    + "Prometheus client are caches of the registry's own meters, keyed by metric name and tags, "
                    + "and are not reported: their size is the metrics' cardinality, and the registry keeps every "
                    + "meter anyway.",
            "A static collection lives as long as the class loader: every request that adds a key the map has "
                    + "not seen (a user ID, a URL, a session) leaves it behind, so the heap grows with traffic until "
                    + "the process spends its time in GC and dies of OutOfMemoryError, hours or days after deploy.",
            "private static final Map<String, Session> SESSIONS = new ConcurrentHashMap<>();\n"
                    + "void login(User u) { SESSIONS.put(u.id(), new Session(u)); }",
            "private static final Cache<String, Session> SESSIONS = Caffeine.newBuilder()\n"
                    + "        .maximumSize(10_000).expireAfterAccess(Duration.ofMinutes(30)).build();",
            Precision.MEDIUM, List.of("capacity", "memory"));

    static final AuditRule GRPC_NO_DEADLINE = new AuditRule("java/grpc-no-deadline",
            "gRPC stub without deadline", Severity.HIGH,
            "A gRPC stub created with XxxGrpc.newBlockingStub/newFutureStub/newStub(channel) whose RPCs are called "
                    + "with no withDeadlineAfter(...)/withDeadline(...) on the creation chain, the variable or field "
                    + "holding it, or the call site; files that attach a ClientInterceptor are skipped.",
            "gRPC sets no deadline by default, so a client can wait for a response effectively forever (gRPC "
                    + "deadlines guide): one stuck server pins every calling thread and the deadline cannot "
                    + "propagate to downstream services.",
            "UserReply reply = UserServiceGrpc.newBlockingStub(channel).getUser(request);",
            "UserReply reply = UserServiceGrpc.newBlockingStub(channel)\n"
                    + "        .withDeadlineAfter(2, TimeUnit.SECONDS).getUser(request);",
            Precision.HIGH, List.of("timeout", "grpc"));

    static final AuditRule JDBC_NO_TIMEOUT = new AuditRule("java/jdbc-no-timeout",
            "JDBC connection without socket timeout", Severity.MEDIUM,
            "A MySQL, MariaDB, PostgreSQL, SQL Server or Oracle JDBC URL (a literal, a constant, or concatenated "
                    + "in code, with url += ... appends) given to DriverManager.getConnection/getDriver, "
                    + "Driver.connect(url, properties), setJdbcUrl or a DataSource's setUrl/setURL, without the "
                    + "timeouts whose driver default is infinite: socketTimeout (oracle.jdbc.ReadTimeout for "
                    + "Oracle) everywhere, and for a direct DriverManager/Driver connection also MySQL's "
                    + "connectTimeout and Oracle's oracle.net.CONNECT_TIMEOUT (a pool bounds the connect with its "
                    + "login timeout). A timeout property set anywhere in the file (a Properties key, a data source "
                    + "setter, setConnectionProperties) counts as set; a URL whose query string comes from a "
                    + "variable is not judged. A DriverManager.getConnection whose URL is known only at run time (a "
                    + "field, a parameter) is reported when the project uses MySQL Connector/J (build dependency, "
                    + "driver class or jdbc:mysql: URL) and sets no JDBC timeout anywhere in its main code. "
                    + "Also the default URL of a configuration bean (an instance field "
                    + "initialised with a JDBC URL, with a setter or in a @ConfigurationProperties class), and URLs "
                    + "in .properties and YAML files (spring.datasource.url, db.url, jdbcUrl: ...) without "
                    + "socketTimeout: the files of one directory are one configuration, so a timeout set there in "
                    + "any form (a URL parameter, connectionProperties, data-source-properties.socketTimeout) counts, "
                    + "and so does one set in any main Java source; HikariCP connection-timeout (the wait for a "
                    + "pooled connection) does not. Not judged there: comments, ${...} fallbacks and query strings, "
                    + "embedded drivers (H2, HSQLDB, Derby), example/sample/demo/tutorial folders, docs, "
                    + "Docker Compose files (by name, or by content: only Compose top-level keys, services with "
                    + "an image or build) and non-production profiles (local, dev, test, sample, ...). Also "
                    + "Statement.setQueryTimeout(0).",
            "MySQL Connector/J defaults connectTimeout and socketTimeout to 0; pgjdbc, MariaDB Connector/J and the "
                    + "SQL Server driver default socketTimeout to 0; Oracle thin sets no read timeout. 0 waits "
                    + "forever on a connection whose peer died or a query that never returns; the pool connection "
                    + "and the calling thread are lost with it. setQueryTimeout(0) means no limit.",
            "DriverManager.getConnection(\"jdbc:postgresql://db:5432/orders\", user, password);",
            "DriverManager.getConnection(\"jdbc:postgresql://db:5432/orders?socketTimeout=30\", user, password);",
            Precision.HIGH, List.of("timeout", "database"));

    static final AuditRule REDIS_NO_TIMEOUT = new AuditRule("java/redis-no-timeout",
            "Redis client with infinite timeout", Severity.HIGH,
            "A Jedis, JedisPool, JedisPooled or JedisCluster constructed with a timeout argument of 0, "
                    + "DefaultJedisClientConfig.builder() with timeoutMillis/socketTimeoutMillis/"
                    + "connectionTimeoutMillis(0), or a Lettuce RedisURI withTimeout/setTimeout, TimeoutOptions "
                    + "enabled/fixedTimeout of Duration.ZERO.",
            "Jedis (2 s) and Lettuce (60 s) have finite defaults, but an explicit 0 means no timeout: a Redis "
                    + "that stops answering holds each caller and pooled connection forever, turning a cache "
                    + "outage into a service outage.",
            "JedisPool pool = new JedisPool(poolConfig, \"redis\", 6379, 0);",
            "JedisPool pool = new JedisPool(poolConfig, \"redis\", 6379, 2_000);",
            Precision.HIGH, List.of("timeout", "redis"));

    static final AuditRule HANDLER_WITHOUT_METRICS = new AuditRule("java/handler-without-metrics",
            "HTTP handlers without request metrics", Severity.MEDIUM,
            "Service-wide: the main code serves HTTP (a JDK HttpHandler or createContext, a servlet, a Spring or "
                    + "Micronaut controller, a JAX-RS resource, Javalin/Vert.x/WebFlux routes) but nothing records "
                    + "request metrics. Counted as recording them: a request-metrics integration (Micrometer "
                    + "@Timed/@Counted or HTTP/Jetty binders, the Prometheus servlet filter, Dropwizard "
                    + "instrumented filters, OpenTelemetry server instrumentation, Javalin/Vert.x Micrometer), "
                    + "spring-boot-starter-actuator, quarkus-micrometer or micronaut-micrometer in a build file, the "
                    + "OpenTelemetry Java agent, or hand-written RED metrics: a latency instrument (Prometheus "
                    + "Histogram/Summary, Micrometer or Dropwizard Timer, OpenTelemetry histogram) together with a "
                    + "status/code/outcome label or tag. Metrics of other kinds (gauges, plain counters) do not "
                    + "count. Reported once, at the first handler.",
            "Rate, errors and duration per route are what SLOs, alerts and capacity plans are computed from; a "
                    + "service without them is only noticed failing when its callers or customers complain.",
            "server.createContext(\"/orders\", new OrdersHandler());",
            "Histogram duration = Histogram.builder().name(\"http_request_duration_seconds\")\n"
                    + "        .labelNames(\"route\", \"method\", \"status\").register(registry);\n"
                    + "server.createContext(\"/orders\", new Timed(\"/orders\", new OrdersHandler(), duration));",
            Precision.MEDIUM, List.of("observability"));

    static final AuditRule NO_HEALTH_ENDPOINT = new AuditRule("java/no-health-endpoint",
            "No health endpoint", Severity.MEDIUM,
            "Service-wide: the main code serves HTTP but no route (createContext, @*Mapping, @Path, @WebServlet, "
                    + "Micronaut/Quarkus route annotations, Javalin/Vert.x/WebFlux routes) has a health path "
                    + "segment (health, healthz, ready, readyz, live, livez, ping, status, ... e.g. /actuator/health, "
                    + "/-/ready; a path with a variable such as /orders/{id}/status does not count), nothing "
                    + "implements a Spring HealthIndicator or MicroProfile @Readiness/@Liveness check, and no build "
                    + "file brings spring-boot-starter-actuator, quarkus-smallrye-health, micronaut-management or "
                    + "Helidon health. Kubernetes probes are judged by the Kubernetes rules. Reported once, at the "
                    + "first handler.",
            "Without an endpoint that says whether the instance can serve, readiness and liveness probes and load "
                    + "balancers can only check the port: a wedged or still-starting instance keeps getting traffic.",
            "server.createContext(\"/orders\", new OrdersHandler());",
            "server.createContext(\"/orders\", new OrdersHandler());\n"
                    + "server.createContext(\"/health\", new HealthHandler());",
            Precision.MEDIUM, List.of("observability"));

    static final AuditRule UNSTRUCTURED_LOGGING = new AuditRule("java/unstructured-logging",
            "Unstructured logging", Severity.LOW,
            "Service-wide: main code declares loggers (SLF4J, Log4j2, JUL, Commons Logging, JBoss Logging, "
                    + "Lombok) and a logback*.xml or log4j2.* config outside tests has no JSON encoder or layout "
                    + "(LogstashEncoder, logback JsonEncoder, JsonTemplateLayout, JsonLayout, EcsLayout, GelfLayout, "
                    + "Spring Boot's StructuredLogEncoder; Spring's own appenders with logging.structured.format "
                    + "set count as JSON): reported at the config's encoder or layout line. Or, with no logging "
                    + "library at all, an HTTP service prints to System.out/System.err in handler code, in catch "
                    + "blocks or in a home-made logger (a class with info/warn/error methods): reported at the "
                    + "first print. A main method's prints are a command line's output and do not count.",
            "Plain-text lines cannot be queried by field: finding every error of one request, route or customer "
                    + "means regular expressions over free text, and multi-line stack traces are split into "
                    + "separate events by the log shipper.",
            "<encoder>\n  <pattern>%d %level %logger - %msg%n</pattern>\n</encoder>",
            "<encoder class=\"net.logstash.logback.encoder.LogstashEncoder\"/>",
            Precision.MEDIUM, List.of("observability", "logging"));

    static final AuditRule OUTBOUND_WITHOUT_TRACING = new AuditRule("java/outbound-without-tracing",
            "Outbound calls without trace propagation", Severity.LOW,
            "Service-wide: main code makes outbound calls (java.net.http send/sendAsync, OkHttp newCall, Apache "
                    + "HttpClient execute, RestTemplate, WebClient/RestClient retrieve, gRPC stubs, "
                    + "URL.openConnection) and nothing propagates trace context: no OpenTelemetry (API or "
                    + "instrumentation, @WithSpan), Micrometer Tracing, Brave/Zipkin, Sleuth, OpenTracing or "
                    + "vendor tracer import, no traceparent/b3 header written by hand, no tracing dependency "
                    + "(micrometer-tracing, opentelemetry-spring-boot-starter, quarkus-opentelemetry, ...) and no "
                    + "tracing Java agent (-javaagent in a Dockerfile, manifest or build file, or the OpenTelemetry "
                    + "Operator's inject-java annotation). Reported once, at the first outbound call.",
            "Without a trace ID carried from service to service, a slow or failed request cannot be followed "
                    + "into its dependencies: each service's logs and metrics tell part of the story, unjoined.",
            "HttpResponse<String> r = http.send(request, BodyHandlers.ofString());",
            "# Dockerfile\nENV JAVA_TOOL_OPTIONS=\"-javaagent:/otel/opentelemetry-javaagent.jar\"",
            Precision.MEDIUM, List.of("observability", "tracing"));

    static final AuditRule TLS_VERIFICATION_DISABLED = new AuditRule("java/tls-verification-disabled",
            "TLS verification disabled", Severity.HIGH,
            "Production code (not test sources, even with --include-tests) that turns off certificate or host "
                    + "name verification: an X509TrustManager (class or anonymous) whose checkServerTrusted neither "
                    + "throws nor calls anything but a logger, a HostnameVerifier (class, anonymous or lambda given "
                    + "to a hostnameVerifier setter) that returns true, a (chain, authType) -> true TrustStrategy "
                    + "given to loadTrustMaterial, Apache HttpClient NoopHostnameVerifier, AllowAllHostnameVerifier, "
                    + "ALLOW_ALL_HOSTNAME_VERIFIER, "
                    + "TrustAllStrategy and TrustSelfSignedStrategy, Netty InsecureTrustManagerFactory (WebClient, "
                    + "Reactor Netty, gRPC), and the jdk.internal.httpclient.disableHostnameVerification property. "
                    + "OkHttp's hostnameVerifier and sslSocketFactory are found through the lambda or trust "
                    + "manager they are given.",
            "Without verification TLS still encrypts, but to whoever answers: anyone on the path (a compromised "
                    + "pod, a rogue proxy, DNS spoofing) can impersonate the dependency, read credentials and "
                    + "change responses. It usually starts as a workaround for a test certificate and reaches "
                    + "production unnoticed. CWE-295; Semgrep insecure-trust-manager and insecure-hostname-verifier, "
                    + "Find Security Bugs WEAK_TRUST_MANAGER and WEAK_HOSTNAME_VERIFIER.",
            "SSLContext tls = SSLContext.getInstance(\"TLS\");\n"
                    + "tls.init(null, new TrustManager[] {new X509TrustManager() {\n"
                    + "    public void checkServerTrusted(X509Certificate[] chain, String type) { }\n"
                    + "    ...\n}}, null);",
            "KeyStore trusted = KeyStore.getInstance(\"PKCS12\");\n"
                    + "trusted.load(Files.newInputStream(caStore), password);\n"
                    + "TrustManagerFactory factory = TrustManagerFactory.getInstance("
                    + "TrustManagerFactory.getDefaultAlgorithm());\nfactory.init(trusted);\n"
                    + "tls.init(null, factory.getTrustManagers(), null);",
            Precision.HIGH, List.of("security", "tls", "http"));

    static final AuditRule NO_CIRCUIT_BREAKER = new AuditRule("dependency/no-circuit-breaker",
            "Critical dependency without a circuit breaker", Severity.MEDIUM,
            "A dependency relia.yaml marks critical (dependencies: [{name, kind, critical: true}]) and calls over "
                    + "the network (kind http, grpc, rest and the like, or no kind; databases, caches and queues are "
                    + "left to pool and query timeouts) that no circuit breaker guards. A breaker guards it when its "
                    + "name holds the dependency's name (payments-api, paymentsCb and \"payments\" all match "
                    + "payments), when it sits in a class that calls the dependency, or when a service mesh covers "
                    + "its host. Breakers read: Resilience4j (@CircuitBreaker, CircuitBreaker.of, registries, "
                    + "resilience4j.circuitbreaker.instances.* in Spring config), Spring Cloud CircuitBreaker "
                    + "factories, Feign clients with spring.cloud.openfeign.circuitbreaker.enabled, Spring Cloud "
                    + "Gateway CircuitBreaker filters, Failsafe, Hystrix (commands and hystrix.command.*), "
                    + "MicroProfile @CircuitBreaker, Istio DestinationRule outlierDetection and Linkerd failure "
                    + "accrual. Code calling the dependency is found by the same name: a client class that makes "
                    + "outbound calls, a URL host, a property, a container's env or arguments; the finding says "
                    + "which matched. Reported at the dependency in relia.yaml.",
            "Timeouts bound one call, not an outage: when a critical dependency is down or slow, every request "
                    + "still waits its full timeout (and retries), threads and connections pile up behind it and "
                    + "the caller fails with it, taking its own callers along. A breaker notices the failures and "
                    + "fails fast (or serves a fallback) until the dependency recovers. Release It! (Nygard), "
                    + "Stability Patterns: Circuit Breaker; SRE book, Addressing Cascading Failures.",
            "dependencies:\n  - name: payments\n    kind: http\n    critical: true\n"
                    + "# and PaymentsClient calls it with a bare HttpClient",
            "resilience4j:\n  circuitbreaker:\n    instances:\n      payments:\n"
                    + "        failure-rate-threshold: 50\n        wait-duration-in-open-state: 10s\n"
                    + "# with @CircuitBreaker(name = \"payments\", fallbackMethod = \"queueForRetry\") on the call",
            Precision.MEDIUM, List.of("resilience", "circuit-breaker", "dependency"));

    static final List<AuditRule> ALL = List.of(HTTP_CLIENT_NO_TIMEOUT, HTTP_REQUEST_NO_TIMEOUT,
            BLOCKING_WITHOUT_DEADLINE, UNBOUNDED_EXECUTOR, UNBOUNDED_QUEUE, RETRY_WITHOUT_BACKOFF, RETRY_UNBOUNDED,
            INTERRUPTED_SWALLOWED, EMPTY_CATCH, EXCEPTION_SWALLOWED, RESOURCE_NOT_CLOSED,
            GRPC_NO_DEADLINE, JDBC_NO_TIMEOUT, REDIS_NO_TIMEOUT,
            STATIC_COLLECTION_GROWS, HANDLER_WITHOUT_METRICS, NO_HEALTH_ENDPOINT, UNSTRUCTURED_LOGGING,
            OUTBOUND_WITHOUT_TRACING, TLS_VERIFICATION_DISABLED, NO_CIRCUIT_BREAKER);

    private JavaRules() {
    }
}
