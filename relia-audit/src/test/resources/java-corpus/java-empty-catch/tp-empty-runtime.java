class Parser {
    int port(String text) {
        int port = 8080;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {} // expect: java/empty-catch
        return port;
    }
}
