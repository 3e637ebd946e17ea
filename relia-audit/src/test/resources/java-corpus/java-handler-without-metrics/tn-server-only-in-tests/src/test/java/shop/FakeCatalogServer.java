package shop;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/** A stub server for tests: it is not the service, so it needs neither metrics nor health. */
final class FakeCatalogServer {
    static HttpServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(0), 16);
        server.createContext("/catalog", exchange -> exchange.sendResponseHeaders(200, -1));
        server.start();
        return server;
    }
}
