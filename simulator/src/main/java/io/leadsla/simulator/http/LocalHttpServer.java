package io.leadsla.simulator.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK {@link HttpServer} on the loopback address that answers every path with one handler, on a fixed
 * number of daemon threads named {@code <prefix>-1}, {@code <prefix>-2}, … Loopback only, because the
 * simulators are test and demo stand-ins that nothing outside the machine should reach; daemon threads, so
 * a simulator someone forgot to close does not keep the JVM alive.
 */
public final class LocalHttpServer implements AutoCloseable {
    /** Connections the OS may queue before they are accepted (what both simulators have always asked for). */
    private static final int BACKLOG = 64;
    /** How long close waits for handlers that are still answering before giving up on them. */
    private static final long TERMINATION_WAIT_SECONDS = 2;

    private final HttpServer server;
    private final ExecutorService executor;
    private boolean closed;

    private LocalHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds 127.0.0.1 (the loopback address) on {@code port}, 0 for any free one, and starts serving.
     *
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static LocalHttpServer start(int port, int threads, String threadNamePrefix, HttpHandler handler) {
        Objects.requireNonNull(threadNamePrefix, "threadNamePrefix");
        Objects.requireNonNull(handler, "handler");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive");
        }
        HttpServer server;
        try {
            // the JDK server writes a response's headers and body apart; with Nagle on, the body waits for the
            // client's delayed ACK (~40 ms a call). Read once, when the first server starts.
            System.setProperty("sun.net.httpserver.nodelay", "true");
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, threadNamePrefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
        return new LocalHttpServer(server, executor);
    }

    /** e.g. {@code http://127.0.0.1:54321} (no trailing slash). */
    public String baseUrl() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** The bound port (the one picked when started with 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Stops listening at once (no grace period: callers close simulators between tests and should not wait),
     * then interrupts handlers still running and waits briefly for them. Closing twice does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(TERMINATION_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
