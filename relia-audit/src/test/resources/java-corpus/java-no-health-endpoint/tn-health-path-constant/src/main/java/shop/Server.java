package shop;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.annotation.Timed;
import java.io.IOException;
import java.net.InetSocketAddress;

final class Server {
    private static final String HEALTH = "/healthz";

    @Timed("startup")
    static void start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(8080), 128);
        server.createContext("/orders", exchange -> exchange.sendResponseHeaders(200, -1));
        server.createContext(HEALTH, exchange -> exchange.sendResponseHeaders(200, -1));
        server.start();
    }
}
