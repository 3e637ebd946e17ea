package io.relia.audit.java;

import io.relia.audit.AuditContext;
import io.relia.core.Finding;
import io.relia.core.Location;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calls {@link BlockingCallCheck} could not judge from their file alone, judged once every file is read: a call
 * of a project method that waits without a deadline (a {@code Result.await()} wrapping {@code latch.await()}) is
 * reported at the call, where a timeout would be passed; a call of a project method that does not wait is not; a
 * call on a type the project does not declare is judged from the dependency jars when they settle it
 * ({@link DependencyTypes}), else from the checked exceptions around it. Only one level is
 * followed: a wrapper of a wrapper is not. Types are matched by their qualified name, else by their simple name when
 * only one class of the project has that name and method.
 */
final class BlockingWrappers {

    /** A project method that waits: what on, and where. */
    private record Waiter(String label, Location at) {
    }

    private final AuditContext context;
    private final ProjectFacts facts;
    private final DependencyTypes jars;
    private final Map<String, Waiter> waiters = new HashMap<>();
    private final Map<String, List<String>> bySimpleName = new HashMap<>();
    private final Map<BlockingCallCheck.Typed, Integer> typed = new EnumMap<>(BlockingCallCheck.Typed.class);

    BlockingWrappers(AuditContext context, ProjectFacts facts, DependencyTypes jars) {
        this.context = context;
        this.facts = facts;
        this.jars = jars;
    }

    void report() {
        if (!context.enabled(JavaRules.BLOCKING_WITHOUT_DEADLINE.id())) {
            return;
        }
        for (String key : facts.keysStartingWith(BlockingCallCheck.BLOCKS)) {
            String[] parts = key.substring(BlockingCallCheck.BLOCKS.length()).split("\\|", 2);
            List<Location> places = facts.places(key);
            if (parts.length == 2 && !places.isEmpty() && !waiters.containsKey(parts[0])) {
                waiters.put(parts[0], new Waiter(parts[1], places.getFirst()));
                index(parts[0]);
            }
        }
        for (String key : facts.keysStartingWith(BlockingCallCheck.DECLARES)) {
            index(key.substring(BlockingCallCheck.DECLARES.length()));
        }
        for (String key : facts.keysStartingWith(BlockingCallCheck.CALL)) {
            String[] parts = key.substring(BlockingCallCheck.CALL.length()).split("\\|", 2);
            if (parts.length == 2) {
                facts.places(key).forEach(at -> count(judge(parts[0], parts[1], at)));
            }
        }
        Map<String, List<String>> futures = returnTypes();
        for (String key : facts.keysStartingWith(BlockingCallCheck.RETURNED)) {
            String[] parts = key.substring(BlockingCallCheck.RETURNED.length()).split("\\|", 3);
            if (parts.length == 3) {
                facts.places(key).forEach(at -> count(judgeReturned(parts[0], parts[1], futures, at)
                        .orElseGet(() -> inferred(parts[1], parts[2], at))));
            }
        }
        for (BlockingCallCheck.Typed how : BlockingCallCheck.Typed.values()) {
            facts.places(how.key()).forEach(at -> count(how));
        }
        note();
    }

    private void count(BlockingCallCheck.Typed how) {
        typed.merge(how, 1, Integer::sum);
    }

