package io.relia.audit.java;

import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.WildcardType;
import io.relia.audit.AuditRule;
import io.relia.core.Finding;
import io.relia.core.Location;
import io.relia.core.Severity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One parsed Java file and what the checks need from it without a symbol solver: declared types of names, resolved
 * against the file's imports, and a place to put findings. Not thread-safe; one per file.
 */
final class SourceFile {

    /** JDK and library types the checks know, so that wildcard imports resolve. */
    private static final Set<String> KNOWN = Set.of(
            "java.net.http.HttpClient", "java.net.http.HttpRequest", "java.net.URL", "java.net.URI",
            "java.net.HttpURLConnection",
            "java.net.URLConnection", "java.util.concurrent.Executors", "java.util.concurrent.ExecutorService",
            "java.util.concurrent.ScheduledExecutorService", "java.util.concurrent.ThreadPoolExecutor",
            "java.util.concurrent.Future", "java.util.concurrent.CompletableFuture",
            "java.util.concurrent.ScheduledFuture", "java.util.concurrent.FutureTask",
            "java.util.concurrent.ForkJoinTask", "java.util.concurrent.RunnableFuture",
            "java.util.concurrent.CountDownLatch", "java.util.concurrent.CyclicBarrier",
            "java.util.concurrent.Semaphore", "java.util.concurrent.BlockingQueue",
            "java.util.concurrent.BlockingDeque", "java.util.concurrent.LinkedBlockingQueue",
            "java.util.concurrent.ArrayBlockingQueue", "java.util.concurrent.LinkedBlockingDeque",
            "java.util.concurrent.PriorityBlockingQueue", "java.util.concurrent.SynchronousQueue",
            "java.util.concurrent.DelayQueue", "java.util.concurrent.LinkedTransferQueue",
            "java.util.concurrent.TransferQueue", "java.util.concurrent.locks.Condition",
            "okhttp3.OkHttpClient", "org.apache.http.impl.client.HttpClients",
            "org.apache.http.impl.client.HttpClientBuilder", "org.apache.hc.client5.http.impl.classic.HttpClients",
            "org.apache.hc.client5.http.impl.classic.HttpClientBuilder",
            "org.springframework.web.client.RestTemplate",
            "org.springframework.web.reactive.function.client.WebClient", "reactor.netty.http.client.HttpClient",
            "org.springframework.http.client.reactive.ReactorClientHttpConnector",
            "org.apache.http.client.config.RequestConfig", "org.apache.hc.client5.http.config.RequestConfig",
            "org.apache.hc.core5.util.Timeout", "java.sql.DriverManager", "java.sql.Connection",
            "java.sql.Statement", "java.sql.PreparedStatement", "java.sql.CallableStatement",
            "redis.clients.jedis.Jedis", "redis.clients.jedis.JedisPool", "redis.clients.jedis.JedisPooled",
            "redis.clients.jedis.JedisCluster", "redis.clients.jedis.DefaultJedisClientConfig",
            "io.lettuce.core.RedisURI", "io.lettuce.core.TimeoutOptions",
            "io.github.resilience4j.retry.RetryConfig", "io.github.resilience4j.retry.Retry",
            "io.github.resilience4j.core.IntervalFunction", "org.springframework.retry.support.RetryTemplate",
            "org.springframework.retry.support.RetryTemplateBuilder",
            "org.springframework.retry.annotation.Retryable", "org.springframework.retry.annotation.Backoff",
            "org.springframework.retry.policy.AlwaysRetryPolicy", "org.springframework.retry.policy.SimpleRetryPolicy",
            "org.springframework.retry.policy.MaxAttemptsRetryPolicy",
            "org.springframework.retry.policy.CompositeRetryPolicy",
            "org.springframework.retry.backoff.FixedBackOffPolicy", "org.springframework.retry.backoff.NoBackOffPolicy",
            "org.springframework.retry.backoff.UniformRandomBackOffPolicy",
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.ArrayList",
            "java.util.LinkedList", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
            "java.util.ArrayDeque", "java.util.Collections", "java.util.concurrent.ConcurrentHashMap",
            "java.util.concurrent.ConcurrentLinkedQueue", "java.util.concurrent.ConcurrentLinkedDeque",
            "java.util.concurrent.ConcurrentSkipListMap", "java.util.concurrent.ConcurrentSkipListSet",
            "java.util.concurrent.CopyOnWriteArrayList", "java.util.concurrent.CopyOnWriteArraySet",
            "com.google.common.collect.HashMultimap", "com.google.common.collect.ArrayListMultimap",
            "com.google.common.collect.LinkedListMultimap", "com.google.common.collect.Maps",
            "com.google.common.collect.Lists", "com.google.common.collect.Sets");

