package io.relia.core.report;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class TextLayoutTest {

    @Test
    void wrapsAtSpaces() {
        assertThat(TextLayout.wrap("one node failure or rollout takes it down", 16))
                .containsExactly("one node failure", "or rollout takes", "it down");
    }

    @Test
    void aWordLongerThanALineBreaksAfterASeparator() {
        assertThat(TextLayout.wrap("src/main/java/io/relia/example/PaymentsClient.java:13", 24))
                .containsExactly("src/main/java/io/relia/", "example/PaymentsClient.", "java:13");
    }

    @Test
    void aWordWithoutSeparatorsBreaksAtTheLimit() {
        assertThat(TextLayout.wrap("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
    }

    @Test
    void newlinesAreKept() {
        assertThat(TextLayout.wrap("first\nsecond", 40)).containsExactly("first", "second");
    }

    @Test
    void columnsKeepWhatTheyNeedWhenAllFit() {
        assertThat(TextLayout.fit(new int[] {8, 20, 30}, new int[] {8, 10, 10}, 60)).containsExactly(8, 20, 30);
    }

    @Test
    void theRoomLeftGoesToTheColumnsThatWantMoreInProportion() {
        int[] widths = TextLayout.fit(new int[] {8, 33, 157}, new int[] {8, 24, 20}, 92);

        assertThat(Arrays.stream(widths).sum()).isEqualTo(92);
        assertThat(widths[0]).isEqualTo(8);
        assertThat(widths[2]).isGreaterThan(widths[1]).isGreaterThan(40);
        assertThat(widths[1]).isGreaterThanOrEqualTo(24);
    }

    @Test
    void whenEvenTheMinimumsDoNotFitTheWidestShareTheRoom() {
        int[] widths = TextLayout.fit(new int[] {8, 60, 60}, new int[] {8, 40, 40}, 50);

        assertThat(widths).containsExactly(8, 21, 21);
    }

    @Test
    void noColumnShrinksBelowEightCharacters() {
        int[] widths = TextLayout.fit(new int[] {30, 30, 30}, new int[] {20, 20, 20}, 12);

        assertThat(widths).containsOnly(8);
    }

    @Test
    void theLongestWordIsWhereATextBreaksWithoutCuttingAWord() {
        assertThat(TextLayout.longestWord("page + ticket (custom windows)")).isEqualTo(8);
    }
}
