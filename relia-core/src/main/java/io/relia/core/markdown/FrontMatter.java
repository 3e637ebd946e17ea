package io.relia.core.markdown;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.spec.LoadResult;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.SpecLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The YAML front matter of a Markdown file: a first line {@code ---}, YAML, a closing {@code ---} (or {@code ...}).
 * Read with the one YAML loader, on text padded so its lines are the file's lines.
 *
 * @param fields   the front matter when it is a valid YAML mapping
 * @param lines    how many lines it spans with its delimiters (0 without front matter)
 * @param problems what kept it from being read
 */
record FrontMatter(Optional<MapNode> fields, int lines, List<Problem> problems) {

    static final FrontMatter NONE = new FrontMatter(Optional.empty(), 0, List.of());

    FrontMatter {
        problems = List.copyOf(problems);
    }

    static FrontMatter of(Path file, List<String> lines) {
        if (lines.isEmpty() || !lines.getFirst().strip().equals("---")) {
            return NONE;
        }
        int close = -1;
        for (int i = 1; i < lines.size() && close < 0; i++) {
            String line = lines.get(i).stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                close = i;
            }
        }
        if (close < 0) {
            return new FrontMatter(Optional.empty(), 0, List.of(Problem.error(Location.of(file, 1, 1),
                    "the front matter opened at line 1 is never closed", "a line --- after the front matter's YAML",
                    "close it with --- before the first heading")));
        }
        StringBuilder yaml = new StringBuilder("\n");
        lines.subList(1, close).forEach(line -> yaml.append(line).append('\n'));
        if (yaml.toString().isBlank()) {
            return new FrontMatter(Optional.empty(), close + 1, List.of());
        }
        LoadResult loaded = SpecLoader.parse(file, yaml.toString());
        List<Problem> problems = new ArrayList<>(loaded.problems());
        Optional<MapNode> fields = Optional.empty();
        if (!loaded.hasErrors() && loaded.file().isPresent()) {
            var documents = loaded.file().get().documents();
            if (documents.size() == 1 && documents.getFirst().root() instanceof MapNode map) {
                fields = Optional.of(map);
            } else if (!documents.isEmpty()) {
                problems.add(Problem.error(documents.getFirst().root().location(), "the front matter is not a "
                        + "mapping", "keys such as title: and alert:", ""));
            }
        }
        return new FrontMatter(fields, close + 1, problems);
    }

    boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
