import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Follows README.md and every walk-through in docs/ as a new user would: in a fresh clone of the repository, in
 * order, exactly as written. A walk-through is a fenced block preceded by {@code <!-- tour -->} (run every {@code $ }
 * command and compare what it prints with the lines the doc shows under it) or {@code <!-- tour: run -->} (run,
 * check exit codes only: the output shown is illustrative). Commands of one document share one shell (a {@code cd}
 * or an exported variable carries over); a command ending in {@code &} runs in the background until the document
 * ends and is waited for until it prints the last line the doc shows under it (when the doc shows none, a line
 * saying it listens, started or is ready): a script that starts several servers is ready when its last one is.
 * Every command must exit 0 unless the doc's next command is {@code echo $?}, whose output then shows the code.
 * Output lines are compared after turning every token with a digit into {@code #} (dates, counts, durations differ
 * from run to run; words and structure must not); "..." in a line stands for what the doc leaves out there; a line
 * of only "..." skips any number of lines. Each document's shell has a fresh {@code HOME} (Relia keeps its store and
 * caches under {@code $HOME}), so documents do not depend on each other. Afterwards {@code git status} of the clone
 * must be clean: the tour writes its outputs to ignored or temporary places.
 *
 * <p>Run with {@code scripts/tour} (JDK 21+, bash, git); {@code ./run-tests} runs it after the Maven build. Options:
 * {@code --doc NAME} (only documents whose path contains NAME), {@code --keep} (leave the clone and outputs).
 */
public final class Tour {

    private static final Pattern TOUR = Pattern.compile("<!--\\s*tour(?::\\s*(run))?\\s*-->");
    private static final Pattern FENCE = Pattern.compile("^(```|~~~)");
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*'?([A-Za-z_]+)'?");
    private static final Pattern JOB_SPEC = Pattern.compile("(?<!\\S)%[^\\s;&|)]*");
    private static final Duration DOC_TIMEOUT = Duration.ofMinutes(20);

    /** One command of a walk-through, with the lines the doc shows it printing. */
    record Step(Path doc, int line, String command, List<String> expected, boolean compare, boolean background) {
    }

