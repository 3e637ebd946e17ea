package io.relia.slo.offline;

/** Where a line scanner reports a problem: {@code index} is a position in the line buffer, turned into a column. */
@FunctionalInterface
interface LineErrors {

    void error(int index, String message, String expected, String hint);
}
