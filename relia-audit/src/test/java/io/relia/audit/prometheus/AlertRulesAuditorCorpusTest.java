package io.relia.audit.prometheus;

import io.relia.audit.k8s.LabelledCorpus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRulesAuditorCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/prometheus-corpus");

    @Test
    void everyRuleReachesNinetyPercentPrecisionAndRecallOnTheLabelledCorpus() {
        boolean promtool = Promtool.onPath().isPresent();
        if (!promtool) {
            System.err.println("SKIPPED prometheus/invalid-rules corpus scoring: promtool is not on the PATH "
                    + "(apt-get install prometheus)");
        }
        List<LabelledCorpus.Score> scores = LabelledCorpus.score(CORPUS, new AlertRulesAuditor());
        System.out.println("AlertRulesAuditor on " + CORPUS + "\n" + LabelledCorpus.table(scores));
        for (LabelledCorpus.Score score : scores) {
            if (!promtool && score.rule().equals(PrometheusRules.INVALID_RULES.id())) {
                continue;
            }
            assertThat(score.precision()).as("precision of %s, false positives %s", score.rule(),
                    score.falsePositive()).isGreaterThanOrEqualTo(0.9);
            assertThat(score.recall()).as("recall of %s, false negatives %s", score.rule(), score.falseNegative())
                    .isGreaterThanOrEqualTo(0.9);
            assertThat(score.positiveFiles()).as("positive examples of %s", score.rule()).isGreaterThanOrEqualTo(4);
            assertThat(score.negativeFiles()).as("negative examples of %s", score.rule()).isGreaterThanOrEqualTo(4);
        }
    }
}
