package io.relia.audit.k8s;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class KubernetesAuditorCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/k8s-corpus");
    /** k8s/no-autoscaler has a corpus of its own: the availability corpus leaves autoscalers out on purpose. */
    private static final Path AUTOSCALING = Path.of("src/test/resources/k8s-autoscaling-corpus");

    @Test
    void everyRuleReachesNinetyPercentPrecisionAndRecallOnTheLabelledCorpus() {
        Set<String> availability = KubernetesRules.ALL.stream().map(rule -> rule.id())
                .filter(id -> !id.equals(KubernetesRules.NO_AUTOSCALER.id())).collect(Collectors.toSet());
        List<LabelledCorpus.Score> scores = new ArrayList<>(LabelledCorpus.score(CORPUS,
                new KubernetesAuditor(), availability));
        scores.addAll(LabelledCorpus.score(AUTOSCALING, new KubernetesAuditor(),
                Set.of(KubernetesRules.NO_AUTOSCALER.id())));
        System.out.println("KubernetesAuditor on " + CORPUS + " and " + AUTOSCALING + "\n"
                + LabelledCorpus.table(scores));
        assertThat(scores).hasSize(new KubernetesAuditor().rules().size());
        LabelledCorpus.assertEveryRuleClearsTheBar(scores);
    }
}
