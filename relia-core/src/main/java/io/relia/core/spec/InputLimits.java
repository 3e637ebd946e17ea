package io.relia.core.spec;

import io.relia.core.files.InputFiles;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The limits every reader of YAML and JSON that Relia did not write applies, in one place. Each lies far above
 * what a real input holds, and together they keep the work linear in the size of the file: a scalar's length
 * bounds what the schema checks and messages are given (the YAML scanner itself is kept linear by reading the text
 * at once, where its 1 KiB buffer made a 15 MB scalar take 44 s), and a long number is quadratic to convert.
 */
public final class InputLimits {

    /** Largest input file (16 MiB), enforced while reading. */
    public static final long MAX_FILE_BYTES = InputFiles.MAX_BYTES;
    /**
     * Longest scalar, key or string (4 Mi characters). Kubernetes keeps an object under 1.5 MiB, so no manifest,
     * ConfigMap or Secret value comes near; nor does any SLO, runbook, rule or plan.
     */
    public static final int MAX_SCALAR_CHARS = 4 * 1024 * 1024;
    /** Longest number (1000 characters, Jackson's default): a plain scalar of more digits is refused. */
    public static final int MAX_NUMBER_CHARS = 1000;
    /** Deepest nesting of mappings and lists (500 levels, Jackson's default). */
    public static final int MAX_DEPTH = 500;
    /** Most nodes a document may expand to through aliases (1,000,000: "billion laughs"). */
    public static final int MAX_NODES = 1_000_000;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxStringLength(MAX_SCALAR_CHARS)
            .maxNameLength(MAX_SCALAR_CHARS)
            .maxNumberLength(MAX_NUMBER_CHARS)
            .maxNestingDepth(MAX_DEPTH)
            .build();
    private static final JsonFactory FACTORY = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
    /** JSONC, the JSON of VS Code, TypeScript and dev containers: comments and trailing commas allowed. */
    private static final JsonFactory JSONC_FACTORY = JsonFactory.builder().streamReadConstraints(CONSTRAINTS)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();
    private static final JsonMapper MAPPER = JsonMapper.builder(FACTORY).build();

    private InputLimits() {
    }

    /** Jackson's read constraints with these limits; the size of a file is its reader's to cap ({@link InputFiles}). */
    public static StreamReadConstraints streamReadConstraints() {
        return CONSTRAINTS;
    }

    /** The JSON factory for inputs: these limits, strict JSON. */
    public static JsonFactory jsonFactory() {
        return FACTORY;
    }

    /** The JSON factory for JSONC (comments, trailing commas), these limits; never for Relia's own inputs. */
    public static JsonFactory jsoncFactory() {
        return JSONC_FACTORY;
    }

    /** A JSON mapper with these limits, for files Relia reads back (journals, proxy configs); thread-safe. */
    public static JsonMapper jsonMapper() {
        return MAPPER;
    }
}
