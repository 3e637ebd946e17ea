package shop;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

final class Routes {
    static void start(RequestTimer timer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(8080), 128);
        server.createContext("/orders", exchange -> exchange.sendResponseHeaders(200, -1)).getFilters().add(timer);
        server.createContext("/-/healthy", exchange -> exchange.sendResponseHeaders(200, -1));
        server.start();
    }
}
