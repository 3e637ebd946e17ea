package io.relia.audit.java;

import io.relia.audit.AuditContext;
import io.relia.core.Finding;
import io.relia.core.review.InputDiscovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@code java/interrupted-swallowed} knows that a broad catch receives an interrupt, and what it says about a
 * handler; the labelled corpus holds the precision cases.
 */
class CatchBlockCheckTest {

    @TempDir
    Path root;

    private List<Finding> interruptFindings(String source) throws IOException {
        Files.writeString(root.resolve("Sample.java"), source);
        AuditContext context = new AuditContext(InputDiscovery.scan(root), Set.of());
        new JavaAnalyzer(1).analyze(context);
        assertThat(context.problems()).isEmpty();
        return context.findings().stream().filter(f -> f.ruleId().equals("java/interrupted-swallowed")).toList();
    }

    private static String inBroadCatch(String declarations, String call) {
        return """
                import java.util.concurrent.*;

                class Sample {
                    %s

                    void work() {
                        try {
                            %s;
                        } catch (Exception e) {
                            System.err.println("failed: " + e);
                        }
                        System.out.println("carrying on");
                    }
                }
                """.formatted(declarations, call);
    }

    @Test
    void aFutureOfALibraryTypeNotInTheTreeIsKnownByItsTypeName() throws IOException {
        String source = inBroadCatch("com.google.common.util.concurrent.ListenableFuture<String> reply;",
                "reply.get()");

        assertThat(interruptFindings(source)).singleElement().satisfies(finding -> {
            assertThat(finding.location().line()).isEqualTo(9);
            assertThat(finding.message()).isEqualTo("catch of Exception also catches the InterruptedException of "
                    + "reply.get() (line 8) and goes on without restoring the interrupt flag");
        });
    }

    @Test
    void anInheritedFieldIsKnownByItsName() throws IOException {
        assertThat(interruptFindings(inBroadCatch("", "pendingQueue.take()"))).hasSize(1);
        assertThat(interruptFindings(inBroadCatch("", "startLatch.await()"))).hasSize(1);
    }

    @Test
    void aTimeUnitArgumentMarksATimedWait() throws IOException {
        assertThat(interruptFindings(inBroadCatch("", "lock.tryLock(5, TimeUnit.SECONDS)"))).hasSize(1);
        assertThat(interruptFindings(inBroadCatch("", "TimeUnit.MILLISECONDS.sleep(20)"))).hasSize(1);
        assertThat(interruptFindings(inBroadCatch("", "pool.awaitTermination(timeout, unit)"))).hasSize(1);
    }

    @Test
    void callsThatDoNotWaitInterruptiblyAreNotInterrupts() throws IOException {
        assertThat(interruptFindings(inBroadCatch("CompletableFuture<String> reply;", "reply.join()"))).isEmpty();
        assertThat(interruptFindings(inBroadCatch("java.util.Map<String, String> cache;", "cache.get(\"k\")")))
                .isEmpty();
        assertThat(interruptFindings(inBroadCatch("", "rateLimiter.tryAcquire(1, TimeUnit.SECONDS)"))).isEmpty();
        assertThat(interruptFindings(inBroadCatch("", "String.join(\",\", names)"))).isEmpty();
    }

    @Test
    void aWaitInsideALambdaBelongsToTheLambdaNotToTheTry() throws IOException {
        assertThat(interruptFindings(inBroadCatch("ExecutorService executor;",
                "executor.submit(() -> { Thread.sleep(10); return 1; })"))).isEmpty();
    }

    @Test
    void aSiblingCatchOfExecutionExceptionMarksAFutureGet() throws IOException {
        String source = """
                class Sample {
                    String read(Reply reply) {
                        try {
                            return reply.get();
                        } catch (java.util.concurrent.ExecutionException e) {
                            throw new IllegalStateException(e.getCause());
                        } catch (Exception e) {
                            return "unavailable: " + e;
                        }
                    }
                }
                """;

        assertThat(interruptFindings(source)).singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("and returns without restoring"));
    }

    @Test
    void aHandlerThatLogsIsSaidToLogNotToSwallow() throws IOException {
        String source = """
                class Sample {
                    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Sample.class);

                    void pause() {
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            LOG.info("woken early", e);
                        }
                        System.out.println("next");
                    }
                }
                """;

        assertThat(interruptFindings(source)).singleElement().satisfies(finding -> assertThat(finding.message())
                .isEqualTo("catches InterruptedException, logs it and goes on without restoring the interrupt flag"));
    }

    @Test
    void aBroadCatchThatLosesAnInterruptIsReportedOnceNotAlsoAsSwallowed() throws IOException {
        Files.writeString(root.resolve("Sample.java"), """
                class Sample {
                    boolean pause() {
                        try {
                            Thread.sleep(100);
                            return true;
                        } catch (Exception e) {
                            return false;
                        }
                    }
                }
                """);
        AuditContext context = new AuditContext(InputDiscovery.scan(root), Set.of());
        new JavaAnalyzer(1).analyze(context);

        assertThat(context.findings()).extracting(Finding::ruleId).containsExactly("java/interrupted-swallowed");
    }

    @Test
    void aLoopThatOnlyLogsTheInterruptIsStillReportedWhenItsFlagIsAnotherVariable() throws IOException {
        String source = """
                class Sample {
                    private volatile boolean running = true;
                    private int errors;

                    void loop() {
                        while (running) {
                            try {
                                Thread.sleep(100);
                            } catch (InterruptedException e) {
                                errors = errors + 1;
                            }
                        }
                    }
                }
                """;

        assertThat(interruptFindings(source)).hasSize(1);
    }
}
