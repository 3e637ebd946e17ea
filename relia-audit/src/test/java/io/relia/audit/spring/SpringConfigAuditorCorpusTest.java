package io.relia.audit.spring;

import io.relia.audit.k8s.LabelledCorpus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

class SpringConfigAuditorCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/spring-corpus");

    @Test
    void everyRuleReachesNinetyPercentPrecisionAndRecallOnTheLabelledCorpus() {
        List<LabelledCorpus.Score> scores = LabelledCorpus.score(CORPUS, new SpringConfigAuditor());
        System.out.println("SpringConfigAuditor on " + CORPUS + "\n" + LabelledCorpus.table(scores));
        LabelledCorpus.assertEveryRuleClearsTheBar(scores);
    }
}
