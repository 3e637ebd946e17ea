package io.relia.audit.runbook;

import io.relia.audit.k8s.LabelledCorpus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

class RunbookAuditorCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/runbook-corpus");

    @Test
    void everyRuleReachesNinetyPercentPrecisionAndRecallOnTheLabelledCorpus() {
        List<LabelledCorpus.Score> scores = LabelledCorpus.score(CORPUS, new RunbookAuditor());
        System.out.println("RunbookAuditor on " + CORPUS + "\n" + LabelledCorpus.table(scores));
        LabelledCorpus.assertEveryRuleClearsTheBar(scores);
    }
}
