package shop;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

final class Server {
    static void start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(8080), 128);
        server.createContext("/orders", new Timed("/orders", new OrdersHandler()));
        server.createContext("/health", new Timed("/health", exchange -> exchange.sendResponseHeaders(200, -1)));
        server.start();
    }
}
