package shop;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

final class Server {
    static void start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(8080), 128);
        server.createContext("/orders", exchange -> exchange.sendResponseHeaders(200, -1)); // expect: java/handler-without-metrics
        server.createContext("/health", exchange -> exchange.sendResponseHeaders(200, -1));
        server.start();
    }
}
