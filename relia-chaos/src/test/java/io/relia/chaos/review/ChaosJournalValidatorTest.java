package io.relia.chaos.review;

import io.relia.chaos.experiment.Experiments;
import io.relia.core.Problem;
import io.relia.core.review.InputDiscovery;
import io.relia.core.review.InputKind;
import io.relia.core.spec.SpecDocument;
import io.relia.core.spec.SpecLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A Chaos Toolkit journal is recognised by its keys and named as the run record it is, never read as an experiment. */
class ChaosJournalValidatorTest {

    private static final Path JOURNAL = Path.of("src/test/resources/experiments/chaostoolkit-written/journal.json");

    private static List<SpecDocument> documents() {
        return SpecLoader.load(JOURNAL).file().orElseThrow().documents();
    }

    @Test
    void aJournalIsFoundByItsKeysAsAChaosToolkitJournal() {
        assertThat(InputDiscovery.kindOf(JOURNAL.getFileName(), documents().getFirst().root()))
                .contains(InputKind.CHAOS_JOURNAL);
    }

    @Test
    void validationNamesTheExperimentItRecordsWithItsStatusAndDeviation() {
        List<Problem> problems = new ChaosJournalValidator().validate(InputKind.CHAOS_JOURNAL, documents());

        assertThat(problems).extracting(Problem::format).containsExactly(JOURNAL + ": note: Chaos Toolkit "
                + "journal (run record of experiment \"The storefront keeps answering while the catalog is slow\", "
                + "status completed, deviated true) (hint: not an experiment; relia review takes it as the last run "
                + "of the experiment with that title)");
    }

    @Test
    void runningAJournalIsOneErrorSayingWhatItIs() {
        Experiments.Result result = Experiments.load(JOURNAL, Map.of());

        assertThat(result.experiment()).isEmpty();
        assertThat(result.problems()).extracting(Problem::format).containsExactly(JOURNAL + ":1:1: error: this is a "
                + "Chaos Toolkit journal (run record of experiment \"The storefront keeps answering while the catalog "
                + "is slow\", status completed, deviated true), not an experiment; expected an experiment file (hint: "
                + "run the experiment file the journal was written for)");
    }
}
