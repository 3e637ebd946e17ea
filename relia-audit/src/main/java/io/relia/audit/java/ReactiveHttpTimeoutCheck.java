package io.relia.audit.java;

import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;

import java.util.List;
import java.util.Set;

/**
 * The Spring WebClient and Reactor Netty part of {@code java/http-client-no-timeout}: Reactor Netty sets no response
 * timeout by default, and a WebClient without its own connector uses such a client.
 */
final class ReactiveHttpTimeoutCheck implements JavaCheck {

    private static final String WEB_CLIENT = "org.springframework.web.reactive.function.client.WebClient";
    private static final String REACTOR_CLIENT = "reactor.netty.http.client.HttpClient";
    private static final String CONNECTOR = "org.springframework.http.client.reactive.ReactorClientHttpConnector";
    private static final Set<String> CONNECTOR_SET = Set.of("clientConnector");
    private static final Set<String> RESPONSE_TIMEOUT = Set.of("responseTimeout");
    /** Reactor Netty request methods: calling one uses the client as configured so far. */
    private static final Set<String> REQUESTS = Set.of("get", "post", "put", "delete", "patch", "head", "options",
            "request", "websocket");
    private static final String WEB_CLIENT_FIX = "give it a connector with a response timeout: .clientConnector(new "
            + "ReactorClientHttpConnector(HttpClient.create().responseTimeout(Duration.ofSeconds(5))))";
    private static final Set<String> READ_TIMEOUT_HANDLERS = Set.of("ReadTimeoutHandler", "IdleStateHandler");

    @Override
    public void check(SourceFile file) {
        if (file.unit().getImports().stream().noneMatch(i -> i.getNameAsString().startsWith("reactor.netty")
                || i.getNameAsString().startsWith("org.springframework.web.reactive"))) {
            return;
        }
        List<MethodCallExpr> calls = file.all(MethodCallExpr.class);
        if (calls.stream().anyMatch(ReactiveHttpTimeoutCheck::boundsResponse)) {
            return;
        }
        for (MethodCallExpr call : calls) {
            String name = call.getNameAsString();
            if (name.equals("create") && file.isClass(call.getScope(), WEB_CLIENT)
                    && BuilderTrace.of(file, call, CONNECTOR_SET, Set.of()) != BuilderTrace.Outcome.SET) {
                file.report(JavaRules.HTTP_CLIENT_NO_TIMEOUT, call, "WebClient.create() uses a default Reactor "
                        + "Netty client, which waits for a response forever", WEB_CLIENT_FIX);
            } else if (name.equals("builder") && file.isClass(call.getScope(), WEB_CLIENT)
                    && BuilderTrace.of(file, call, CONNECTOR_SET, Set.of("build"))
                    == BuilderTrace.Outcome.FINISHED_UNSET) {
                file.report(JavaRules.HTTP_CLIENT_NO_TIMEOUT, call, "WebClient built without clientConnector(...): "
                        + "the default Reactor Netty client waits for a response forever", WEB_CLIENT_FIX);
            } else if (name.equals("create") && file.isClass(call.getScope(), REACTOR_CLIENT)
                    && !addsReadTimeoutHandler(file)
                    && ValueTrace.of(file, call, RESPONSE_TIMEOUT, REQUESTS::contains,
                    creation -> file.resolve(creation.getType()).equals(CONNECTOR)) == ValueTrace.Outcome.USED_UNSET) {
                file.report(JavaRules.HTTP_CLIENT_NO_TIMEOUT, call, "Reactor Netty HttpClient used without "
                        + "responseTimeout(...): Reactor Netty waits for a response forever by default",
                        "add .responseTimeout(Duration.ofSeconds(5)) to the HttpClient");
            }
        }
    }

    /**
     * {@code mono.timeout(d)} or {@code mono.block(d)} anywhere in a reactive file: the responses are bounded there.
     * (Neither WebClient nor its builder has a method of these names.)
     */
    private static boolean boundsResponse(MethodCallExpr call) {
        String name = call.getNameAsString();
        return (name.equals("timeout") || name.equals("block")) && !call.getArguments().isEmpty();
    }

    private static boolean addsReadTimeoutHandler(SourceFile file) {
        for (ObjectCreationExpr creation : file.all(ObjectCreationExpr.class)) {
            if (READ_TIMEOUT_HANDLERS.contains(creation.getType().getNameAsString())) {
                return true;
            }
        }
        return false;
    }
}
