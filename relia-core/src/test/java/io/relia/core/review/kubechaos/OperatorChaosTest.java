package io.relia.core.review.kubechaos;

import io.relia.core.Finding;
import io.relia.core.review.InputDiscovery;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Chaos Mesh and LitmusChaos experiments as the review reads them: faults, targets, schedule, last result. */
class OperatorChaosTest {

    private static final Path FOREIGN = Path.of("src/test/resources/foreign");

    private static List<OperatorExperiment> experiments() {
        return OperatorChaos.experiments(InputDiscovery.scan(FOREIGN).inputs());
    }

    private static OperatorExperiment named(String name) {
        return experiments().stream().filter(experiment -> experiment.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aNetworkChaosGivesItsActionSelectorAndDuration() {
        OperatorExperiment delay = named("network-delay-example");

        assertThat(delay.faults()).containsExactly("NetworkChaos delay");
        assertThat(delay.targets()).isEqualTo("mode one, labels app.kubernetes.io/component=tikv");
        assertThat(delay.schedule()).isEqualTo("once, for 10s");
        assertThat(delay.lastResult()).isEmpty();
    }

    @Test
    void aScheduleGivesItsCronAndTheExperimentUnderItsType() {
        OperatorExperiment schedule = named("schedule-pod-kill-example");

        assertThat(schedule.faults()).containsExactly("PodChaos pod-kill");
        assertThat(schedule.schedule()).isEqualTo("cron @every 5s");
    }

    @Test
    void aWorkflowListsTheFaultsOfItsSteps() {
        assertThat(named("try-workflow-serial").faults())
                .contains("NetworkChaos delay", "PodChaos pod-kill (@every 2s)");
    }

    @Test
    void aChaosMeshStatusGivesTheTrueConditionsAndTheDesiredPhase() {
        OperatorExperiment failure = named("payments-pod-failure");

        assertThat(failure.targets()).isEqualTo("mode fixed-percent 50, namespaces payments, labels app=payments-api");
        assertThat(failure.lastResult()).contains("Selected, AllRecovered, desired phase Stop");
    }

    @Test
    void aLitmusEngineTakesTheVerdictOfItsChaosResult() {
        OperatorExperiment engine = named("nginx-chaos");

        assertThat(engine.faults()).containsExactly("pod-delete");
        assertThat(engine.schedule()).isEqualTo("engineState active, once, for 30s");
        assertThat(engine.lastResult()).contains("pod-delete Fail (ChaosResult)");
        assertThat(engine.failed()).isTrue();
    }

    @Test
    void aChaosScheduleGivesItsRepeatAndTheEngineTargets() {
        OperatorExperiment nightly = named("checkout-nightly");

        assertThat(nightly.targets()).isEqualTo("namespace shop, labels app=checkout, kind deployment");
        assertThat(nightly.schedule()).isEqualTo("repeat every 24h on Mon,Tue,Wed,Thu,Fri, for 60s");
    }

    @Test
    void aFaultDefinitionAndAResultAreNoExperimentsOfTheirOwn() {
        assertThat(experiments()).extracting(OperatorExperiment::kind)
                .doesNotContain("ChaosExperiment", "ChaosResult").hasSize(7);
    }

    @Test
    void aFailedVerdictIsAFindingAndEveryExperimentARow() {
        OperatorChaos chaos = OperatorChaos.of(InputDiscovery.scan(FOREIGN));

        assertThat(chaos.findings()).extracting(Finding::ruleId).containsExactly("chaos/operator-experiment-failed");
        assertThat(chaos.table().rows()).hasSize(7);
        assertThat(chaos.summary()).isEqualTo("5 Chaos Mesh and 2 LitmusChaos experiments, run by their operators,"
                + " not by Relia; 2 record a last result in the file, 1 failed");
    }
}