    private static final Set<String> JAVA_LANG = Set.of("Thread", "Object", "Integer", "Math", "System",
            "Process");

    /** Return types of the calls the checks follow, keyed by receiver type and method name. */
    private static final Map<String, String> RETURNS = Map.ofEntries(
            Map.entry("java.util.concurrent.CompletableFuture#supplyAsync", "java.util.concurrent.CompletableFuture"),
            Map.entry("java.util.concurrent.CompletableFuture#runAsync", "java.util.concurrent.CompletableFuture"),
            Map.entry("java.util.concurrent.CompletableFuture#allOf", "java.util.concurrent.CompletableFuture"),
            Map.entry("java.util.concurrent.CompletableFuture#anyOf", "java.util.concurrent.CompletableFuture"),
            Map.entry("java.util.concurrent.CompletableFuture#thenApply", "java.util.concurrent.CompletableFuture"),
            Map.entry("java.util.concurrent.CompletableFuture#thenAccept", "java.util.concurrent.CompletableFuture"),
            Map.entry("java.util.concurrent.CompletableFuture#thenCompose",
                    "java.util.concurrent.CompletableFuture"),
            Map.entry("java.util.concurrent.CompletableFuture#thenCombine",
                    "java.util.concurrent.CompletableFuture"),
            Map.entry("java.util.concurrent.CompletableFuture#handle", "java.util.concurrent.CompletableFuture"),
            Map.entry("java.util.concurrent.CompletableFuture#whenComplete",
                    "java.util.concurrent.CompletableFuture"),
            Map.entry("java.util.concurrent.CompletableFuture#exceptionally",
                    "java.util.concurrent.CompletableFuture"),
            Map.entry("java.util.concurrent.ExecutorService#submit", "java.util.concurrent.Future"),
            Map.entry("java.util.concurrent.ScheduledExecutorService#submit", "java.util.concurrent.Future"),
            Map.entry("java.util.concurrent.ThreadPoolExecutor#submit", "java.util.concurrent.Future"),
            Map.entry("java.util.concurrent.ScheduledExecutorService#schedule",
                    "java.util.concurrent.ScheduledFuture"),
            Map.entry("java.util.concurrent.Executors#newCachedThreadPool", "java.util.concurrent.ExecutorService"),
            Map.entry("java.util.concurrent.Executors#newFixedThreadPool", "java.util.concurrent.ExecutorService"),
            Map.entry("java.util.concurrent.Executors#newSingleThreadExecutor",
                    "java.util.concurrent.ExecutorService"),
            Map.entry("java.util.concurrent.Executors#newVirtualThreadPerTaskExecutor",
                    "java.util.concurrent.ExecutorService"),
            Map.entry("java.lang.Thread#currentThread", "java.lang.Thread"),
            Map.entry("java.net.URL#openConnection", "java.net.URLConnection"),
            Map.entry("java.net.URI#create", "java.net.URI"),
            Map.entry("java.net.URI#toURL", "java.net.URL"),
            Map.entry("java.sql.DriverManager#getConnection", "java.sql.Connection"),
            Map.entry("java.sql.Connection#createStatement", "java.sql.Statement"),
            Map.entry("java.sql.Connection#prepareStatement", "java.sql.PreparedStatement"),
            Map.entry("java.sql.Connection#prepareCall", "java.sql.CallableStatement"),
            Map.entry("io.lettuce.core.RedisURI#create", "io.lettuce.core.RedisURI"));

    private final Path path;
    private final CompilationUnit unit;
    private final List<Finding> findings = new ArrayList<>();
    private final List<Fact> facts = new ArrayList<>();
    private final Map<String, String> resolved = new HashMap<>();
    private Set<String> declaredTypes;
    private Map<Class<?>, List<Node>> byClass;
    private final Map<TypeDeclaration<?>, Map<String, List<MethodDeclaration>>> methodsByName =
            new IdentityHashMap<>();

    private final List<Position> comments;
    private final Map<Integer, String> ignoreComments = new HashMap<>();

