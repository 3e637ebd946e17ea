class Probe {
    boolean isNumber(String text) {
        boolean number = false;
        try {
            Long.parseLong(text);
            number = true;
        } catch (NumberFormatException ignored) {
        }
        return number;
    }
}
