package shop;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.annotation.Timed;
import java.io.IOException;
import java.net.InetSocketAddress;

final class Server {
    @Timed("startup")
    static void start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(8080), 128);
        server.createContext("/health", exchange -> exchange.sendResponseHeaders(200, -1));
        server.start();
        Log.info("listening on 8080");
    }
}
