package io.relia.audit.java;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import io.relia.audit.java.BuilderTrace.Outcome;
import io.relia.audit.java.BuilderTrace.Traced;
import io.relia.core.Severity;

import java.util.Set;

/**
 * {@code java/blocking-without-deadline} for plain {@code java.net.Socket}s: a socket this file creates and reads
 * without {@code setSoTimeout}, and a connect without a timeout.
 * <p>
 * The two differ in harm. A read without SO_TIMEOUT waits forever when the peer disappears without a FIN or RST
 * (power loss, a partition, a NAT or firewall dropping the flow): nothing arrives and nothing fails. A connect without
 * a timeout is bounded by the kernel's SYN retries: Linux retransmits the SYN {@code tcp_syn_retries} times (default
 * 6) and gives up after about 127 s (Documentation/networking/ip-sysctl.rst, tcp_syn_retries), so a missing connect
 * timeout is reported at Low. Sockets handed to code outside the file (a wrapper that bounds reads, an NIO channel
 * with a selector), sockets only written to, and accepted server-side sockets are not judged.
 */
final class SocketTimeoutCheck implements JavaCheck {

    private static final String SOCKET = "java.net.Socket";
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");
    private static final Set<String> SETTINGS = Set.of("setSoTimeout");
    private static final Set<String> STREAMS = Set.of("getInputStream", "getOutputStream");
    private static final String READ_FIX = "call setSoTimeout(...) before reading (a timeout longer than the "
            + "peer's heartbeat interval), and treat SocketTimeoutException as a dead peer";
    private static final String CONNECT_FIX = "connect with a timeout: new Socket() then connect(address, 5_000)";

    @Override
    public void check(SourceFile file) {
        for (ObjectCreationExpr creation : file.all(ObjectCreationExpr.class)) {
            if (creation.getAnonymousClassBody().isEmpty() && file.resolve(creation.getType()).equals(SOCKET)) {
                created(file, creation);
            }
        }
        for (MethodCallExpr call : file.all(MethodCallExpr.class)) {
            if (call.getNameAsString().equals("connect") && call.getArguments().size() == 1
                    && call.getScope().flatMap(file::typeOf).filter(SOCKET::equals).isPresent()
                    && !timedConnectBeside(call)) {
                file.report(JavaRules.BLOCKING_WITHOUT_DEADLINE, Severity.LOW, call, "Socket.connect(address) "
                        + "without a timeout: an unreachable host holds the thread until the kernel gives up "
                        + "(about 2 minutes on Linux)", CONNECT_FIX);
            }
        }
    }

    private static boolean loopback(Expression host) {
        return host instanceof StringLiteralExpr literal && LOOPBACK.contains(literal.getValue())
                || host instanceof MethodCallExpr call && call.getNameAsString().equals("getLoopbackAddress");
    }

    /**
     * A timed {@code connect(address, timeout)} in the same method: the untimed one is then the branch taken when the
     * configured timeout is negative or zero, a deliberate choice of whoever configures it.
     */
    private static boolean timedConnectBeside(MethodCallExpr call) {
        return SourceFile.ancestor(call, MethodDeclaration.class).map(method -> !method.findAll(
                MethodCallExpr.class, c -> c.getNameAsString().equals("connect") && c.getArguments().size() == 2
                        && c.getScope().map(Object::toString).equals(call.getScope().map(Object::toString)))
                .isEmpty()).orElse(false);
    }

    private static void created(SourceFile file, ObjectCreationExpr creation) {
        // Socket(host, port) and its longer forms connect in the constructor, with no timeout.
        // A loopback connect is answered or refused by the local kernel at once: no SYN retries to wait out.
        boolean connectsUntimed = creation.getArguments().size() >= 2 && !loopback(creation.getArgument(0));
        Traced traced = BuilderTrace.trace(file, creation, SETTINGS, STREAMS, true);
        boolean readUntimed = traced.outcome() == Outcome.FINISHED_UNSET && traced.called().contains("getInputStream");
        if (readUntimed) {
            file.report(JavaRules.BLOCKING_WITHOUT_DEADLINE, creation, "Socket read without setSoTimeout"
                    + (connectsUntimed ? ", and connected without a timeout" : "") + ": a read waits forever when "
                    + "the peer vanishes without closing the connection (power loss, partition)", READ_FIX);
        } else if (connectsUntimed) {
            file.report(JavaRules.BLOCKING_WITHOUT_DEADLINE, Severity.LOW, creation, "new Socket(host, port) "
                    + "connects without a timeout: an unreachable host holds the thread until the kernel gives up "
                    + "(about 2 minutes on Linux)", CONNECT_FIX);
        }
    }
}
