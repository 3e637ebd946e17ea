package io.relia.core.spec;

import io.relia.core.Location;
import io.relia.core.Problem;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads YAML with SnakeYAML Engine's composer (YAML 1.2, the parser under Jackson's YAML module) into our located
 * tree: aliases resolved, merge keys ({@code <<}) applied, duplicate keys reported, expansion, nesting, scalar and
 * number lengths bounded by {@link InputLimits}.
 */
final class YamlTreeReader {

    private final Path path;
    private final List<Problem> problems;
    private final IdentityHashMap<org.snakeyaml.engine.v2.nodes.Node, Boolean> onPath = new IdentityHashMap<>();
    private int nodes;

    private YamlTreeReader(Path path, List<Problem> problems) {
        this.path = path;
        this.problems = problems;
    }

    static Optional<List<Node>> read(Path path, String text, List<Problem> problems) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(path.toString())
                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, InputLimits.MAX_FILE_BYTES))
                // The scanner copies its window each time it refills it while inside one token, so with the default
                // 1 KiB buffer a long scalar costs its length squared; the whole text at once keeps it linear.
                .setBufferSize(text.length() + 1)
                .setMaxAliasesForCollections(100)
                .setAllowRecursiveKeys(false)
                .build();
        YamlTreeReader reader = new YamlTreeReader(path, problems);
        List<Node> roots = new ArrayList<>();
        try {
            for (org.snakeyaml.engine.v2.nodes.Node document : new Compose(settings).composeAllFromString(text)) {
                roots.add(reader.convert(document, 0));
            }
        } catch (MarkedYamlEngineException syntax) {
            problems.add(reader.syntaxProblem(syntax));
            return Optional.empty();
        } catch (TooComplex complex) {
            problems.add(Problem.error(complex.location, complex.getMessage(), complex.expected, ""));
            return Optional.empty();
        } catch (YamlEngineException | StackOverflowError other) {
            String message = other instanceof StackOverflowError ? "the document nests too deeply"
                    : "not valid YAML: " + other.getMessage();
            problems.add(Problem.error(new Location(path.toString(), 1, 1), message, "valid YAML", ""));
            return Optional.empty();
        }
        return Optional.of(roots);
    }

    private Node convert(org.snakeyaml.engine.v2.nodes.Node node, int depth) {
        Location location = location(node);
        if (++nodes > InputLimits.MAX_NODES) {
            throw new TooComplex(location, "the document expands to more than " + InputLimits.MAX_NODES + " nodes",
                    "");
        }
        if (depth > InputLimits.MAX_DEPTH) {
            throw new TooComplex(location, "the document nests more than " + InputLimits.MAX_DEPTH + " levels deep",
                    "at most " + InputLimits.MAX_DEPTH + " levels");
        }
        if (onPath.put(node, Boolean.TRUE) != null) {
            throw new TooComplex(location, "an alias refers to a node that contains it", "");
        }
        try {
            return switch (node) {
                case org.snakeyaml.engine.v2.nodes.ScalarNode scalar -> scalar(scalar, location);
                case SequenceNode sequence -> {
                    List<Node> items = new ArrayList<>(sequence.getValue().size());
                    for (org.snakeyaml.engine.v2.nodes.Node item : sequence.getValue()) {
                        items.add(convert(item, depth + 1));
                    }
                    yield new ListNode(items, location);
                }
                case MappingNode mapping -> mapping(mapping, location, depth);
                default -> throw new TooComplex(location, "unsupported YAML node " + node.getNodeType(), "");
            };
        } finally {
            onPath.remove(node);
        }
    }

    private MapNode mapping(MappingNode mapping, Location location, int depth) {
        Map<String, MapNode.Entry> entries = new LinkedHashMap<>();
        List<MapNode> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            org.snakeyaml.engine.v2.nodes.Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof org.snakeyaml.engine.v2.nodes.ScalarNode scalarKey)) {
                problems.add(Problem.error(location(keyNode), "a key is " + describe(keyNode),
                        "a text key", "YAML complex keys are not used by any format Relia reads"));
                continue;
            }
            Node value = convert(tuple.getValueNode(), depth + 1);
            if (keyNode.getTag().equals(Tag.MERGE) || ("<<".equals(scalarKey.getValue())
                    && scalarKey.getScalarStyle() == ScalarStyle.PLAIN)) {
                collectMerge(value, merged);
                continue;
            }
            ScalarNode key = scalar(scalarKey, location(keyNode));
            MapNode.Entry previous = entries.putIfAbsent(key.text(), new MapNode.Entry(key, value));
            if (previous != null) {
                problems.add(Problem.error(key.location(), "duplicate key \"" + key.text() + "\" (first at line "
                        + previous.key().location().line() + ")", "each key once per mapping",
                        "remove one of them; YAML keeps only one"));
            }
        }
        for (MapNode source : merged) {
            source.entries().forEach(entries::putIfAbsent);
        }
        return new MapNode(entries, location);
    }

    /** A scalar within {@link InputLimits}: long text stops the document, as does a number too long to convert. */
    private static ScalarNode scalar(org.snakeyaml.engine.v2.nodes.ScalarNode scalar, Location location) {
        String text = scalar.getValue();
        if (text.length() > InputLimits.MAX_SCALAR_CHARS) {
            throw new TooComplex(location, "a scalar of " + text.length() + " characters",
                    "at most " + InputLimits.MAX_SCALAR_CHARS + " characters per scalar");
        }
        ScalarNode node = new ScalarNode(text, scalar.getScalarStyle() != ScalarStyle.PLAIN, location);
        if (text.length() > InputLimits.MAX_NUMBER_CHARS
                && (node.type() == ScalarNode.Type.INTEGER || node.type() == ScalarNode.Type.FLOAT)) {
            throw new TooComplex(location, "a number of " + text.length() + " characters",
                    "at most " + InputLimits.MAX_NUMBER_CHARS + " characters per number (quote it to make it text)");
        }
        return node;
    }

    private void collectMerge(Node value, List<MapNode> merged) {
        switch (value) {
            case MapNode map -> merged.add(map);
            case ListNode list -> list.items().forEach(item -> collectMerge(item, merged));
            case ScalarNode scalar -> problems.add(Problem.error(scalar.location(),
                    "a merge key (<<) refers to " + scalar.describe(), "a mapping or a list of mappings", ""));
        }
    }

    private static String describe(org.snakeyaml.engine.v2.nodes.Node node) {
        return node instanceof SequenceNode ? "a list" : node instanceof MappingNode ? "a mapping" : "a scalar";
    }

    private Location location(org.snakeyaml.engine.v2.nodes.Node node) {
        return node.getStartMark().map(this::location).orElse(new Location(path.toString(), 1, 1));
    }

    private Location location(Mark mark) {
        return new Location(path.toString(), mark.getLine() + 1, mark.getColumn() + 1);
    }

    private Problem syntaxProblem(MarkedYamlEngineException syntax) {
        Location where = syntax.getProblemMark().or(syntax::getContextMark).map(this::location)
                .orElse(new Location(path.toString(), 1, 1));
        String problem = syntax.getProblem() == null ? "invalid YAML" : syntax.getProblem();
        String hint = "";
        if (problem.contains("\t") || problem.contains("(TAB)")) {
            problem = "a tab character where YAML expects indentation or a value";
            hint = "indent with spaces; YAML does not allow tabs";
        } else if (problem.contains("mapping values are not allowed")) {
            hint = "quote a value that contains \": \", or check the indentation of this line";
        } else if (problem.contains("could not find expected ':'")) {
            hint = "a key needs \": \" after it; check the line above for an unclosed quote or bracket";
        } else if (problem.contains("exceeds the limit")) {
            problem = "the document is too large";
        }
        String context = syntax.getContext() == null ? "" : " " + clean(syntax.getContext());
        return Problem.error(where, "invalid YAML: " + clean(problem) + context, "valid YAML", hint);
    }

    private static String clean(String text) {
        return text.replace("\t", "\\t").replaceAll("\\s+", " ").strip();
    }

    /** Stops conversion of a document that is too big or recursive. */
    private static final class TooComplex extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Location location;
        private final String expected;

        TooComplex(Location location, String message, String expected) {
            super(message, null, false, false);
            this.location = location;
            this.expected = expected;
        }
    }
}
