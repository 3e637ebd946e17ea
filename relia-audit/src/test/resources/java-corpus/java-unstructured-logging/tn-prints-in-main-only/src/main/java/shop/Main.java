package shop;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.annotation.Timed;
import java.io.IOException;
import java.net.InetSocketAddress;

/** Usage and start-up errors printed by main are a command line's output, not the service's logs. */
public final class Main {
    @Timed("startup")
    public static void main(String[] args) {
        if (args.length == 0) {
            System.out.println("usage: orders PORT");
            System.exit(2);
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(args[0])), 128);
            server.createContext("/health", exchange -> exchange.sendResponseHeaders(200, -1));
            server.start();
        } catch (IOException e) {
            System.err.println("cannot start: " + e.getMessage());
            System.exit(1);
        }
    }
}
