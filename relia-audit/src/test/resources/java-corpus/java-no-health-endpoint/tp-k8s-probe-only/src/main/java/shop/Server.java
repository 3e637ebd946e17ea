package shop;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;

/** The manifest probes /health, but nothing serves it: every probe gets a 404. */
final class Server {
    static void start(MeterRegistry registry) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(8080), 128);
        server.createContext("/", exchange -> { // expect: java/no-health-endpoint
            long start = System.nanoTime();
            exchange.sendResponseHeaders(200, -1);
            registry.timer("http.requests", "status", "200").record(System.nanoTime() - start,
                    java.util.concurrent.TimeUnit.NANOSECONDS);
        });
        server.start();
    }
}
