package io.relia.audit.java;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code java/static-collection-grows}: a non-public static field holding an unbounded mutable collection that a
 * method (not class initialisation) adds to, while nothing in the file removes from it, reassigns it or hands it
 * out. Registries are spared: adds in {@code register*} methods or in methods only called from static initialisers,
 * and so are collections keyed by constants or by configuration (keys read from, or handed to, a configuration
 * object), which hold at most one entry per key the code or the configuration names. Maps of metrics meters
 * are caches of the meter registry's own meters and are left alone.
 */
final class StaticCollectionCheck implements JavaCheck {

    private static final Set<String> GROWABLE = Set.of("java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.ArrayList", "java.util.LinkedList", "java.util.HashSet",
            "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.ArrayDeque",
            "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentLinkedQueue",
            "java.util.concurrent.ConcurrentLinkedDeque", "java.util.concurrent.ConcurrentSkipListMap",
            "java.util.concurrent.ConcurrentSkipListSet", "java.util.concurrent.CopyOnWriteArrayList",
            "java.util.concurrent.CopyOnWriteArraySet");
    /** Static factories of unbounded collections, by class; {@code Collections} wrappers need a growable argument. */
    private static final Map<String, Set<String>> FACTORIES = Map.of(
            "java.util.Collections", Set.of("synchronizedMap", "synchronizedList", "synchronizedSet",
                    "synchronizedSortedMap", "synchronizedSortedSet", "newSetFromMap"),
            "java.util.concurrent.ConcurrentHashMap", Set.of("newKeySet"),
            "com.google.common.collect.Maps", Set.of("newHashMap", "newLinkedHashMap", "newTreeMap",
                    "newConcurrentMap"),
            "com.google.common.collect.Lists", Set.of("newArrayList", "newLinkedList", "newCopyOnWriteArrayList"),
            "com.google.common.collect.Sets", Set.of("newHashSet", "newLinkedHashSet", "newConcurrentHashSet",
                    "newTreeSet"),
            "com.google.common.collect.HashMultimap", Set.of("create"),
            "com.google.common.collect.ArrayListMultimap", Set.of("create"),
            "com.google.common.collect.LinkedListMultimap", Set.of("create"));
    /** Packages of metrics libraries whose meters a registry keeps: Micrometer, Spectator, Dropwizard, Prometheus. */
    private static final List<String> METER_PACKAGES = List.of("io.micrometer.core.instrument.",
            "com.netflix.spectator.api.", "com.codahale.metrics.", "io.dropwizard.metrics", "io.prometheus.client.",
            "io.prometheus.metrics.core.metrics.");
    private static final Set<String> ADDS = Set.of("put", "putIfAbsent", "computeIfAbsent", "merge", "add", "addAll",
            "offer", "push", "putAll", "addFirst", "addLast", "offerFirst", "offerLast");
    private static final Set<String> MAP_ADDS = Set.of("put", "putIfAbsent", "computeIfAbsent", "merge");
    private static final Set<String> IMMUTABLE = Set.of("of", "ofEntries", "copyOf");
    /** Calls that remove, or may remove (compute returning null, an iterator's remove), anywhere in a chain. */
    private static final Set<String> REMOVES = Set.of("remove", "removeIf", "clear", "poll", "pop", "retainAll",
            "removeAll", "pollFirst", "pollLast", "removeFirst", "removeLast", "pollFirstEntry", "pollLastEntry",
            "compute", "computeIfPresent", "drainTo", "iterator", "listIterator", "descendingIterator",
            "replaceValues");
    /** Calls that take the collection without keeping a handle that could remove from it. */
    private static final Set<String> READS = Set.of("unmodifiableMap", "unmodifiableList", "unmodifiableSet",
            "unmodifiableCollection", "copyOf", "valueOf", "println", "print", "format", "requireNonNull",
            "debug", "info", "warn", "trace", "error", "isEmpty", "equals");

    /** A candidate field and what the file does to it. */
    private static final class Use {
        final VariableDeclarator field;
        final String owner;
        final List<MethodCallExpr> adds = new ArrayList<>();
        boolean removed;
        boolean escapes;

        Use(VariableDeclarator field, String owner) {
            this.field = field;
            this.owner = owner;
        }
    }

