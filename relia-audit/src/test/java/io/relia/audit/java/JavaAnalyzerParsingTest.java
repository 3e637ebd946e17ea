package io.relia.audit.java;

import io.relia.audit.AuditContext;
import io.relia.audit.AuditRule;
import io.relia.core.Problem;
import io.relia.core.review.InputDiscovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** What the analyzer does with files it cannot parse, and with Java 21 syntax it must parse. */
class JavaAnalyzerParsingTest {

    @Test
    void unparsableJavaIsAWarningWithItsLocationNotAnException(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("Broken.java"), "class Broken {\n    void run( {\n}\n");
        Files.writeString(root.resolve("Fine.java"), """
                class Fine {
                    void pause() {
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                        }
                    }
                }
                """);
        AuditContext context = new AuditContext(InputDiscovery.scan(root), Set.of());

        assertThatCode(() -> new JavaAnalyzer().analyze(context)).doesNotThrowAnyException();

        assertThat(context.problems()).isNotEmpty().allSatisfy(problem -> {
            // An error: the file's checks did not run, so the audit reports it as input/invalid.
            assertThat(problem.level()).isEqualTo(Problem.Level.ERROR);
            assertThat(problem.location().file()).endsWith("Broken.java");
            assertThat(problem.location().line()).isEqualTo(2);
            assertThat(problem.location().column()).isPositive();
        });
        assertThat(context.findings()).extracting(finding -> finding.ruleId())
                .containsExactly("java/interrupted-swallowed");
    }

    @Test
    void recordsSwitchPatternsAndTextBlocksParse(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("Modern.java"), """
                sealed interface Shape permits Circle, Square {
                }

                record Circle(double radius) implements Shape {
                }

                record Square(double side) implements Shape {
                }

                final class Areas {
                    static final String HELP = \"""
                            area of a shape
                            \""";

                    static double area(Shape shape) {
                        return switch (shape) {
                            case Circle c when c.radius() > 0 -> Math.PI * c.radius() * c.radius();
                            case Circle c -> 0;
                            case Square(double side) -> side * side;
                        };
                    }

                    static String describe(Object value) {
                        if (value instanceof Circle(var radius)) {
                            return "circle " + radius;
                        }
                        return HELP;
                    }
                }
                """);
        AuditContext context = new AuditContext(InputDiscovery.scan(root), Set.of());

        new JavaAnalyzer().analyze(context);

        assertThat(context.problems()).isEmpty();
        assertThat(context.findings()).isEmpty();
    }

    /**
     * Qualified type and record patterns, and {@code yield} in a switch block: JavaParser's RAW grammar rejects the
     * last (Relia's own sources use it), so the analyzer parses such files again at the full Java level.
     */
    @Test
    void qualifiedPatternsAndYieldInSwitchBlocksParse(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("Shapes.java"), """
                final class Shapes {
                    sealed interface Shape permits Shape.Circle, Shape.Box {
                        record Circle(double radius) implements Shape {
                        }

                        record Box(Circle inner, double side) implements Shape {
                        }
                    }

                    static double size(Object value) {
                        if (value instanceof Shapes.Shape.Circle circle && circle.radius() > 0) {
                            return circle.radius();
                        }
                        if (value instanceof Shape.Box(Shape.Circle(var radius), var side)) {
                            return radius + side;
                        }
                        return switch (value) {
                            case Shape.Circle c:
                                yield c.radius();
                            case Shape.Box b when b.side() > 1: {
                                double half = b.side() / 2;
                                yield half;
                            }
                            default:
                                yield 0;
                        };
                    }
                }
                """);
        AuditContext context = new AuditContext(InputDiscovery.scan(root), Set.of());

        new JavaAnalyzer().analyze(context);

        assertThat(context.problems()).isEmpty();
    }

    @Test
    void switchedOffRulesAreNotReported(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("Pool.java"), """
                import java.util.concurrent.Executors;

                class Pool {
                    final Object pool = Executors.newCachedThreadPool();

                    void run(Runnable task) {
                        try {
                            task.run();
                        } catch (RuntimeException e) {
                        }
                    }
                }
                """);
        AuditContext context = new AuditContext(InputDiscovery.scan(root), Set.of("java/empty-catch"));

        new JavaAnalyzer().analyze(context);

        assertThat(context.findings()).extracting(finding -> finding.ruleId()).containsExactly("java/empty-catch");
    }

    @Test
    void ruleIdsAreUniqueAndEveryRuleExplainsItself() {
        assertThat(JavaRules.ALL).extracting(AuditRule::id).doesNotHaveDuplicates()
                .contains("java/http-client-no-timeout", "java/retry-without-backoff", "java/unbounded-executor",
                        "java/interrupted-swallowed");
        assertThat(JavaRules.ALL).allSatisfy(rule -> {
            // dependency/ rules are judged from the code too, but report at relia.yaml's dependency entry.
            assertThat(rule.area()).isIn("java", "dependency");
            assertThat(rule.before()).isNotBlank();
            assertThat(rule.after()).isNotBlank();
            assertThat(rule.tags()).isNotEmpty();
        });
    }
}
