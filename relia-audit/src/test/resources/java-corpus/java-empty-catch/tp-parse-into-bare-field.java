/** No value was chosen for the field: a malformed setting silently becomes 0 (the field's default). */
class ReplaySettings {
    private long fromOffset;

    void configure(String text) {
        try {
            fromOffset = Long.parseLong(text);
        } catch (NumberFormatException e) { } // expect: java/empty-catch
    }

    long fromOffset() {
        return fromOffset;
    }
}
