package io.relia.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FLAWS.md is a contract other tests parse: every row must point at a real line that shows its evidence. */
class FlawsContractTest {
    private static final Path FLAWS = Path.of("FLAWS.md");
    private static final String HEADER = "| id | location | rule | evidence | why it hurts |";
    private static final Pattern LOCATION = Pattern.compile("([^:]+):(\\d+)");
    private static final Pattern RULE = Pattern.compile("(java|k8s|prometheus|dependency)/[a-z0-9]+(-[a-z0-9]+)*");

    record Row(String id, String location, String rule, String evidence, String whyItHurts) {
    }

    private List<String> lines;
    private List<Row> rows;

    @BeforeEach
    void readTable() throws IOException {
        lines = Files.readAllLines(FLAWS, StandardCharsets.UTF_8);
        int header = lines.indexOf(HEADER);
        assertThat(header).as("header line %s", HEADER).isNotNegative();
        assertThat(lines.get(header + 1)).matches("\\|(\\s*-+\\s*\\|){5}");
        rows = lines.subList(header + 2, lines.size()).stream()
                .takeWhile(line -> line.startsWith("|"))
                .map(FlawsContractTest::row)
                .toList();
    }

    @Test
    void hasExactlyOneTableWithTheContractColumns() {
        assertThat(lines.stream().filter(l -> l.startsWith("| id ")).count()).isEqualTo(1);
        assertThat(rows).isNotEmpty();
    }

    @Test
    void everyLocationIsAnExistingFileAndLine() throws IOException {
        for (Row row : rows) {
            Matcher m = LOCATION.matcher(row.location());
            assertThat(m.matches()).as("%s location %s is path:line", row.id(), row.location()).isTrue();
            Path file = Path.of(m.group(1));
            assertThat(file).as(row.id()).isRegularFile();
            assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).as(row.id())
                    .hasSizeGreaterThanOrEqualTo(Integer.parseInt(m.group(2)));
        }
    }

    @Test
    void everyLocatedLineContainsItsEvidence() throws IOException {
        for (Row row : rows) {
            Matcher m = LOCATION.matcher(row.location());
            assertThat(m.matches()).isTrue();
            String line = Files.readAllLines(Path.of(m.group(1)), StandardCharsets.UTF_8)
                    .get(Integer.parseInt(m.group(2)) - 1);
            assertThat(row.evidence()).as(row.id()).isNotBlank().doesNotContain("`");
            assertThat(line).as("%s: %s", row.id(), row.location()).contains(row.evidence());
        }
    }

    @Test
    void idsAreUniqueAndRulesAreStableIds() {
        assertThat(rows).extracting(Row::id).doesNotHaveDuplicates();
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.rule()).as(row.id()).matches(RULE);
            assertThat(row.whyItHurts()).as(row.id()).isNotBlank();
        });
    }

    @Test
    void listsEveryKindOfPlantedFlaw() {
        assertThat(rows).extracting(Row::rule).containsExactlyInAnyOrder(
                "java/http-client-no-timeout",
                "java/retry-without-backoff",
                "java/unbounded-executor",
                "java/interrupted-swallowed",
                "k8s/missing-probes",
                "k8s/image-latest-tag",
                "k8s/single-replica",
                "prometheus/alert-without-runbook",
                "k8s/capabilities-not-dropped",
                "dependency/no-circuit-breaker");
    }

    private static Row row(String line) {
        String[] cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1))
                .map(String::strip)
                .toArray(String[]::new);
        assertThat(cells).as("cells of %s", line).hasSize(5);
        return new Row(cells[0], cells[1], cells[2], cells[3], cells[4]);
    }
}