    @Override
    public void check(SourceFile file) {
        Map<String, Use> fields = new HashMap<>();
        Set<String> enums = null;
        for (FieldDeclaration declaration : file.all(FieldDeclaration.class)) {
            if (!declaration.isStatic() || declaration.hasModifier(Modifier.Keyword.PUBLIC)) {
                continue;
            }
            for (VariableDeclarator variable : declaration.getVariables()) {
                if (variable.getInitializer().filter(init -> growable(file, init)).isEmpty()) {
                    continue;
                }
                if (enums == null) {
                    enums = new HashSet<>();
                    for (EnumDeclaration type : file.all(EnumDeclaration.class)) {
                        enums.add(type.getNameAsString());
                    }
                }
                if (!keyedByEnum(variable.getType(), enums) && !holdsMeters(file, variable.getType())) {
                    fields.put(variable.getNameAsString(), new Use(variable, owner(declaration)));
                }
            }
        }
        if (fields.isEmpty()) {
            return;
        }
        for (NameExpr name : file.all(NameExpr.class)) {
            Use use = fields.get(name.getNameAsString());
            if (use != null && Declaration.of(name).filter(d -> d.node() == use.field).isPresent()) {
                classify(file, use, name);
            }
        }
        for (FieldAccessExpr access : file.all(FieldAccessExpr.class)) {
            Use use = fields.get(access.getNameAsString());
            if (use != null && (access.getScope().isThisExpr() || access.getScope() instanceof NameExpr owner
                    && owner.getNameAsString().equals(use.owner))) {
                classify(file, use, access);
            }
        }
        for (Use use : fields.values()) {
            if (use.removed || use.escapes) {
                continue;
            }
            use.adds.stream().filter(add -> grows(file, add) && !fixedKey(add) && !configured(add)).findFirst()
                    .ifPresent(
                    add -> file.report(
                    JavaRules.STATIC_COLLECTION_GROWS, use.field, "static collection " + use.field.getNameAsString()
                            + " only grows: " + add.getNameAsString() + "() in " + where(add)
                            + " adds to it and nothing in this file removes from it",
                    "bound it: a Caffeine cache with maximumSize/expireAfterWrite, a LinkedHashMap with "
                            + "removeEldestEntry, or remove entries when they are done with"));
        }
    }

    /** Records one reference to the field: an add, a removal, a reassignment or a hand-out. */
    private static void classify(SourceFile file, Use use, Expression reference) {
        Node parent = reference.getParentNode().orElse(null);
        if (parent instanceof MethodCallExpr call && call.getScope().orElse(null) == reference) {
            if (ADDS.contains(call.getNameAsString())) {
                use.adds.add(call);
            }
            Node up = call;
            while (up instanceof MethodCallExpr chained) {
                use.removed |= REMOVES.contains(chained.getNameAsString());
                Node next = chained.getParentNode().orElse(null);
                up = next instanceof MethodCallExpr outer && outer.getScope().orElse(null) == chained ? outer : null;
            }
            return;
        }
        boolean harmless = parent instanceof ForEachStmt loop && loop.getIterable() == reference
                || parent instanceof SynchronizedStmt || parent instanceof BinaryExpr
                || parent instanceof MethodCallExpr call && READS.contains(call.getNameAsString())
                || parent instanceof ObjectCreationExpr copy && file.resolve(copy.getType()).startsWith("java.util.");
        use.escapes |= !harmless;
    }

    /**
     * True when a map add's key comes from a fixed set: a literal, a class literal, a constant, or a lookup in an
     * immutable static table ({@code Map.of}, {@code List.of}, ...), so the map holds at most one entry per value.
     */
    private static boolean fixedKey(MethodCallExpr add) {
        if (!MAP_ADDS.contains(add.getNameAsString()) || add.getArguments().isEmpty()) {
            return false;
        }
        Expression key = add.getArgument(0);
        if (key instanceof LiteralExpr || key instanceof ClassExpr || key instanceof NameExpr name && constant(name)) {
            return true;
        }
        if (key instanceof FieldAccessExpr access) {
            return access.getNameAsString().chars().noneMatch(Character::isLowerCase);
        }
        return key instanceof MethodCallExpr lookup && lookup.getScope().orElse(null) instanceof NameExpr table
                && constant(table) && Declaration.of(table).flatMap(Declaration::initializer)
                .filter(init -> init instanceof MethodCallExpr factory
                        && IMMUTABLE.contains(factory.getNameAsString())
                        && factory.getScope().filter(scope -> scope.toString().matches("Map|Set|List")).isPresent())
                .isPresent();
    }

    /**
     * True when the key (of a map) or the element (of a one-argument add) comes from configuration
     * ({@link ConfiguredValues}): the collection holds at most one entry per configured key or value.
     */
    private static boolean configured(MethodCallExpr add) {
        boolean keyed = MAP_ADDS.contains(add.getNameAsString()) && !add.getArguments().isEmpty();
        return (keyed || add.getArguments().size() == 1)
                && ConfiguredValues.fromConfiguration(add.getArgument(0), add);
    }

    private static boolean constant(NameExpr name) {
        return Declaration.of(name).map(Declaration::node).flatMap(Node::getParentNode)
                .filter(parent -> parent instanceof FieldDeclaration field && field.isStatic() && field.isFinal())
                .isPresent();
    }