    /** @param comments where the file's comments start, sorted */
    SourceFile(Path path, CompilationUnit unit, List<Position> comments) {
        this.path = path;
        this.unit = unit;
        this.comments = comments;
    }

    /** True when a comment starts inside {@code node}'s source range. */
    boolean hasCommentWithin(Node node) {
        if (node.getBegin().isEmpty() || node.getEnd().isEmpty()) {
            return false;
        }
        Position begin = node.getBegin().get();
        int index = Collections.binarySearch(comments, begin);
        int next = index >= 0 ? index : -index - 1;
        return next < comments.size() && comments.get(next).isBefore(node.getEnd().get());
    }

    /** Notes a {@code relia:ignore} comment starting on {@code line}. */
    void ignoreComment(int line, String content) {
        ignoreComments.merge(line, content, String::concat);
    }

    /**
     * True when a {@code relia:ignore} comment naming {@code rule} sits on {@code line} or the line above it (where
     * the report will suppress a finding): lets a check respect that choice in what it derives from the line.
     */
    boolean ignored(AuditRule rule, int line) {
        return ignoreComments.getOrDefault(line, "").contains(rule.id())
                || ignoreComments.getOrDefault(line - 1, "").contains(rule.id());
    }

    CompilationUnit unit() {
        return unit;
    }

    /**
     * Every node of exactly {@code type} in the file, in pre-order, from one walk of the tree shared by all checks
     * (a {@code findAll} per check walked the whole tree again each time).
     */
    <T extends Node> List<T> all(Class<T> type) {
        if (byClass == null) {
            Map<Class<?>, List<Node>> index = new HashMap<>();
            unit.walk(node -> index.computeIfAbsent(node.getClass(), k -> new ArrayList<>()).add(node));
            byClass = index;
        }
        List<Node> found = byClass.getOrDefault(type, List.of());
        List<T> typed = new ArrayList<>(found.size());
        for (Node node : found) {
            typed.add(type.cast(node));
        }
        return typed;
    }

    List<Finding> findings() {
        return findings;
    }

    /**
     * Something a project-wide check needs to know about this file (it serves HTTP, it records metrics), with where
     * it was seen. Facts are cached with the findings, so a check must derive them from this file alone.
     */
    record Fact(String key, int line, int column) {
    }

    /** Notes {@code key} at {@code at} for the project-wide checks. */
    void fact(String key, Node at) {
        facts.add(new Fact(key, at.getBegin().map(position -> position.line).orElse(0),
                at.getBegin().map(position -> position.column).orElse(0)));
    }

    List<Fact> facts() {
        return facts;
    }

    void report(AuditRule rule, Node at, String message, String fix) {
        report(rule, rule.severity(), at, message, fix);
    }

    /** Reports at a severity other than the rule's own, where this instance of the flaw does less harm. */
    void report(AuditRule rule, Severity severity, Node at, String message, String fix) {
        int line = at.getBegin().map(position -> position.line).orElse(0);
        int column = at.getBegin().map(position -> position.column).orElse(0);
        findings.add(new Finding(rule.id(), severity, message, Location.of(path, line, column), fix));
    }

    /** The fully qualified name of {@code type} as written in this file, e.g. {@code java.util.concurrent.Future}. */
    String resolve(Type type) {
        if (type instanceof ClassOrInterfaceType classType) {
            return resolve(classType.getNameWithScope());
        }
        return type.asString();
    }

    /** Resolves a type name as written ({@code Future}, {@code HttpClient.Builder}) against this file's imports. */
    String resolve(String written) {
        return resolved.computeIfAbsent(written, this::lookUp);
    }

    private String lookUp(String written) {
        int dot = written.indexOf('.');
        String first = dot < 0 ? written : written.substring(0, dot);
        String rest = dot < 0 ? "" : written.substring(dot);
        if (!first.isEmpty() && Character.isLowerCase(first.charAt(0))) {
            return written;
        }
        for (ImportDeclaration declaration : unit.getImports()) {
            String name = declaration.getNameAsString();
            if (!declaration.isAsterisk() && !declaration.isStatic() && name.endsWith("." + first)) {
                return name + rest;
            }
        }
        if (declaredTypes == null) {
            declaredTypes = new HashSet<>();
            unit.findAll(TypeDeclaration.class).forEach(type -> declaredTypes.add(type.getNameAsString()));
        }
        if (declaredTypes.contains(first)) {
            return unit.getPackageDeclaration().map(p -> p.getNameAsString() + ".").orElse("") + written;
        }
        if (JAVA_LANG.contains(first)) {
            return "java.lang." + written;
        }
        for (ImportDeclaration declaration : unit.getImports()) {
            String candidate = declaration.getNameAsString() + "." + first;
            if (declaration.isAsterisk() && !declaration.isStatic()
                    && (KNOWN.contains(candidate) || BlockingApis.knows(candidate))) {
                return candidate + rest;
            }
        }
        return "?" + written;
    }

