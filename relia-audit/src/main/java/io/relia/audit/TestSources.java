package io.relia.audit;

import io.relia.core.Problem;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.ServiceInventory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place that decides whether a file is test code or test data, judged by its path inside the audited
 * directory alone (docs/audit.md, "Test code"). In order:
 * <ol>
 *     <li>a folder before the first {@code src} (all folders when there is none) named {@code test}, {@code tests},
 *     {@code testdata}, {@code e2e}, {@code javatests} or {@code __tests__}, or ending in {@code -test},
 *     {@code -tests}, {@code -it}, {@code -its} or {@code -e2e}: a test module or a folder of test data;</li>
 *     <li>the source set after the first {@code src}: test when its name holds {@code test} ({@code src/test},
 *     {@code src/testFixtures}, {@code src/integrationTest}) or is {@code it} or {@code e2e}; {@code src/main} is
 *     production whatever its files are called, since the build ships what it holds;</li>
 *     <li>elsewhere, a Java class named {@code *Test}, {@code *Tests}, {@code *TestCase}, {@code *IT} or
 *     {@code *ITCase}, and Logback's and Log4j 2's test configurations ({@code logback-test.xml},
 *     {@code log4j2-test.*}), which those libraries look for first on a test class path.</li>
 * </ol>
 * Folder names such as {@code testing} or {@code test-utils} are not tests: such modules often ship.
 */
public final class TestSources {

    private static final Set<String> TEST_FOLDERS = Set.of("test", "tests", "testdata", "e2e", "javatests",
            "__tests__");
    private static final List<String> TEST_MODULE_SUFFIXES = List.of("-test", "-tests", "-it", "-its", "-e2e");
    /** JUnit's and Failsafe's naming conventions; "IT" only after a lower-case letter or digit (not LIMIT, BIT). */
    private static final Pattern TEST_CLASS = Pattern.compile("(?:\\w*(?:Test|Tests|TestCase)|\\w*[a-z0-9]IT(?:Case)?"
            + ")\\.java");
    /** Logback manual, chapter 3 (logback-test.xml first); Log4j 2 manual, "Automatic configuration" (-test). */
    private static final Pattern TEST_LOGGING = Pattern.compile("(?i)logback-test\\.xml|log4j2-test\\.[a-z]+");

    /** What the folders of a path say. */
    private enum Folders { TEST, PRODUCTION, UNDECIDED }

    private TestSources() {
    }

    /** True when the file at {@code relative} (a path inside the audited directory) is test code or test data. */
    public static boolean isTest(Path relative) {
        List<String> names = names(relative);
        if (names.isEmpty()) {
            return false;
        }
        String file = names.getLast();
        if (TEST_LOGGING.matcher(file).matches()) {
            return true;
        }
        return switch (folders(names.subList(0, names.size() - 1))) {
            case TEST -> true;
            case PRODUCTION -> false;
            case UNDECIDED -> TEST_CLASS.matcher(file).matches();
        };
    }

    /** True when {@code file} (as an analyzer names it: absolute, or relative to the working directory) is a test. */
    public static boolean isTest(Path root, Path file) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return isTest(absolute.startsWith(absoluteRoot) ? absoluteRoot.relativize(absolute) : file.normalize());
    }

    /** True when every file under the folder at {@code relative} is a test by its folders alone. */
    public static boolean isTestFolder(Path relative) {
        return folders(names(relative)) == Folders.TEST;
    }

    /**
     * The inventory without its test files: their inputs, and the problems met reading them (a test may hold an
     * invalid manifest on purpose).
     */
    public static ServiceInventory withoutTests(ServiceInventory inventory) {
        List<DiscoveredInput> inputs = inventory.inputs().stream().filter(input -> !isTest(input.relative()))
                .toList();
        List<Problem> problems = new ArrayList<>();
        for (Problem problem : inventory.problems()) {
            if (!isTest(inventory.root(), Path.of(problem.location().file()))) {
                problems.add(problem);
            }
        }
        return new ServiceInventory(inventory.root(), inputs, problems, inventory.filesScanned(),
                inventory.excluded(), inventory.skipped());
    }

    /** How many of the inventory's input files (each counted once, whatever it holds) are tests. */
    public static int count(ServiceInventory inventory) {
        return (int) inventory.inputs().stream().map(DiscoveredInput::relative).distinct()
                .filter(TestSources::isTest).count();
    }

    private static Folders folders(List<String> folders) {
        int src = folders.indexOf("src");
        List<String> modules = src < 0 ? folders : folders.subList(0, src);
        if (modules.stream().anyMatch(TestSources::testFolder)) {
            return Folders.TEST;
        }
        if (src < 0 || src + 1 >= folders.size()) {
            return Folders.UNDECIDED;
        }
        String sourceSet = folders.get(src + 1).toLowerCase(Locale.ROOT);
        if (sourceSet.contains("test") || sourceSet.equals("it") || sourceSet.equals("e2e")) {
            return Folders.TEST;
        }
        return sourceSet.equals("main") ? Folders.PRODUCTION : Folders.UNDECIDED;
    }

    private static boolean testFolder(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return TEST_FOLDERS.contains(lower) || TEST_MODULE_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    private static List<String> names(Path path) {
        List<String> names = new ArrayList<>();
        for (Path name : path.normalize()) {
            names.add(name.toString());
        }
        return names;
    }
}
