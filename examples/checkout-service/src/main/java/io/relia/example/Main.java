package io.relia.example;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** Starts the checkout or the payments service and stops it on SIGTERM or Ctrl-C. */
public final class Main {

    static final String USAGE = """
            usage: checkout-service-example checkout [--host H] [--port N] [--payments-url URL]
                                                     [--payments-timeout 300ms]
                   checkout-service-example payments [--host H] [--port N] [--failure-rate 0..1] [--latency 20ms]
                                                     [--seed N]
              --host           address to bind (default 127.0.0.1)
              --port           port to bind, 0 for any free port (default 8080 checkout, 8081 payments)
              --payments-url   where checkout finds payments (default http://127.0.0.1:8081)
              --payments-timeout  resilient profile: timeout per payments call, retries with backoff, orders
                               accepted as pending (202) when payments hangs (default: none, the flaws as shipped)
              --failure-rate   share of payments answered 503, 0.0..1.0 (default 0.0)
              --latency        delay added to every payment: 20ms, 1s... (default 0ms)
              --seed           seed of the failure draw, for reproducible runs (default: random)
            """;

    private Main() {
    }

    /** Entry point; exit code 2 for a bad command line, 1 when the server cannot start. */
    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.isEmpty() || arguments.contains("--help") || arguments.contains("-h")) {
            System.out.print(USAGE);
            System.exit(arguments.isEmpty() ? 2 : 0);
        }
        Options options;
        try {
            options = Options.parse(arguments);
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        try {
            HttpService service = start(options);
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, service.name() + "-shutdown"));
            // The server's dispatcher thread is not a daemon: the JVM runs until the shutdown hook stops it.
        } catch (IOException e) {
            System.err.println("error: cannot start " + options.service().label() + " on " + options.host() + ":"
                    + options.port() + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /** Starts the service the options name; the caller owns (and closes) the result. */
    static HttpService start(Options options) throws IOException {
        return switch (options.service()) {
            case CHECKOUT -> CheckoutService.start(options);
            case PAYMENTS -> PaymentsService.start(options);
        };
    }
}