    /**
     * "types for 40 blocking-call candidates: declared/table 30, inferred from exceptions 4, project wrappers 3,
     * dependency jars 2 (5 jars declared, 3 searched), unknown 1", and what the build files left open.
     */
    private void note() {
        int total = typed.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return;
        }
        context.note("types for " + total + " blocking-call candidate" + (total == 1 ? "" : "s") + ": declared/table "
                + typed(BlockingCallCheck.Typed.TABLE) + ", inferred from exceptions "
                + typed(BlockingCallCheck.Typed.INFERRED) + ", project wrappers "
                + typed(BlockingCallCheck.Typed.WRAPPER) + ", dependency jars " + typed(BlockingCallCheck.Typed.JARS)
                + " (" + jars.status() + "), unknown " + typed(BlockingCallCheck.Typed.UNKNOWN));
        jars.notes().forEach(context::note);
    }

    private int typed(BlockingCallCheck.Typed how) {
        return typed.getOrDefault(how, 0);
    }

    private BlockingCallCheck.Typed judge(String called, String evidence, Location at) {
        Optional<String> declared = declaration(called);
        String type = called.substring(0, called.indexOf('#'));
        String simpleType = type.substring(type.lastIndexOf('.') + 1);
        String method = called.substring(called.indexOf('#') + 1, called.indexOf('/'));
        if (declared.isPresent()) {
            Waiter waiter = waiters.get(declared.get());
            if (waiter != null) {
                report(at, simpleType + "." + method + "() waits without a deadline: its body waits on "
                        + waiter.label() + " (" + Path.of(waiter.at().file()).getFileName() + ":"
                        + waiter.at().line() + ")", "give " + simpleType + " a timed " + method + " (a timeout "
                        + "parameter) and pass a deadline here");
            }
            return BlockingCallCheck.Typed.WRAPPER;
        }
        Optional<LibraryTypes.Verdict> verdict = jars.judge(type, method);
        if (verdict.isPresent()) {
            if (verdict.get().waits()) {
                report(at, verdict.get().label() + " waits without a deadline: " + verdict.get().reason(), "use "
                        + verdict.get().timed() + " and handle the timeout");
            }
            return BlockingCallCheck.Typed.JARS;
        }
        if (!evidence.isEmpty()) {
            String shown = simpleType.isEmpty() ? method + "()" : simpleType + "." + method + "()";
            String kind = WaitEvidence.kind(method, evidence);
            report(at, shown + " waits without a deadline: the sources do not show its body, but " + evidence + kind,
                    "use " + method + "(timeout, unit) and handle the "
                    + "timeout");
            return BlockingCallCheck.Typed.INFERRED;
        }
        return BlockingCallCheck.Typed.UNKNOWN;
    }

    /** Project methods that return a future, {@code owner#method/n} to {@code type|file:line}. */
    private Map<String, List<String>> returnTypes() {
        Map<String, List<String>> futures = new HashMap<>();
        for (String key : facts.keysStartingWith(BlockingCallCheck.FUTURE)) {
            String[] parts = key.substring(BlockingCallCheck.FUTURE.length()).split("\\|", 2);
            List<Location> places = facts.places(key);
            if (parts.length == 2 && !places.isEmpty()) {
                Location at = places.getFirst();
                String value = parts[1] + "|" + Path.of(at.file()).getFileName() + ":" + at.line();
                futures.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(value);
                if (!simple(parts[0]).equals(parts[0])) {
                    futures.computeIfAbsent(simple(parts[0]), k -> new ArrayList<>()).add(value);
                }
            }
        }
        return futures;
    }

    /**
     * A wait on what a project method returned ({@code handler.closeGracefully().get()}): a wait without a deadline
     * when that method (found exactly, or by a simple name only one class declares) returns a future of the table.
     */
    private Optional<BlockingCallCheck.Typed> judgeReturned(String made, String wait,
                                                            Map<String, List<String>> futures, Location at) {
        String exact = made.startsWith("?") ? made.substring(1) : made;
        List<String> found = futures.getOrDefault(exact, futures.getOrDefault(simple(exact), List.of()));
        if (found.size() != 1) {
            return Optional.empty();
        }
        String[] typeAndPlace = found.getFirst().split("\\|", 2);
        Optional<BlockingApis.Wait> waits = BlockingApis.find(typeAndPlace[0], wait, 0);
        if (waits.isEmpty()) {
            return Optional.of(BlockingCallCheck.Typed.WRAPPER);
        }
        String type = typeAndPlace[0].substring(typeAndPlace[0].lastIndexOf('.') + 1);
        String method = exact.substring(exact.indexOf('#') + 1, exact.indexOf('/'));
        report(at, waits.get().label() + " waits without a deadline: " + method + "() returns a " + type + " ("
                + typeAndPlace[1] + ")", "use " + waits.get().timed() + " and handle the timeout");
        return Optional.of(BlockingCallCheck.Typed.WRAPPER);
    }

    /** A wait whose receiver's type no source declares, reported when the evidence around it says it waits. */
    private BlockingCallCheck.Typed inferred(String method, String evidence, Location at) {
        if (evidence.isEmpty()) {
            return BlockingCallCheck.Typed.UNKNOWN;
        }
        String kind = WaitEvidence.kind(method, evidence);
        report(at, method + "() waits without a deadline: the sources do not show its receiver's type, but " + evidence
                + kind, "use " + method + "(timeout, unit) and handle the timeout");
        return BlockingCallCheck.Typed.INFERRED;
    }

    /** The project method {@code called} names ({@code type#method/n}), exactly or by a unique simple type name. */
    private Optional<String> declaration(String called) {
        String exact = called.startsWith("?") ? called.substring(1) : called;
        if (waiters.containsKey(exact) || facts.has(BlockingCallCheck.DECLARES + exact)) {
            return Optional.of(exact);
        }
        List<String> candidates = bySimpleName.getOrDefault(simple(exact), List.of());
        return candidates.size() == 1 ? Optional.of(candidates.getFirst()) : Optional.empty();
    }

    private void index(String declared) {
        List<String> same = bySimpleName.computeIfAbsent(simple(declared), name -> new ArrayList<>());
        if (!same.contains(declared)) {
            same.add(declared);
        }
    }

    /** {@code Result#get/0} for {@code org.example.Result#get/0}. */
    private static String simple(String declared) {
        int hash = declared.indexOf('#');
        return declared.substring(declared.lastIndexOf('.', hash) + 1);
    }

    private void report(Location at, String message, String fix) {
        context.report(new Finding(JavaRules.BLOCKING_WITHOUT_DEADLINE.id(), JavaRules.BLOCKING_WITHOUT_DEADLINE
                .severity(), message, at, fix));
    }
}