    /** What went wrong with one step. */
    record Failure(Step step, String what, String output) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : ".").toAbsolutePath().normalize();
        String only = option(args, "--doc");
        boolean keep = List.of(args).contains("--keep");
        Path work = Files.createTempDirectory("relia-tour");
        Path clone = work.resolve("relia");
        run(List.of("git", "clone", "-q", "--no-hardlinks", root.toString(), clone.toString()), root);
        reuseBuiltJar(root, clone);
        Path bin = Files.createDirectories(work.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("relia"), clone.resolve("relia"));
        List<Path> docs = new ArrayList<>();
        docs.add(clone.resolve("README.md"));
        try (Stream<Path> files = Files.list(clone.resolve("docs"))) {
            files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<Failure> failures = new ArrayList<>();
        int steps = 0;
        for (Path doc : docs) {
            String name = clone.relativize(doc).toString();
            if (only != null && !name.contains(only)) {
                continue;
            }
            List<Step> tour = parse(doc, clone);
            if (tour.isEmpty()) {
                continue;
            }
            Instant started = Instant.now();
            System.out.printf(Locale.ROOT, "tour: %s, %d commands ...%n", name, tour.size());
            Path out = Files.createDirectories(work.resolve("out").resolve(name.replace('/', '_')));
            // Each document is followed as by a new user: its own empty home (incident store, caches).
            Path home = Files.createDirectories(work.resolve("home").resolve(name.replace('/', '_')));
            failures.addAll(follow(tour, clone, out, home, bin));
            steps += tour.size();
            System.out.printf(Locale.ROOT, "tour: %s done in %d s%n", name,
                    Duration.between(started, Instant.now()).toSeconds());
        }
        String status = run(List.of("git", "status", "--porcelain", "--untracked-files=all"), clone);
        if (!status.isBlank()) {
            failures.add(new Failure(null, "the tour left files in the repository (git status is not clean)",
                    status));
        }
        for (Failure failure : failures) {
            System.out.println();
            if (failure.step() != null) {
                System.out.printf(Locale.ROOT, "FAIL %s:%d: $ %s%n  %s%n", clone.relativize(failure.step().doc()),
                        failure.step().line(), failure.step().command().lines().findFirst().orElse(""),
                        failure.what());
            } else {
                System.out.println("FAIL " + failure.what());
            }
            failure.output().lines().limit(40).forEach(line -> System.out.println("  | " + line));
        }
        System.out.printf(Locale.ROOT, "%ntour: %d commands in %d documents; %d failure(s)%s%n", steps, docs.size(),
                failures.size(), keep ? "; kept " + work : "");
        if (!keep) {
            delete(work);
        }
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static String option(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    /**
     * The jar the build just made, so the clone's {@code ./relia} does not build again (its sources are the same
     * commit); without one, the launcher builds it as it would for any new user.
     */
    private static void reuseBuiltJar(Path root, Path clone) throws IOException {
        Path jar = root.resolve("relia-cli/target/relia.jar");
        if (Files.isRegularFile(jar)) {
            Path target = Files.createDirectories(clone.resolve("relia-cli/target")).resolve("relia.jar");
            Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(target, FileTime.from(Instant.now().plusSeconds(60)));
        }
    }

    /** The steps of a document's walk-throughs, in order. */
    static List<Step> parse(Path doc, Path clone) throws IOException {
        List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
        List<Step> steps = new ArrayList<>();
        Boolean mode = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher tour = TOUR.matcher(line.strip());
            if (tour.matches()) {
                mode = tour.group(1) == null;
                continue;
            }
            if (mode != null && FENCE.matcher(line).find()) {
                i = block(doc, lines, i + 1, mode, steps);
                mode = null;
                continue;
            }
            if (mode != null && !line.isBlank()) {
                throw new IllegalStateException(doc + ":" + (i + 1) + ": <!-- tour --> must be followed by a fenced "
                        + "block");
            }
        }
        return steps;
    }

    /** Reads one fenced block from {@code start}; returns the index of its closing fence. */
    private static int block(Path doc, List<String> lines, int start, boolean compare, List<Step> steps) {
        int i = start;
        while (i < lines.size() && !FENCE.matcher(lines.get(i)).find()) {
            String line = lines.get(i);
            if (!line.startsWith("$ ")) {
                i++;
                continue;
            }
            int at = i + 1;
            StringBuilder command = new StringBuilder(line.substring(2));
            while (command.toString().endsWith("\\") && i + 1 < lines.size()) {
                command.append('\n').append(lines.get(++i));
            }
            Matcher heredoc = HEREDOC.matcher(command);
            if (heredoc.find()) {
                String end = heredoc.group(1);
                while (i + 1 < lines.size() && !lines.get(i + 1).strip().equals(end)) {
                    command.append('\n').append(lines.get(++i));
                }
                command.append('\n').append(lines.get(++i));
            }
            List<String> expected = new ArrayList<>();
            while (i + 1 < lines.size() && !lines.get(i + 1).startsWith("$ ")
                    && !FENCE.matcher(lines.get(i + 1)).find()) {
                expected.add(lines.get(++i));
            }
            String text = command.toString();
            String bare = withoutComment(text).strip();
            boolean background = bare.endsWith("&") && !bare.endsWith("&&");
            steps.add(new Step(doc, at, background ? bare.substring(0, bare.length() - 1).strip() : text, expected,
                    compare, background));
            i++;
        }
        return i;
    }

    /**
     * The command without a trailing {@code # comment}: the first " #" outside quotes (a comment may hold an
     * apostrophe, as in "Relia's proxy").
     */
    static String withoutComment(String command) {
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '#' && i > 0 && Character.isWhitespace(command.charAt(i - 1))) {
                return command.substring(0, i);
            }
        }
        return command;
    }

    /** Runs a document's steps in one bash and checks what they printed and how they exited. */
    private static List<Failure> follow(List<Step> steps, Path clone, Path out, Path home, Path bin)
            throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder("""
                set -m
                __last=0
                __pids=()
                __stop() {
                    for p in "${__pids[@]}"; do kill -TERM -- -"$p" 2>/dev/null; done
                    sleep 1
                    for p in "${__pids[@]}"; do kill -KILL -- -"$p" 2>/dev/null; done
                }
                trap __stop EXIT
                __settle() {
                    local spec p
                    for spec in "$@"; do
                        p=$(jobs -p "$spec" 2>/dev/null) || continue
                        for _ in $(seq 1 300); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
                    done
                    jobs > /dev/null 2>&1
                }
                __ready() {
                    for _ in $(seq 1 3000); do
                        grep -qiE "$3" "$1" 2>/dev/null && return 0
                        kill -0 "$2" 2>/dev/null || return 1
                        sleep 0.1
                    done
                    return 1
                }
                """);
        script.append("cd ").append(quote(clone.toString())).append('\n');
        for (int n = 0; n < steps.size(); n++) {
            Step step = steps.get(n);
            String file = quote(out.resolve(n + ".out").toString());
            String code = quote(out.resolve(n + ".code").toString());
            script.append("# ").append(step.doc().getFileName()).append(':').append(step.line()).append('\n');
            script.append("(exit $__last)\n");
            if (step.background()) {
                script.append(step.command()).append(" > ").append(file).append(" 2>&1 < /dev/null &\n")
                        .append("__pids+=($!); __ready ").append(file).append(" $! ").append(quote(readyPattern(step)))
                        .append("; echo $? > ").append(code)
                        .append("\n");
            } else {
                script.append("{ ").append(step.command()).append("\n} > ").append(file)
                        .append(" 2>&1 < /dev/null\n__last=$?; echo $__last > ").append(code).append('\n');
                // As a person at an interactive shell sees it: a job just killed has ended before the next prompt,
                // which forgets it, so the next background job is %1 again.
                script.append("__settle");
                Matcher jobs = JOB_SPEC.matcher(step.command());
                while (jobs.find()) {
                    script.append(' ').append(quote(jobs.group()));
                }
                script.append('\n');
            }
        }
        Path scriptFile = out.resolve("tour.sh");
        Files.writeString(scriptFile, script);
        ProcessBuilder bash = new ProcessBuilder("bash", scriptFile.toString()).directory(clone.toFile())
                .redirectErrorStream(true).redirectOutput(out.resolve("tour.log").toFile());
        Map<String, String> env = bash.environment();
        env.put("HOME", home.toString());
        env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("NO_COLOR", "1");
        env.put("COLUMNS", "120");
        env.put("TERM", "dumb");
        Process process = bash.start();
        List<Failure> failures = new ArrayList<>();
        if (!process.waitFor(DOC_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            failures.add(new Failure(steps.getFirst(), "the document's commands did not finish within "
                    + DOC_TIMEOUT.toMinutes() + " minutes", read(out.resolve("tour.log"))));
        }
        for (int n = 0; n < steps.size(); n++) {
            check(steps, n, out, failures);
        }
        return failures;
    }

    /**
     * What a background step must print before the next one runs: the last line the doc shows under it, as an
     * extended regex that reads it as {@link #mismatch} does (a token with a digit stands for any such token, "..."
     * for anything); without one, a line saying it listens, started or is ready.
     */
    static String readyPattern(Step step) {
        List<String> shown = step.expected().stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.equals("...") && !line.equals("…")).toList();
        if (shown.isEmpty()) {
            return "listening|ctrl-c|started|ready";
        }
        List<String> parts = new ArrayList<>();
        for (String part : shown.getLast().split("\\.\\.\\.|…")) {
            List<String> tokens = java.util.Arrays.stream(part.strip().split("\\s+")).filter(t -> !t.isEmpty())
                    .map(token -> token.matches(".*\\d.*") ? "[^[:space:]]*[0-9][^[:space:]]*"
                            : token.replaceAll("[\\\\.\\[\\](){}*+?|^$]", "\\\\$0"))
                    .toList();
            if (!tokens.isEmpty()) {
                parts.add(String.join("[[:space:]]+", tokens));
            }
        }
        return String.join(".*", parts);
    }

    private static void check(List<Step> steps, int n, Path out, List<Failure> failures) {
        Step step = steps.get(n);
        String output = read(out.resolve(n + ".out"));
        String code = read(out.resolve(n + ".code")).strip();
        boolean shownNext = n + 1 < steps.size() && steps.get(n + 1).command().strip().equals("echo $?");
        if (code.isEmpty()) {
            failures.add(new Failure(step, "never ran (an earlier command hung or the shell stopped)", output));
            return;
        }
        if (!code.equals("0") && !shownNext) {
            failures.add(new Failure(step, (step.background() ? "did not start (no 'listening' line)"
                    : "exited " + code) + "; the doc shows no other exit code (add `$ echo $?` after it)", output));
            return;
        }
        if (step.compare()) {
            mismatch(step.expected(), output).ifPresent(line -> failures.add(new Failure(step,
                    "the doc shows a line it did not print: " + line.strip(), output)));
        }
    }

    /** The first expected line that the output lacks, in order; empty when all are there. */
    static java.util.Optional<String> mismatch(List<String> expected, String output) {
        List<String> actual = output.lines().map(Tour::normalise).toList();
        int from = 0;
        for (String line : expected) {
            String wanted = line.strip();
            if (wanted.isEmpty() || wanted.equals("...") || wanted.equals("…")) {
                continue;
            }
            // "..." inside a line stands for what the doc leaves out: the parts around it must appear in order.
            List<String> parts = java.util.Arrays.stream(wanted.split("\\.\\.\\.|…")).map(Tour::normalise)
                    .filter(part -> !part.isEmpty()).toList();
            int found = -1;
            for (int i = from; i < actual.size() && found < 0; i++) {
                if (containsInOrder(actual.get(i), parts)) {
                    found = i;
                }
            }
            if (found < 0) {
                return java.util.Optional.of(line);
            }
            from = found + 1;
        }
        return java.util.Optional.empty();
    }

    private static boolean containsInOrder(String line, List<String> parts) {
        int at = 0;
        for (String part : parts) {
            int found = line.indexOf(part, at);
            if (found < 0) {
                return false;
            }
            at = found + part.length();
        }
        return true;
    }

    /** What may differ from run to run, made equal: numbers, bar lengths, colours, spacing. */
    static String normalise(String line) {
        return line.replaceAll("\u001B\\[[;\\d]*m", "")
                .replaceAll("\\S*\\d\\S*", "#")
                .replaceAll("[█▓▒░·]+", "▮")
                .replaceAll("\\s+", " ").strip();
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static String run(List<String> command, Path directory) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private Tour() {
    }
}
