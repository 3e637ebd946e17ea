package shop;

import io.javalin.Javalin;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** A Timer for database queries, tagged by table: latency, but not of requests and not by status. */
final class App {
    static void start(MeterRegistry registry, Orders orders) {
        Timer queries = Timer.builder("db.query").tag("table", "orders").register(registry);
        Javalin app = Javalin.create();
        app.get("/orders", ctx -> ctx.result(queries.recordCallable(orders::all))); // expect: java/handler-without-metrics
        app.get("/health", ctx -> ctx.result("up"));
        app.start(8080);
    }

    interface Orders {
        String all();
    }
}
