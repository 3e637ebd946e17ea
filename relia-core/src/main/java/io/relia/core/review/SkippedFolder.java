package io.relia.core.review;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A folder the walk left out by name (build output, dependencies, version control), so that a report can say so
 * instead of scanning nothing in silence.
 *
 * @param relative the folder, relative to the scanned directory
 * @param files    regular files under it, counted up to {@link #COUNT_LIMIT}
 * @param why      what such a folder holds ({@code build output}, {@code dependencies}, {@code version control})
 */
public record SkippedFolder(Path relative, int files, String why) {

    /** Files under one skipped folder are counted up to this bound; beyond it the count reads "10000+". */
    public static final int COUNT_LIMIT = 10_000;

    public SkippedFolder {
        Objects.requireNonNull(relative, "relative");
        Objects.requireNonNull(why, "why");
    }

    /**
     * {@code skipped dist/ (112 files, build output); --include dist VERB it}, for the folders that hold files
     * (editor settings left out: they never hold inputs); empty when none does. {@code verb}: {@code reads},
     * {@code audits}.
     */
    public static java.util.Optional<String> note(java.util.List<SkippedFolder> skipped, String verb) {
        java.util.List<SkippedFolder> worth = skipped.stream().filter(folder -> folder.files() > 0)
                .filter(folder -> !folder.why().equals("editor settings")).toList();
        if (worth.isEmpty()) {
            return java.util.Optional.empty();
        }
        String first = worth.getFirst().relative().toString().replace('\\', '/');
        return java.util.Optional.of("skipped " + String.join(", ", worth.stream().map(SkippedFolder::describe)
                .toList()) + "; --include " + first + " " + verb + " " + first + "/"
                + (worth.size() == 1 ? "" : " (repeatable, for each folder)"));
    }

    /** {@code dist/ (112 files, build output)}. */
    public String describe() {
        String count = files >= COUNT_LIMIT ? COUNT_LIMIT + "+ files" : files == 1 ? "1 file" : files + " files";
        return relative.toString().replace('\\', '/') + "/ (" + count + ", " + why + ")";
    }
}
