package io.relia.load.run;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Promise;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One event loop's share of a run: its connections, its arrivals (every {@code workers}-th one of the schedule, so
 * the loops together send the profile's evenly spaced arrivals), and its statistics. Everything but
 * {@link #start} runs on the loop, so recording needs no locks. Each request is recorded, sent or not, answered or
 * failed, in the statistics of the span its intended send time lies in (warm-up or measured), so that the measured
 * span counts exactly the requests it sent or failed to send, however late their answers come.
 */
final class Worker {
    private static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long MAX_RECONNECT_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final EventLoop loop;
    private final int index;
    private final int workers;
    private final RunPlan plan;
    private final Requests requests;
    private final SslContext ssl;
    private final LoadStats interval;
    private final LoadStats warmupInterval;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> connections = new ArrayList<>();
    private final java.util.Set<Connection> thinking = new java.util.HashSet<>();
    private final Promise<Void> done;
    private final ByteBuf[] fixedWire;
    private final int wantedConnections;
    private long t0;
    private long next;
    private long wakeAt = Long.MAX_VALUE;
    private long reconnectDelay;
    private int connecting;
    private boolean started;
    private boolean stopped;
    private boolean abandoned;
    private boolean finishing;
    private volatile Throwable lastConnectFailure;

    Worker(EventLoop loop, int index, int workers, RunPlan plan, Requests requests, SslContext ssl) {
        this.loop = loop;
        this.index = index;
        this.workers = workers;
        this.plan = plan;
        this.requests = requests;
        this.ssl = ssl;
        this.interval = new LoadStats(plan.templates());
        this.warmupInterval = new LoadStats(plan.templates());
        this.fixedWire = new ByteBuf[plan.templates()];
        this.done = loop.newPromise();
        int base = plan.connections() / workers;
        this.wantedConnections = base + (index < plan.connections() % workers ? 1 : 0);
    }

    /** Opens the connections; the promise completes when each has connected or failed once. */
    Promise<Integer> connect() {
        Promise<Integer> ready = loop.newPromise();
        loop.execute(() -> {
            int[] pending = {wantedConnections};
            int[] up = {0};
            if (wantedConnections == 0) {
                ready.setSuccess(0);
            }
            for (int i = 0; i < wantedConnections; i++) {
                open().addListener((ChannelFuture f) -> {
                    SslHandler tls = f.isSuccess() ? f.channel().pipeline().get(SslHandler.class) : null;
                    if (tls == null) {
                        count(f.isSuccess(), up, pending, ready);
                    } else {
                        // usable once the TLS handshake is done
                        tls.handshakeFuture().addListener(h -> count(h.isSuccess(), up, pending, ready));
                    }
                });
            }
        });
        return ready;
    }

    private static void count(boolean usable, int[] up, int[] pending, Promise<Integer> ready) {
        if (usable) {
            up[0]++;
        }
        if (--pending[0] == 0) {
            ready.trySuccess(up[0]);
        }
    }

    /** Starts sending at {@code startNanos} ({@link System#nanoTime()} clock); the future completes when done. */
    Promise<Void> start(long startNanos) {
        loop.execute(() -> {
            t0 = startNanos;
            started = true;
            while (connections.size() + connecting < wantedConnections) {
                open();
            }
            loop.schedule(this::pump, Math.max(0, t0 - System.nanoTime()), TimeUnit.NANOSECONDS);
            loop.scheduleAtFixedRate(this::sweep, SWEEP_NANOS, SWEEP_NANOS, TimeUnit.NANOSECONDS);
        });
        return done;
    }

    /** Stops at once: no more sends, connections closed, requests in flight not counted. */
    void abort() {
        loop.execute(() -> {
            abandoned = true;
            finish();
        });
    }

    /** Hands over the statistics gathered since the last call and starts a new interval (on the loop). */
    Snapshot takeInterval() {
        LoadStats taken = interval.copy();
        LoadStats takenWarmup = warmupInterval.copy();
        interval.reset();
        warmupInterval.reset();
        long backlog = 0;
        if (!plan.closed() && started && !stopped) {
            long due = ArrivalSchedule.share(plan.schedule().dueCount(System.nanoTime() - t0), index, workers);
            backlog = Math.max(0, due - next);
        }
        return new Snapshot(taken, takenWarmup, backlog, connections.size());
    }

    /** Why the last connection attempt failed, for the message when none succeeds. */
    Throwable lastConnectFailure() {
        return lastConnectFailure;
    }

    EventLoop loop() {
        return loop;
    }

    /**
     * A worker's interval: statistics of the requests intended after the warm-up and of those intended in it,
     * arrivals waiting for a connection, connections open.
     */
    record Snapshot(LoadStats stats, LoadStats warmup, long backlog, int connections) {
    }

    private ChannelFuture open() {
        connecting++;
        Connection connection = new Connection(this);
        Bootstrap bootstrap = new Bootstrap().group(loop).channel(Transport.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, plan.connectTimeoutMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), plan.host(), plan.port()));
                        }
                        ch.pipeline().addLast(connection);
                    }
                });
        ChannelFuture future = bootstrap.connect(plan.host(), plan.port());
        future.addListener(f -> {
            connecting--;
            if (f.isSuccess()) {
                reconnectDelay = 0;
                connections.add(connection);
            } else {
                lastConnectFailure = f.cause();
                reconnectDelay = nextDelay();
                connectFailed(ErrorKind.CONNECT);
            }
        });
        return future;
    }

    // ---- called by connections, on the loop ----

    void connected(Connection connection) {
        if (stopped) {
            connection.close();
            return;
        }
        if (ssl == null) {
            idle(connection);
        }
    }

    void handshaken(Connection connection) {
        idle(connection);
    }

    /** A TLS handshake failed: like a failed connect (the connection is unusable), counted as {@code tls}. */
    void handshakeFailed(Connection connection, Throwable cause) {
        connections.remove(connection);
        idle.remove(connection);
        lastConnectFailure = cause;
        reconnectDelay = nextDelay();
        connectFailed(ErrorKind.TLS);
    }

    void idle(Connection connection) {
        if (stopped) {
            connection.close();
            return;
        }
        if (plan.thinkNanos() > 0 && started && !thinking.remove(connection)) {
            // closed model with think time: the connection rests before its next request
            thinking.add(connection);
            loop.schedule(() -> idle(connection), plan.thinkNanos(), TimeUnit.NANOSECONDS);
            return;
        }
        idle.push(connection);
        if (started) {
            pump();
        }
    }

    void completed(Connection connection, int template, int status, long intended, long sent) {
        long now = System.nanoTime();
        statsFor(intended).recordResponse(template, status, (now - intended) / 1000, (now - sent) / 1000);
    }

    void failed(int template, ErrorKind kind, long intended) {
        statsFor(intended).recordError(template, kind);
    }

    /** The statistics a request belongs to, by its intended send time ({@link System#nanoTime} clock). */
    private LoadStats statsFor(long intendedNanos) {
        return intendedNanos - t0 < plan.measuredFromNanos() ? warmupInterval : interval;
    }

    /** When the next arrival of this worker's share was due ({@link System#nanoTime} clock). */
    private long nextIntended() {
        return t0 + plan.schedule().intendedNanos(next * workers + index);
    }

    void disconnected(Connection connection, boolean expected) {
        idle.remove(connection);
        connections.remove(connection);
        if (!stopped && !finishing) {
            reconnectLater();
        } else if (stopped && connections.isEmpty()) {
            done.trySuccess(null);
        }
    }

    // ---- scheduling ----

    private void pump() {
        if (stopped || !started) {
            return;
        }
        if (finishing) {
            if (noneBusy()) {
                finish();
            }
            return;
        }
        long now = System.nanoTime();
        if (plan.closed()) {
            if (now - t0 >= plan.durationNanos()) {
                drainAndFinish();
                return;
            }
            while (!idle.isEmpty()) {
                send(idle.pop(), now, now);
            }
            scheduleWake(t0 + plan.durationNanos());
            return;
        }
        while (true) {
            long intended = plan.schedule().intendedNanos(next * workers + index);
            if (intended == ArrivalSchedule.NEVER) {
                drainAndFinish();
                return;
            }
            long at = t0 + intended;
            if (at > now) {
                if (!idle.isEmpty()) {
                    scheduleWake(at);
                }
                return;
            }
            if (now - t0 > plan.durationNanos() + plan.drainNanos()) {
                giveUpBacklog(now);
                return;
            }
            if (idle.isEmpty()) {
                return;
            }
            next++;
            send(idle.pop(), at, now);
            now = System.nanoTime();
        }
    }

    private void send(Connection connection, long intended, long now) {
        long sequence = requests.nextSequence();
        int template = requests.template(sequence);
        long lag = now - intended;
        statsFor(intended).recordSend(lag / 1000, lag > plan.lateToleranceNanos());
        connection.send(template, wire(connection, template, sequence), requests.isHead(template), intended, now);
    }

    private void scheduleWake(long at) {
        if (at >= wakeAt) {
            return;
        }
        wakeAt = at;
        loop.schedule(() -> {
            if (wakeAt == at) {
                wakeAt = Long.MAX_VALUE;
            }
            pump();
        }, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void sweep() {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        for (Connection c : List.copyOf(connections)) {
            if (c.busy() && now - c.sentNanos() > plan.timeoutNanos()) {
                c.abandon(ErrorKind.TIMEOUT);
            }
        }
        if (!plan.closed() && now - t0 > plan.durationNanos() + plan.drainNanos()) {
            giveUpBacklog(now);
        }
        if (finishing && noneBusy()) {
            finish();
        }
    }

    /** The profile has no more arrivals: wait for the requests in flight (bounded by the timeout), then stop. */
    private void drainAndFinish() {
        finishing = true;
        if (noneBusy()) {
            finish();
        }
    }

    private void giveUpBacklog(long now) {
        long due = ArrivalSchedule.share(plan.schedule().dueCount(now - t0), index, workers);
        for (; next < due; next++) {
            statsFor(nextIntended()).recordUnsent(nextTemplate(), ErrorKind.NOT_SENT);
        }
        long total = ArrivalSchedule.share(plan.schedule().totalArrivals(), index, workers);
        for (; next < total; next++) {
            statsFor(nextIntended()).recordUnsent(nextTemplate(), ErrorKind.NOT_SENT);
        }
        drainAndFinish();
    }

    /**
     * The request's bytes in a direct buffer, as the socket wants them: fixed requests are encoded into one shared
     * read-only buffer per template once, so sending them copies nothing.
     */
    private ByteBuf wire(Connection connection, int template, long sequence) {
        ByteBuf fixed = fixedWire[template];
        if (fixed != null) {
            return fixed.duplicate();
        }
        byte[] bytes = requests.encode(template, sequence);
        if (requests.isFixed(template)) {
            fixedWire[template] = Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length).writeBytes(bytes))
                    .asReadOnly();
            return fixedWire[template].duplicate();
        }
        return connection.alloc().directBuffer(bytes.length).writeBytes(bytes);
    }

    /** Uses up the next request without sending it (it failed before it could be sent). */
    private int nextTemplate() {
        return requests.template(requests.nextSequence());
    }

    private boolean noneBusy() {
        for (Connection c : connections) {
            if (c.busy()) {
                return false;
            }
        }
        return true;
    }

    private void finish() {
        if (stopped) {
            return;
        }
        stopped = true;
        idle.clear();
        for (Connection c : List.copyOf(connections)) {
            c.abandon(abandoned ? null : ErrorKind.TIMEOUT);
        }
        if (connections.isEmpty() && connecting == 0) {
            done.trySuccess(null);
        } else {
            loop.schedule(() -> done.trySuccess(null), 1, TimeUnit.SECONDS);
        }
    }

    private long nextDelay() {
        return reconnectDelay == 0 ? TimeUnit.MILLISECONDS.toNanos(10)
                : Math.min(MAX_RECONNECT_DELAY_NANOS, reconnectDelay * 2);
    }

    private void connectFailed(ErrorKind kind) {
        if (stopped) {
            if (connections.isEmpty() && connecting == 0) {
                done.trySuccess(null);
            }
            return;
        }
        if (started && !plan.closed()) {
            // No connection to send on: the arrivals due now fail as the server cannot be reached, rather than
            // piling up unseen.
            long now = System.nanoTime();
            long due = ArrivalSchedule.share(plan.schedule().dueCount(now - t0), index, workers);
            if (idle.isEmpty() && connections.isEmpty()) {
                for (; next < due; next++) {
                    statsFor(nextIntended()).recordUnsent(nextTemplate(), kind);
                }
            }
        } else if (started) {
            statsFor(System.nanoTime()).recordUnsent(nextTemplate(), kind);
        }
        reconnectLater();
    }

    private void reconnectLater() {
        if (connections.size() + connecting >= wantedConnections || !started || finishing || stopped) {
            return;
        }
        long delay = reconnectDelay;
        connecting++;
        loop.schedule(() -> {
            connecting--;
            if (!stopped) {
                open();
            }
        }, delay, TimeUnit.NANOSECONDS);
    }
}
