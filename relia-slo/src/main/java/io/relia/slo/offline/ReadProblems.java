package io.relia.slo.offline;

import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems found while one recorded file is read: the first {@link #SHOWN} in full, then only a count, so that a
 * wrong file of millions of lines yields a readable report rather than millions of lines.
 */
final class ReadProblems {

    /** Problems reported in full; the rest are counted. */
    static final int SHOWN = 20;

    private final Path file;
    private final List<Problem> shown = new ArrayList<>();
    private Location firstOmitted;
    private long omitted;

    ReadProblems(Path file) {
        this.file = file;
    }

    void error(int line, int column, String message, String expected, String hint) {
        Location location = new Location(file.toString(), line, column);
        if (shown.size() < SHOWN) {
            shown.add(Problem.error(location, message, expected, hint));
        } else {
            if (omitted == 0) {
                firstOmitted = location;
            }
            omitted++;
        }
    }

    /** A problem with the whole file, such as "the file is empty". */
    void fileError(String message, String expected, String hint) {
        shown.add(Problem.error(Location.wholeFile(file), message, expected, hint));
    }

    boolean isEmpty() {
        return shown.isEmpty();
    }

    /** Throws the problems found, if any, as one {@link InputException}. */
    void throwIfAny() {
        if (shown.isEmpty()) {
            return;
        }
        List<Problem> all = new ArrayList<>(shown);
        all.sort(null);
        if (omitted > 0) {
            all.add(Problem.error(firstOmitted, omitted + " more " + (omitted == 1 ? "problem" : "problems")
                    + " from here on not shown", "", "fix the first " + SHOWN + " and read the file again"));
        }
        throw new InputException(all);
    }
}
