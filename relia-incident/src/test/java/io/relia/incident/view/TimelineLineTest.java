package io.relia.incident.view;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A timeline entry on one line of the text table. */
class TimelineLineTest {

    @Test
    void showsLineBreaksAsReturnSymbolsAndKeepsALoneCarriageReturnForTheWriterToEscape() {
        assertThat(IncidentViews.oneLine("first\r\nsecond\nthird")).isEqualTo("first ⏎ second ⏎ third");
        assertThat(IncidentViews.oneLine("all good\r\u001b[2Kfailed")).isEqualTo("all good\r\u001b[2Kfailed");
    }
}
