/**
 * Was a positive before the conversion-fallback exemption: the local is given its fallback (8080) right before the
 * try, and the only thing the try does is parse, so a malformed text visibly keeps the fallback.
 */
class Parser {
    int port(String text) {
        int port = 8080;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {}
        return port;
    }
}
