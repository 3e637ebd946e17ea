package io.relia.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Collects problems while an input is read, so that all of them are reported at once. Not thread-safe. */
public final class Problems {

    private final List<Problem> all = new ArrayList<>();

    public void add(Problem problem) {
        all.add(problem);
    }

    public void addAll(Collection<Problem> problems) {
        all.addAll(problems);
    }

    public void error(Location location, String message, String expected, String hint) {
        add(Problem.error(location, message, expected, hint));
    }

    public void warning(Location location, String message, String expected, String hint) {
        add(Problem.warning(location, message, expected, hint));
    }

    /** Records how an input was read: shown by the commands that explain inputs, never a problem. */
    public void note(Location location, String message, String hint) {
        add(Problem.note(location, message, hint));
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Problem::isError);
    }

    /** How many errors (not warnings) were reported so far. */
    public long errorCount() {
        return all.stream().filter(Problem::isError).count();
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** All problems, sorted by file, line and column. */
    public List<Problem> sorted() {
        return all.stream().sorted().toList();
    }
}
