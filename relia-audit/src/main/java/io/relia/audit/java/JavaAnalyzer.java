package io.relia.audit.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import io.relia.audit.AuditAnalyzer;
import io.relia.audit.AuditContext;
import io.relia.audit.AuditRule;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.files.InputFiles;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The Java analyzer of {@code relia audit}: parses each Java source once (JavaParser, Java 21 syntax, no symbol
 * solver) and runs timeout, blocking, executor, retry, exception-handling and resource checks on it. Files are
 * parsed in parallel on a small bounded pool. A file that cannot be read or parsed is an error problem (so an
 * input/invalid finding: its checks did not run), never a crash; the other files are still checked.
 */
public final class JavaAnalyzer implements AuditAnalyzer {

    private static final int DEFAULT_THREADS = 2;
    private static final String CACHE_FILE = "java.cache";
    private static final long AUDIT_TIMEOUT_MINUTES = 30;
    private static final List<JavaCheck> CHECKS = List.of(new HttpTimeoutCheck(), new BlockingCallCheck(),
            new ExecutorCheck(), new UnboundedQueueCheck(), new RetryLoopCheck(), new CatchBlockCheck(),
            new ResourceCheck(),
            new RetryConfigCheck(), new StaticCollectionCheck(), new ReactiveHttpTimeoutCheck(),
            new GrpcDeadlineCheck(), new JdbcTimeoutCheck(), new RedisTimeoutCheck(),
            new ObservabilityCheck(), new TlsVerificationCheck(), new CircuitBreakerCheck(),
            new SocketTimeoutCheck(), new RetryRescheduleCheck());

    private final int threads;

    /** An analyzer parsing on two threads. */
    public JavaAnalyzer() {
        this(DEFAULT_THREADS);
    }

