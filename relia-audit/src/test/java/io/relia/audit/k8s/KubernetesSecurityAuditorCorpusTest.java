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
        for (LabelledCorpus.Score score : scores) {
            assertThat(score.precision()).as("precision of %s, false positives %s", score.rule(),
                    score.falsePositive()).isGreaterThanOrEqualTo(0.9);
            assertThat(score.recall()).as("recall of %s, false negatives %s", score.rule(), score.falseNegative())
                    .isGreaterThanOrEqualTo(0.9);
            assertThat(score.positiveFiles()).as("positive examples of %s", score.rule()).isGreaterThanOrEqualTo(4);
            assertThat(score.negativeFiles()).as("negative examples of %s", score.rule()).isGreaterThanOrEqualTo(4);
        }
    }
}
