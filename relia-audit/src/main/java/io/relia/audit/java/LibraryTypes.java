package io.relia.audit.java;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a no-argument call on a library type waits, learnt from the class files of the dependency jars
 * ({@link LibraryClasses}): the type's superclasses and interfaces are walked until one is a type of
 * {@link BlockingApis} with that wait ({@code com.acme.ReplyFuture implements java.util.concurrent.Future}); a type
 * whose whole hierarchy was read without meeting one is no wait, unless the method itself declares {@code
 * InterruptedException} or, for {@code get()}, {@code ExecutionException} (what a wait throws).
 */
final class LibraryTypes {

    /**
     * How a call was judged from the jars: {@code known} is the table wait it is, {@code timed} empty means it does
     * not wait.
     */
    record Verdict(Optional<BlockingApis.Wait> known, String label, String timed, String reason) {

        /** True when the call waits: a table wait, or a method that declares what waits throw. */
        boolean waits() {
            return known.isPresent() || !timed.isEmpty();
        }
    }

    private static final int MAX_VISITED = 64;

    private final LibraryClasses classes;
    private final Map<String, Optional<Verdict>> verdicts = new HashMap<>();

    LibraryTypes(LibraryClasses classes) {
        this.classes = classes;
    }

    /** How many jars were searched so far. */
    int jarsSearched() {
        return classes.jarsSearched();
    }

    /** How many jars of the declared jars' own dependencies were added to the search. */
    int jarsIndirect() {
        return classes.jarsIndirect();
    }

    /** The jars and classes that could not be read. */
    List<String> unreadable() {
        return classes.unreadable();
    }

    /**
     * The verdict on {@code type.method()} (no arguments); empty when the type is not in the jars or part of its
     * hierarchy is missing (the caller then falls back on other evidence).
     */
    Optional<Verdict> judge(String type, String method) {
        return verdicts.computeIfAbsent(type + "#" + method, key -> walk(type, method));
    }

    private Optional<Verdict> walk(String type, String method) {
        Optional<LibraryClasses.ClassInfo> start = classes.find(type);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        String simple = type.substring(type.lastIndexOf('.') + 1);
        String source = start.get().source();
        String label = simple + "." + method + "()";
        Deque<String> queue = new ArrayDeque<>(List.of(start.get().name()));
        Map<String, String> reachedFrom = new HashMap<>();
        Set<String> seen = new HashSet<>(queue);
        boolean complete = true;
        Optional<String> declaredWait = Optional.empty();
        while (!queue.isEmpty() && seen.size() <= MAX_VISITED) {
            String internal = queue.removeFirst();
            String dotted = internal.replace('/', '.').replace('$', '.');
            Optional<BlockingApis.Wait> known = BlockingApis.find(dotted, method, 0).filter(wait -> !wait.isStatic());
            if (known.isPresent()) {
                return Optional.of(new Verdict(known, label, known.get().timed(), relation(simple, start.get(),
                        internal, reachedFrom) + " " + dotted + " (from " + source + ")"));
            }
            if (BlockingApis.completes(dotted)) {
                return Optional.of(new Verdict(Optional.empty(), label, "", simple + " is a completed " + dotted));
            }
            Optional<LibraryClasses.ClassInfo> info = internal.equals(start.get().name()) ? start
                    : classes.find(internal);
            if (info.isEmpty()) {
                complete = false;
                continue;
            }
            if (declaredWait.isEmpty()) {
                declaredWait = waitException(info.get(), method);
            }
            for (String parent : parents(info.get())) {
                if (seen.add(parent)) {
                    reachedFrom.put(parent, internal);
                    queue.addLast(parent);
                }
            }
        }
        if (declaredWait.isPresent()) {
            return Optional.of(new Verdict(Optional.empty(), label, method + "(timeout, unit) or a timed "
                    + "alternative", label + " declares throws " + declaredWait.get() + " (from " + source + ")"));
        }
        return complete && queue.isEmpty() ? Optional.of(new Verdict(Optional.empty(), label, "", simple
                + " is no future or latch (from " + source + ")")) : Optional.empty();
    }

    /** {@code InterruptedException}, or {@code ExecutionException} for get(), when {@code method} declares it. */
    private static Optional<String> waitException(LibraryClasses.ClassInfo info, String method) {
        List<String> thrown = info.thrown().getOrDefault(method, List.of());
        if (thrown.contains("java/lang/InterruptedException")) {
            return Optional.of("InterruptedException");
        }
        return method.equals("get") && thrown.contains("java/util/concurrent/ExecutionException")
                ? Optional.of("ExecutionException") : Optional.empty();
    }

    private static List<String> parents(LibraryClasses.ClassInfo info) {
        List<String> parents = new ArrayList<>(info.interfaces());
        if (!info.superName().isEmpty() && !info.superName().equals("java/lang/Object")) {
            parents.addFirst(info.superName());
        }
        return parents;
    }

    /** "ReplyFuture implements", "ReplyFuture extends", or "ReplyFuture (through a.b.Base) is a". */
    private static String relation(String simple, LibraryClasses.ClassInfo start, String reached,
                                   Map<String, String> reachedFrom) {
        String via = reachedFrom.get(reached);
        if (start.name().equals(via)) {
            return simple + (start.isInterface() || reached.equals(start.superName()) ? " extends" : " implements");
        }
        return simple + " (through " + (via == null ? "?" : via.replace('/', '.').replace('$', '.')) + ") is a";
    }
}