    /** True when {@code add} runs after class initialisation, so each call can leave one more entry behind. */
    private static boolean grows(SourceFile file, MethodCallExpr add) {
        Optional<BodyDeclaration<?>> member = member(add);
        if (member.isEmpty() || member.get() instanceof FieldDeclaration field && field.isStatic()
                || member.get() instanceof InitializerDeclaration init && init.isStatic()) {
            return false;
        }
        if (member.get() instanceof MethodDeclaration method) {
            return !method.getNameAsString().startsWith("register") && !calledOnlyAtClassInit(file, method)
                    && !containerInit(method);
        }
        return member.get() instanceof ConstructorDeclaration || member.get() instanceof InitializerDeclaration;
    }

    /** A bean's one-time start-up callback: Spring's afterPropertiesSet, or a method marked @PostConstruct. */
    private static boolean containerInit(MethodDeclaration method) {
        return method.getNameAsString().equals("afterPropertiesSet") && method.getParameters().isEmpty()
                || method.getAnnotationByName("PostConstruct").isPresent();
    }

    private static boolean calledOnlyAtClassInit(SourceFile file, MethodDeclaration method) {
        String name = method.getNameAsString();
        String owner = owner(method);
        boolean called = false;
        for (MethodCallExpr call : file.all(MethodCallExpr.class)) {
            boolean same = call.getScope().isEmpty() || call.getScope().get().isThisExpr()
                    || call.getScope().get() instanceof NameExpr scope && scope.getNameAsString().equals(owner);
            if (!call.getNameAsString().equals(name) || !same) {
                continue;
            }
            called = true;
            Optional<BodyDeclaration<?>> member = member(call);
            boolean atInit = member.filter(m -> m instanceof FieldDeclaration field && field.isStatic()
                    || m instanceof InitializerDeclaration init && init.isStatic()).isPresent();
            if (!atInit) {
                return false;
            }
        }
        return called;
    }

    private static Optional<BodyDeclaration<?>> member(Node node) {
        Node current = node.getParentNode().orElse(null);
        while (current != null && !(current instanceof MethodDeclaration || current instanceof ConstructorDeclaration
                || current instanceof InitializerDeclaration || current instanceof FieldDeclaration)) {
            current = current.getParentNode().orElse(null);
        }
        return Optional.ofNullable((BodyDeclaration<?>) current);
    }

    /** The simple name of the class declaring {@code node}. */
    private static String owner(Node node) {
        return SourceFile.ancestor(node, TypeDeclaration.class).map(type -> type.getNameAsString()).orElse("");
    }

    private static String where(MethodCallExpr add) {
        return member(add).map(m -> m instanceof MethodDeclaration method ? method.getNameAsString() + "()"
                : m instanceof ConstructorDeclaration ? "the constructor" : "an instance initialiser").orElse("?");
    }

    private static boolean growable(SourceFile file, Expression initializer) {
        if (initializer instanceof ObjectCreationExpr creation) {
            return creation.getAnonymousClassBody().isEmpty() && GROWABLE.contains(file.resolve(creation.getType()));
        }
        if (initializer instanceof MethodCallExpr call) {
            for (Map.Entry<String, Set<String>> factory : FACTORIES.entrySet()) {
                if (factory.getValue().contains(call.getNameAsString())
                        && file.isClass(call.getScope(), factory.getKey())) {
                    return !factory.getKey().equals("java.util.Collections")
                            || call.getArguments().size() == 1 && growable(file, call.getArgument(0));
                }
            }
        }
        return false;
    }

    /**
     * A map whose values (through nested maps) are meters of a metrics library: a cache of meter lookups keyed by
     * metric name and tags. The meter registry keeps every meter it made anyway, so the map adds no growth of its
     * own; its size is the metrics' cardinality, a concern of the metric names and tags, not of this field.
     */
    private static boolean holdsMeters(SourceFile file, Type type) {
        Type current = type;
        while (current instanceof ClassOrInterfaceType classType && classType.getNameAsString().endsWith("Map")) {
            Optional<Type> value = classType.getTypeArguments().filter(args -> args.size() == 2)
                    .map(args -> args.get(1));
            if (value.isEmpty()) {
                return false;
            }
            current = value.get();
        }
        return current != type && current instanceof ClassOrInterfaceType meter
                && METER_PACKAGES.stream().anyMatch(file.resolve(meter)::startsWith);
    }

    /** A map or set keyed by an enum of this file, Boolean or Class holds at most one entry per constant or class. */
    private static boolean keyedByEnum(Type type, Set<String> enums) {
        if (!(type instanceof ClassOrInterfaceType classType)) {
            return false;
        }
        String name = classType.getNameAsString();
        boolean keyed = name.endsWith("Map") || name.endsWith("Set");
        return keyed && classType.getTypeArguments().filter(args -> !args.isEmpty()).map(args -> args.get(0))
                .filter(key -> key instanceof ClassOrInterfaceType keyType && (enums.contains(keyType.getNameAsString())
                        || keyType.getNameAsString().equals("Boolean") || keyType.getNameAsString().equals("Class")))
                .isPresent();
    }
}
