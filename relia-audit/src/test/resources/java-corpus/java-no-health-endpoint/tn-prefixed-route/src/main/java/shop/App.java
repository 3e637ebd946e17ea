package shop;

import io.javalin.Javalin;
import io.javalin.micrometer.MicrometerPlugin;

final class App {
    static void start(MicrometerPlugin metrics) {
        Javalin app = Javalin.create(config -> config.registerPlugin(metrics));
        app.get("/orders", ctx -> ctx.result("[]"));
        app.get("/internal/readyz", ctx -> ctx.result("ok"));
        app.start(8080);
    }
}
