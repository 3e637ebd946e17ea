package io.relia.chaos.proxy;

import io.relia.chaos.ChaosProxy;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A proxy server on a free port of 127.0.0.1, its API, and an echo server, fresh for every test. */
abstract class ProxyTestSupport {
    protected ChaosProxy server;
    protected Api api;
    protected EchoServer echo;

    /** Whether the server serves {@code /metrics}. */
    boolean metrics() {
        return false;
    }

    @BeforeEach
    void startProxyAndEcho() throws IOException {
        server = ChaosProxy.start(new ChaosProxy.Options("127.0.0.1", 0, Optional.empty(), metrics()));
        api = new Api(server.adminUri());
        echo = EchoServer.echo();
    }

    @AfterEach
    void stopProxyAndEcho() throws IOException {
        server.close();
        echo.close();
    }
}
