package io.leadsla.bench.ingest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The leadsla server as a separate process, as an operator runs it: {@code java -jar
 * service/target/leadsla.jar server config/leadsla.yml}, secrets and the database URL in the
 * environment (docs/SPEC.md), the rest as Dropwizard's {@code -Ddw.} overrides. Output goes to a log file.
 */
final class ServiceProcess {

    private static final Pattern INBOX_LAG = Pattern.compile("\"inboxLagSeconds\"\\s*:\\s*(\\d+)");
    private static final long CLOCK_TICKS = 100; // USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s

    private final Process process;
    private final int appPort;
    private final int adminPort;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private ServiceProcess(Process process, int appPort, int adminPort, Path log) {
        this.process = process;
        this.appPort = appPort;
        this.adminPort = adminPort;
        this.log = log;
    }

    /**
     * @param jvmOptions e.g. {@code -Xmx1g}; empty: the JVM's defaults
     * @param overrides  Dropwizard overrides without the {@code -Ddw.} prefix, e.g. {@code store.embeddedDirectory=/tmp/x}
     */
    static ServiceProcess start(Path jar, Path config, Map<String, String> environment, List<String> jvmOptions,
                                List<String> overrides, Path log) throws IOException {
        int appPort = freePort();
        int adminPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Ddw.server.applicationConnectors[0].port=" + appPort);
        command.add("-Ddw.server.adminConnectors[0].port=" + adminPort);
        overrides.forEach(o -> command.add("-Ddw." + o));
        command.addAll(List.of("-jar", jar.toString(), "server", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Files.writeString(log, "$ " + String.join(" ", command) + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        return new ServiceProcess(builder.start(), appPort, adminPort, log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    long pid() {
        return process.pid();
    }

    URI webhookUrl() {
        return URI.create("http://127.0.0.1:" + appPort + "/webhooks/hubspot");
    }

    /** Waits until the admin port answers {@code /ping}; fails if the process ends first. */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server ended with exit code " + process.exitValue() + ": see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/ping"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the server did not answer /ping within " + timeout + ": see " + log);
    }

    /** The store health check's inbox lag (seconds the oldest waiting item has waited; 0: none waits), or -1. */
    long inboxLagSeconds() throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort
                    + "/healthcheck")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = INBOX_LAG.matcher(r.body());
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Waits until no inbox item waits (the pipeline has normalized everything), at most {@code timeout}. */
    boolean awaitInboxDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (inboxLagSeconds() == 0) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** CPU time the server process has used so far (user + system), in milliseconds; -1 if unknown. */
    long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is f[0]; utime and stime are fields 14 and 15 of the whole line
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Kills the server at once: {@link Process#destroyForcibly()}, which on Linux sends SIGKILL (the
     * JDK's ProcessHandleImpl.destroy0 with force), as {@code kill -9} does — no shutdown hook runs.
     *
     * @return the exit code: 137 = 128 + 9 shows the process died of SIGKILL
     */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** Stops the server as an operator does (SIGTERM: Dropwizard's graceful shutdown); SIGKILL after a minute. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            return kill();
        }
        return process.exitValue();
    }
}