    /** The type of {@code expression} where declarations and known factories tell it; empty when unknown. */
    Optional<String> typeOf(Expression expression) {
        return typeOf(expression, 0);
    }

    private Optional<String> typeOf(Expression expression, int depth) {
        if (depth > 8) {
            return Optional.empty();
        }
        if (expression instanceof EnclosedExpr enclosed) {
            return typeOf(enclosed.getInner(), depth + 1);
        }
        if (expression instanceof CastExpr cast) {
            return Optional.of(resolve(cast.getType()));
        }
        if (expression instanceof ObjectCreationExpr creation) {
            return Optional.of(resolve(creation.getType()));
        }
        if (expression instanceof NameExpr name) {
            return Declaration.of(name).flatMap(declared -> declaredType(declared, depth));
        }
        if (expression instanceof FieldAccessExpr access && access.getScope().isThisExpr()) {
            return Declaration.field(access, access.getNameAsString())
                    .flatMap(declared -> declaredType(declared, depth));
        }
        if (expression instanceof MethodCallExpr call && call.getScope().isPresent()) {
            Optional<String> element = elementType(call);
            if (element.isPresent()) {
                return element;
            }
            Optional<String> receiver = receiverType(call.getScope().get(), depth);
            return receiver.flatMap(type -> Optional.ofNullable(RETURNS.get(type + "#" + call.getNameAsString()))
                    .or(() -> BlockingApis.returns(type, call.getNameAsString())))
                    .or(() -> BlockingApis.returnsByName(call.getNameAsString(), call.getArguments().size()));
        }
        if (expression instanceof MethodCallExpr call) {
            return ownMethod(call).map(method -> resolve(method.getType()));
        }
        return Optional.empty();
    }

    /**
     * The type a call on a declared generic container returns, from the declaration's type arguments: {@code
     * entry.getValue()} of a {@code Map.Entry<K, V>} is V, {@code map.get(k)} of a {@code Map<K, V>} is V, {@code
     * list.get(i)} of a {@code List<E>} and {@code optional.get()} of an {@code Optional<E>} are E.
     */
    private Optional<String> elementType(MethodCallExpr call) {
        if (!(call.getScope().get() instanceof NameExpr name)) {
            return Optional.empty();
        }
        Optional<ClassOrInterfaceType> declared = Declaration.of(name).map(Declaration::type)
                .filter(Type::isClassOrInterfaceType).map(Type::asClassOrInterfaceType);
        Optional<NodeList<Type>> arguments = declared.flatMap(ClassOrInterfaceType::getTypeArguments);
        if (arguments.isEmpty()) {
            return Optional.empty();
        }
        String container = declared.get().getNameAsString();
        int index = switch (container + "#" + call.getNameAsString() + "/" + call.getArguments().size()) {
            case "Entry#getKey/0" -> 0;
            case "Entry#getValue/0", "Map#get/1", "HashMap#get/1", "LinkedHashMap#get/1", "TreeMap#get/1",
                 "ConcurrentMap#get/1", "ConcurrentHashMap#get/1", "SortedMap#get/1", "NavigableMap#get/1" -> 1;
            case "List#get/1", "ArrayList#get/1", "LinkedList#get/1", "CopyOnWriteArrayList#get/1",
                 "Optional#get/0", "Optional#orElseThrow/0" -> 0;
            default -> -1;
        };
        if (index < 0 || index >= arguments.get().size()) {
            return Optional.empty();
        }
        Type argument = arguments.get().get(index);
        if (argument instanceof WildcardType wildcard) {
            return wildcard.getExtendedType().map(this::resolve);
        }
        return Optional.of(resolve(argument));
    }

