package io.relia.audit;

import io.relia.core.Finding;
import io.relia.core.InputException;
import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditorTest {

    /** The marker, split so that Relia's audit of its own tests does not warn about these reasonless examples. */
    private static final String REASONLESS = "relia:" + "ignore";

    @TempDir
    Path root;

    private final Auditor auditor = new Auditor(List.of(new FakeAnalyzer()));

    private void source(String name, String... lines) throws IOException {
        Path file = root.resolve("src").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    private AuditResult audit() {
        return auditor.run(root, AuditOptions.defaults());
    }

    @Test
    void reportsFindingsMostSevereFirstWithRelativePaths() throws IOException {
        source("A.java", "class A {", "  void a() { MEH(); }", "  void b() { BAD(); }", "}");
        AuditResult result = audit();
        assertThat(result.findings()).extracting(finding -> finding.finding().ruleId())
                .containsExactly("test/bad-call", "test/meh");
        assertThat(result.findings().getFirst().path()).isEqualTo("src/A.java");
        assertThat(result.findings().getFirst().finding().location().line()).isEqualTo(3);
        assertThat(result.findings().getFirst().fingerprint()).matches("[0-9a-f]{32}");
        assertThat(result.worstSeverity()).contains(Severity.HIGH);
        assertThat(result.filesScanned()).isEqualTo(1);
    }

    @Test
    void aSuppressionWithAReasonOnTheLineHidesTheFinding() throws IOException {
        source("A.java", "class A {", "  void b() { BAD(); } // relia:ignore test/bad-call -- bounded by caller", "}");
        AuditResult result = audit();
        assertThat(result.findings()).isEmpty();
        assertThat(result.suppressed()).singleElement()
                .satisfies(suppressed -> assertThat(suppressed.reason()).isEqualTo("bounded by caller"));
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aSuppressionOnTheLineAboveHidesTheFinding() throws IOException {
        source("A.java", "class A {", "  /* relia:ignore test/bad-call -- test double */", "  void b() { BAD(); }",
                "}");
        assertThat(audit().suppressed()).hasSize(1);
    }

    @Test
    void aSuppressionTwoLinesAboveDoesNotReach() throws IOException {
        source("A.java", "// relia:ignore test/bad-call -- too far", "", "class A { void b() { BAD(); } }");
        AuditResult result = audit();
        assertThat(result.findings()).hasSize(1);
        assertThat(result.suppressed()).isEmpty();
    }

    @Test
    void aSuppressionCanNameSeveralRules() throws IOException {
        source("A.java", "class A {", "  // relia:ignore test/bad-call, test/meh -- legacy, removed in Q3",
                "  void b() { BAD(); MEH(); }", "}");
        AuditResult result = audit();
        assertThat(result.findings()).isEmpty();
        assertThat(result.suppressed()).hasSize(2);
    }

    @Test
    void aSuppressionOfAnotherRuleDoesNotHideTheFinding() throws IOException {
        source("A.java", "class A {", "  void b() { BAD(); } // relia:ignore test/meh -- wrong rule", "}");
        assertThat(audit().findings()).hasSize(1);
    }

    @Test
    void aSuppressionInAHashCommentWorksInYaml() throws IOException {
        source("A.java", "class A {", "  void b() { BAD(); } # relia:ignore test/bad-call -- yaml style", "}");
        assertThat(audit().suppressed()).hasSize(1);
    }

    @Test
    void aSuppressionWithoutAReasonSuppressesNothingAndWarnsAtItsPlace() throws IOException {
        source("A.java", "class A {", "  // " + REASONLESS + " test/bad-call", "  void b() { BAD(); }", "}");
        AuditResult result = audit();
        assertThat(result.findings()).hasSize(1);
        assertThat(result.suppressed()).isEmpty();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.level()).isEqualTo(Problem.Level.WARNING);
            assertThat(problem.location().line()).isEqualTo(2);
            assertThat(problem.location().column()).isEqualTo(6);
            assertThat(problem.message()).contains("without a reason");
        });
    }

    @Test
    void anEmptyReasonAfterTheDashesIsNoReason() throws IOException {
        source("A.java", "class A {", "  void b() { BAD(); } // " + REASONLESS + " test/bad-call --   ", "}");
        AuditResult result = audit();
        assertThat(result.findings()).hasSize(1);
        assertThat(result.problems()).hasSize(1);
    }

    @Test
    void theMarkerOutsideACommentIsIgnored() throws IOException {
        source("A.java", "class A {", "  String s = \"relia:ignore test/bad-call -- no\"; void b() { BAD(); }", "}");
        assertThat(audit().findings()).hasSize(1);
    }

    @Test
    void rulesOptionKeepsOnlyTheNamedRules() throws IOException {
        source("A.java", "class A { void b() { BAD(); MEH(); } }");
        AuditResult result = auditor.run(root, new AuditOptions(Set.of("test/meh"), List.of(), null));
        assertThat(result.findings()).extracting(finding -> finding.finding().ruleId()).containsExactly("test/meh");
    }

    @Test
    void anUnknownRuleIsAnInputErrorWithASuggestion() {
        assertThatThrownBy(() -> auditor.run(root, new AuditOptions(Set.of("test/bad-cal"), List.of(), null)))
                .isInstanceOfSatisfying(InputException.class, error -> {
                    Problem problem = error.problems().getFirst();
                    assertThat(problem.format()).contains("unknown rule \"test/bad-cal\"",
                            "one of input/invalid, test/bad-call, test/meh", "did you mean test/bad-call?");
                });
    }

    @Test
    void excludeGlobsLeaveFilesOut() throws IOException {
        source("A.java", "class A { void b() { BAD(); } }");
        Files.createDirectories(root.resolve("examples"));
        Files.writeString(root.resolve("examples/B.java"), "class B { void b() { BAD(); } }\n");
        AuditResult result = auditor.run(root, new AuditOptions(Set.of(), List.of("examples/**"), null));
        assertThat(result.findings()).extracting(AuditFinding::path).containsExactly("src/A.java");
    }

    @Test
    void aFailingAnalyzerIsAProblemAndTheOthersStillRun() throws IOException {
        source("A.java", "class A { void b() { BAD(); } }");
        AuditAnalyzer broken = new AuditAnalyzer() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public List<AuditRule> rules() {
                return List.of();
            }

            @Override
            public void analyze(AuditContext context) {
                throw new StackOverflowError("deep");
            }
        };
        AuditResult result = new Auditor(List.of(broken, new FakeAnalyzer())).run(root, AuditOptions.defaults());
        // What the broken analyzer should have checked was not: never a clean result from a partial read.
        assertThat(result.findings()).extracting(finding -> finding.finding().ruleId())
                .containsExactly("input/invalid", "test/bad-call");
        assertThat(result.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).startsWith("analyzer broken failed: "));
    }

    @Test
    void twoRulesWithOneIdAreABug() {
        assertThatThrownBy(() -> new Auditor(List.of(new FakeAnalyzer(), new FakeAnalyzer())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("test/bad-call");
    }

    @Test
    void theCatalogueIsSortedAndIndexed() {
        RuleCatalogue catalogue = auditor.catalogue();
        assertThat(catalogue.ids()).containsExactly("input/invalid", "test/bad-call", "test/meh");
        assertThat(catalogue.indexOf("test/meh")).isEqualTo(2);
        assertThat(catalogue.indexOf("nope/nope")).isEqualTo(-1);
    }

    @Test
    void theCatalogueMarkdownShowsEveryRuleWithItsExamples() {
        String markdown = auditor.catalogue().toMarkdown();
        assertThat(markdown).contains("### test", "#### test/bad-call", "severity high", "precision high",
                "Detects: Flags calls to BAD.", "Why: BAD hangs for ever.", "Before:\n\n```\nBAD();\n```",
                "After:\n\n```\ngood();\n```", "#### test/meh");
    }

    @Test
    void everyUnreadableInputIsAnInputInvalidFindingThatTheCatalogueDescribes() throws IOException {
        Path runbook = root.resolve("runbooks/high-cpu.yaml");
        Files.createDirectories(runbook.getParent());
        Files.writeString(runbook, "name: High CPU\ndiagnosis_steps:\n\t- step: 1\n");

        AuditResult result = audit();

        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.finding().ruleId()).isEqualTo("input/invalid");
            assertThat(finding.finding().severity()).isEqualTo(Severity.HIGH);
            assertThat(finding.path()).isEqualTo("runbooks/high-cpu.yaml");
            assertThat(finding.finding().location().line()).isEqualTo(3);
        });
        assertThat(result.catalogue().find("input/invalid")).hasValueSatisfying(rule -> {
            assertThat(rule.severity()).isEqualTo(Severity.HIGH);
            assertThat(rule.area()).isEqualTo("input");
        });
    }

    @Test
    void aRuleFilterNeverHidesAnUnreadableInput() throws IOException {
        Files.writeString(root.resolve("slos.yaml"), "service: a\nslos: [\n");

        AuditResult result = auditor.run(root, new AuditOptions(Set.of("test/meh"), List.of(), null));

        assertThat(result.findings()).extracting(finding -> finding.finding().ruleId())
                .containsExactly("input/invalid");
    }

    @Test
    void anEmptyYamlFileIsValidYamlWithNothingToAuditNotAnInvalidInput() throws IOException {
        file("config/shared/monitoring.yml", "");
        file("config/shared/gateway.yml", "# filled in by the config server's profile", "---");

        AuditResult result = audit();

        assertThat(result.findings()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void jsonWithCommentsOfNoKindReliaReadsIsValidJsoncNotAnInvalidInput() throws IOException {
        file(".devcontainer/devcontainer.json", "// the image the editor opens", "{",
                "  \"image\": \"mcr.microsoft.com/devcontainers/java:21\", /* pinned */",
                "  \"forwardPorts\": [8080, 9090,],", "}");

        AuditResult result = audit();

        assertThat(result.findings()).isEmpty();
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aChaosToolkitExperimentWithCommentsIsStillInvalidBecauseItsRunnersReadStrictJson() throws IOException {
        file("chaos/experiment.json", "{", "  // Chaos Toolkit's json.load refuses this comment",
                "  \"title\": \"t\", \"description\": \"d\", \"method\": []", "}");

        AuditResult result = audit();

        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.finding().ruleId()).isEqualTo("input/invalid");
            assertThat(finding.finding().severity()).isEqualTo(Severity.HIGH);
            assertThat(finding.finding().location().line()).isEqualTo(2);
        });
    }

    @Test
    void brokenYamlOfNoKnownKindIsStillReportedButLowBecauseNoCheckRestedOnIt() throws IOException {
        file("notes/team.yaml", "owners:", "\t- ana");
        file("runbooks/high-cpu.yaml", "name: High CPU", "diagnosis_steps:", "\t- step: 1");

        AuditResult result = audit();

        assertThat(result.findings()).extracting(finding -> finding.path() + " " + finding.finding().ruleId() + " "
                + finding.finding().severity()).containsExactly("runbooks/high-cpu.yaml input/invalid HIGH",
                "notes/team.yaml input/invalid LOW");
        assertThat(result.findings().getLast().finding().message()).contains("a file of no kind Relia reads");
    }

    @Test
    void aBrokenAlertmanagerConfigIsOfNoKindReliaReadsAlthoughItsNameSaysAlert() throws IOException {
        file("examples/alertmanager-config.yaml", "route:", "  receiver: 'null'", "receivers:", "- name: slack",
                "  send_resolved: true", "   title: '{{ template \"slack.title\" . }}'");

        AuditResult result = audit();

        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.finding().ruleId()).isEqualTo("input/invalid");
            assertThat(finding.finding().severity()).isEqualTo(Severity.LOW);
        });
    }

    private void file(String relative, String... lines) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    @Test
    void aHighFindingInATestSourceIsNotReportedAndTheTestFileIsCounted() throws IOException {
        file("src/main/java/shop/Orders.java", "class Orders { void b() { MEH(); } }");
        file("src/test/java/shop/OrdersTest.java", "class OrdersTest { void b() { BAD(); } }");

        AuditResult result = audit();

        assertThat(result.findings()).extracting(AuditFinding::path).containsExactly("src/main/java/shop/Orders.java");
        assertThat(result.testFilesSkipped()).isEqualTo(1);
        assertThat(result.filesScanned()).isEqualTo(2);
    }

    @Test
    void includeTestsReportsFindingsInTestSourcesAsInProduction() throws IOException {
        file("src/main/java/shop/Orders.java", "class Orders { void b() { MEH(); } }");
        file("src/test/java/shop/OrdersTest.java", "class OrdersTest { void b() { BAD(); } }");

        AuditResult result = auditor.run(root, AuditOptions.defaults().withTests(true));

        assertThat(result.findings()).extracting(finding -> finding.finding().ruleId() + " " + finding.path())
                .containsExactly("test/bad-call src/test/java/shop/OrdersTest.java",
                        "test/meh src/main/java/shop/Orders.java");
        assertThat(result.testFilesSkipped()).isZero();
    }

    @Test
    void anInvalidFileAmongTestResourcesIsTestDataNotAnUnreadableInput() throws IOException {
        file("src/test/resources/broken-rules.yaml", "groups:", "  - name: x", "    rules: [");

        AuditResult skipped = audit();
        AuditResult included = auditor.run(root, AuditOptions.defaults().withTests(true));

        assertThat(skipped.findings()).isEmpty();
        assertThat(skipped.problems()).isEmpty();
        assertThat(skipped.testFilesSkipped()).isEqualTo(1);
        assertThat(included.findings()).extracting(finding -> finding.finding().ruleId())
                .containsExactly("input/invalid");
    }

    @Test
    void aFindingAnAnalyzerPlacesInATestFileItFoundItselfIsDroppedWithTheTests() throws IOException {
        file("src/main/java/shop/Orders.java", "class Orders { }");
        AuditAnalyzer walker = new AuditAnalyzer() {
            @Override
            public String id() {
                return "walker";
            }

            @Override
            public List<AuditRule> rules() {
                return List.of(FakeAnalyzer.BAD);
            }

            @Override
            public void analyze(AuditContext context) {
                context.report(new Finding(FakeAnalyzer.BAD.id(), Severity.HIGH, "found by a walk",
                        Location.of(context.root().resolve("it-tests/src/main/java/Load.java"), 1, 1),
                        ""));
            }
        };

        AuditResult result = new Auditor(List.of(walker)).run(root, AuditOptions.defaults());

        assertThat(result.findings()).isEmpty();
    }

    @Test
    void manifestsUnderATestFolderAreTestDataForTheInstalledAnalyzers() throws IOException {
        file("tests/e2e/worker.yaml", "apiVersion: apps/v1", "kind: Deployment", "metadata: {name: worker}", "spec:",
                "  template:", "    spec:", "      containers:", "        - {name: worker, image: worker:latest}");

        AuditResult skipped = new Auditor().run(root, AuditOptions.defaults());
        AuditResult included = new Auditor().run(root, AuditOptions.defaults().withTests(true));

        assertThat(skipped.findings()).isEmpty();
        assertThat(skipped.testFilesSkipped()).isEqualTo(1);
        assertThat(included.findings()).extracting(finding -> finding.finding().ruleId())
                .contains("k8s/image-latest-tag", "k8s/missing-resources");
    }
}