    /** An analyzer parsing on {@code threads} threads (at least 1). */
    public JavaAnalyzer(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String id() {
        return "java";
    }

    @Override
    public List<AuditRule> rules() {
        return JavaRules.ALL;
    }

    @Override
    public void analyze(AuditContext context) {
        if (JavaRules.ALL.stream().noneMatch(rule -> context.enabled(rule.id()))) {
            return;
        }
        List<DiscoveredInput> sources = context.inventory().ofKind(InputKind.JAVA_SOURCE);
        Optional<ResultCache> cache = context.cacheDirectory()
                .map(directory -> ResultCache.open(cacheFile(directory), engine()));
        ProjectFacts facts = new ProjectFacts();
        SourceEncodings encodings = new SourceEncodings(sources.isEmpty() ? context.root()
                : treeRoot(sources.getFirst()));
        // Bounded queue; when it is full the submitting thread parses the file itself (back-pressure).
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 4),
                Thread.ofPlatform().name("relia-java-audit-", 0).daemon(true).factory(),
                new ThreadPoolExecutor.CallerRunsPolicy());
        try {
            for (DiscoveredInput source : sources) {
                Path shown = context.root().resolve(source.relative()).normalize();
                pool.execute(() -> audit(context, shown, source.path(), cache, facts, encodings));
            }
        } finally {
            pool.shutdown();
        }
        try {
            if (!pool.awaitTermination(AUDIT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                pool.shutdownNow();
                context.problem(Problem.error(Location.wholeFile(context.root()), "the Java audit did not "
                        + "finish within " + AUDIT_TIMEOUT_MINUTES + " minutes; its findings are incomplete"));
                return;
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            return;
        }
        for (JavaCheck check : CHECKS) {
            if (check instanceof ProjectCheck project) {
                project.finish(context, facts);
            }
        }
        cache.ifPresent(results -> save(context, results));
    }

    private static void save(AuditContext context, ResultCache cache) {
        Path file = cacheFile(context.cacheDirectory().orElseThrow());
        try {
            cache.save();
        } catch (IOException | UncheckedIOException e) {
            context.problem(Problem.warning(Location.wholeFile(file), "cannot write the audit cache (" + e.getMessage()
                    + "); the next run parses every file again", "a writable cache directory",
                    "pass --cache DIR, or --no-cache"));
        }
    }

    /** The directory the inventory's relative paths start from. */
    private static Path treeRoot(DiscoveredInput source) {
        Path file = source.path().toAbsolutePath().normalize();
        Path root = file;
        for (int i = 0; i < source.relative().getNameCount() && root.getParent() != null; i++) {
            root = root.getParent();
        }
        return root;
    }

    /** Parses and checks one file (or takes its results from the cache); reports under {@code shown}. */
    private static void audit(AuditContext context, Path shown, Path file, Optional<ResultCache> cache,
                              ProjectFacts facts, SourceEncodings encodings) {
        byte[] bytes;
        try {
            bytes = InputFiles.readAllBytes(file);
        } catch (IOException e) {
            context.problem(Problem.error(Location.wholeFile(shown), "cannot read: " + e.getMessage()));
            return;
        }
        Optional<String> key = cache.map(results -> ResultCache.key(bytes));
        Optional<ResultCache.Entry> cached = key.flatMap(k -> cache.get().find(k));
        if (cached.isPresent()) {
            cached.get().findings(shown).forEach(context::report);
            facts.add(shown, cached.get().facts());
            return;
        }
        Optional<SourceFile> checked = encodings.decode(file, shown, bytes, context::problem)
                .flatMap(text -> check(context, shown, text));
        checked.ifPresent(source -> {
            source.findings().forEach(context::report);
            facts.add(shown, source.facts());
            key.ifPresent(k -> cache.get().put(k, ResultCache.Entry.of(source.findings(), source.facts())));
        });
    }

    /** The file parsed and checked; empty, with a problem reported, when it cannot be (nothing is cached then). */
    private static Optional<SourceFile> check(AuditContext context, Path shown, String text) {
        ParseResult<CompilationUnit> parsed;
        try {
            // RAW: the grammar of the newest Java JavaParser knows (records, patterns, unnamed variables), without
            // the language-level validators, which only reject syntax and cost ~3% of the audit.
            parsed = parser(ParserConfiguration.LanguageLevel.RAW).parse(text);
            if (!parsed.isSuccessful()) {
                // JavaParser 3.28.2's RAW grammar rejects `yield` in switch blocks and some qualified case labels
                // that the full Java 21+ level parses: try that before giving up on the file.
                parsed = parser(ParserConfiguration.LanguageLevel.BLEEDING_EDGE).parse(text);
            }
        } catch (RuntimeException | StackOverflowError e) {
            context.problem(Problem.error(Location.wholeFile(shown), "JavaParser failed on this file ("
                    + e + "); Java checks skipped"));
            return Optional.empty();
        }
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            parsed.getProblems().stream().limit(3).forEach(problem -> context.problem(Problem.error(
                    problem.getLocation().flatMap(range -> range.getBegin().getRange())
                            .map(range -> Location.of(shown, range.begin.line, range.begin.column))
                            .orElse(Location.wholeFile(shown)),
                    "Java syntax not understood, file skipped: " + firstLine(problem.getMessage()),
                    "Java 21 source", "check the file compiles")));
            return Optional.empty();
        }
        List<Position> comments = parsed.getCommentsCollection().map(all -> all.getComments().stream()
                .flatMap(comment -> comment.getBegin().stream()).sorted().toList()).orElse(List.of());
        SourceFile source = new SourceFile(shown, parsed.getResult().get(), comments);
        parsed.getCommentsCollection().ifPresent(all -> all.getComments().stream()
                .filter(comment -> comment.getContent().contains("relia:ignore"))
                .forEach(comment -> comment.getBegin().ifPresent(at -> source.ignoreComment(at.line,
                        comment.getContent()))));
        try {
            for (JavaCheck check : CHECKS) {
                check.check(source);
            }
        } catch (RuntimeException | StackOverflowError e) {
            context.problem(Problem.error(Location.wholeFile(shown), "Java checks failed on this file (" + e
                    + "); findings for it may be incomplete"));
            source.findings().forEach(context::report);
            return Optional.empty();
        }
        return Optional.of(source);
    }

    /** The build of the checks, computed once per process (it hashes class files in a development build). */
    private static final class Engine {
        static final String FINGERPRINT = ResultCache.buildOf(JavaAnalyzer.class, JavaParser.class);
    }

    /** The build of the checks that cache entries are valid for. */
    static String engine() {
        return Engine.FINGERPRINT;
    }

    /** The cache file in {@code directory}. */
    static Path cacheFile(Path directory) {
        return directory.resolve(CACHE_FILE);
    }

    /** Comments are not attached to nodes: that halves parse time on Javadoc-heavy code; checks use positions. */
    private static JavaParser parser(ParserConfiguration.LanguageLevel level) {
        return new JavaParser(new ParserConfiguration().setLanguageLevel(level).setAttributeComments(false));
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