    /**
     * The method of the enclosing class that an unqualified call {@code name(args)} names, matched by name and number
     * of arguments (no overload resolution: the first such method); empty when the class does not declare it here.
     */
    Optional<MethodDeclaration> ownMethod(MethodCallExpr call) {
        if (call.getScope().isPresent() && !call.getScope().get().isThisExpr()) {
            return Optional.empty();
        }
        String name = call.getNameAsString();
        int arguments = call.getArguments().size();
        Node current = call.getParentNode().orElse(null);
        while (current != null && !(current instanceof TypeDeclaration<?>)) {
            current = current.getParentNode().orElse(null);
        }
        if (!(current instanceof TypeDeclaration<?> type)) {
            return Optional.empty();
        }
        List<MethodDeclaration> named = methodsByName.computeIfAbsent(type, SourceFile::methodsByName)
                .getOrDefault(name, List.of());
        return named.stream().filter(method -> method.getParameters().size() == arguments).findFirst();
    }

    /** A class's own methods by name, in declaration order (ownMethod asks once per call, so they are indexed). */
    private static Map<String, List<MethodDeclaration>> methodsByName(TypeDeclaration<?> type) {
        Map<String, List<MethodDeclaration>> byName = new HashMap<>();
        for (MethodDeclaration method : type.getMethods()) {
            byName.computeIfAbsent(method.getNameAsString(), k -> new ArrayList<>()).add(method);
        }
        return byName;
    }

    /** The type of a call's receiver: a variable's type, or the class named for a static call. */
    Optional<String> receiverType(Expression scope) {
        return receiverType(scope, 0);
    }

    private Optional<String> receiverType(Expression scope, int depth) {
        if (scope instanceof NameExpr name && Declaration.of(name).isEmpty()) {
            String written = name.getNameAsString();
            return Character.isUpperCase(written.charAt(0)) ? Optional.of(resolve(written)) : Optional.empty();
        }
        if (scope instanceof FieldAccessExpr access && !access.getScope().isThisExpr()
                && Character.isUpperCase(access.getNameAsString().charAt(0))) {
            return Optional.of(resolve(access.toString()));
        }
        return typeOf(scope, depth + 1);
    }

    /** True when {@code scope} names the class {@code qualifiedName} (a static call's receiver). */
    boolean isClass(Optional<Expression> scope, String qualifiedName) {
        return scope.filter(s -> s instanceof NameExpr || s instanceof FieldAccessExpr)
                .flatMap(this::receiverType).filter(qualifiedName::equals).isPresent();
    }

    /**
     * True when the call chain ending in {@code call} starts at {@code owner.factory(...)} (one of {@code factories})
     * or at a variable of type {@code owner.Builder}: tells {@code RequestConfig.custom().setX(0)} from any setX.
     */
    boolean chainStartsAt(MethodCallExpr call, String owner, Set<String> factories) {
        Expression root = call;
        while (root instanceof MethodCallExpr link && link.getScope().isPresent()) {
            if (factories.contains(link.getNameAsString()) && isClass(link.getScope(), owner)) {
                return true;
            }
            root = link.getScope().get();
        }
        return root != call && typeOf(root).filter((owner + ".Builder")::equals).isPresent();
    }

    private Optional<String> declaredType(Declaration declared, int depth) {
        // The RAW language level parses `var` as a class type named var.
        if (declared.type().isVarType() || declared.type().asString().equals("var")) {
            return declared.initializer().flatMap(init -> typeOf(init, depth + 1));
        }
        return Optional.of(resolve(declared.type()));
    }

    /** The nearest enclosing node of {@code type}. */
    static <T extends Node> Optional<T> ancestor(Node node, Class<T> type) {
        Node current = node.getParentNode().orElse(null);
        while (current != null && !type.isInstance(current)) {
            current = current.getParentNode().orElse(null);
        }
        return Optional.ofNullable(current).map(type::cast);
    }

    /** Nodes of {@code type} under {@code root}, not looking into nested lambdas, classes or {@code stopAt}. */
    static <T extends Node> List<T> within(Node root, Class<T> type, Predicate<Node> stopAt) {
        List<T> found = new ArrayList<>();
        collect(root, type, stopAt, found, true);
        return found;
    }

    private static <T extends Node> void collect(Node node, Class<T> type, Predicate<Node> stopAt, List<T> found,
                                                 boolean top) {
        if (!top && (node instanceof LambdaExpr || node instanceof TypeDeclaration || stopAt.test(node))) {
            return;
        }
        if (!top && node instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()) {
            return;
        }
        if (type.isInstance(node)) {
            found.add(type.cast(node));
        }
        for (Node child : node.getChildNodes()) {
            collect(child, type, stopAt, found, false);
        }
    }
}
