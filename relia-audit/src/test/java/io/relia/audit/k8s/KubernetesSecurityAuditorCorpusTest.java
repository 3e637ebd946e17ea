package io.relia.audit.k8s;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KubernetesSecurityAuditorCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/k8s-security-corpus");

    @Test
    void everyRuleReachesNinetyPercentPrecisionAndRecallOnTheLabelledCorpus() {
        List<LabelledCorpus.Score> scores = LabelledCorpus.score(CORPUS, new KubernetesSecurityAuditor());
        System.out.println("KubernetesSecurityAuditor on " + CORPUS + "\n" + LabelledCorpus.table(scores));
        assertThat(scores).hasSize(new KubernetesSecurityAuditor().rules().size());
        LabelledCorpus.assertEveryRuleClearsTheBar(scores);
    }
}
