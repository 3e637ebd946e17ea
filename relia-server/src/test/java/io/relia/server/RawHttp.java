package io.relia.server;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket to 127.0.0.1, for requests an HTTP client will not send: any Host header, any
 * method, override headers, malformed request lines. One request per connection.
 */
final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TIMEOUT_MS = 10_000;

    /** An answer: status, headers (names in lower case) and body. */
    record Answer(int status, Map<String, String> headers, String body) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        /** "STATUS message", as the API's error shape gives them. */
        String problem() {
            return status + " " + json().get("message").asString();
        }
    }

    private RawHttp() {
    }

    /** Sends {@code request} (the whole message, CRLF line ends) and reads the answer until the server closes. */
    static Answer send(int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A request to {@code port} with {@code headers} (each ending in CRLF) and an optional body. */
    static Answer send(int port, String requestLine, String host, String headers, String body) throws IOException {
        StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\n");
        if (host != null) {
            request.append("Host: ").append(host).append("\r\n");
        }
        request.append("Connection: close\r\n").append(headers);
        if (body != null) {
            request.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        }
        request.append("\r\n").append(body == null ? "" : body);
        return send(port, request.toString());
    }

    private static Answer parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int index = 1; index < lines.length; index++) {
            int colon = lines[index].indexOf(':');
            headers.put(lines[index].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[index].substring(colon + 1).strip());
        }
        return new Answer(status, headers, end < 0 ? "" : text.substring(end + 4));
    }
}
