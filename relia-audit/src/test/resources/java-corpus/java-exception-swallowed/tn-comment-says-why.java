class Fallback {
    String label(String input) {
        try {
            return input.strip().toLowerCase(java.util.Locale.ROOT);
        } catch (RuntimeException e) {
            // a label is cosmetic: show the raw input rather than fail the page
            return input;
        }
    }
}
