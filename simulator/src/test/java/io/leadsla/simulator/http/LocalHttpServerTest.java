package io.leadsla.simulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalHttpServerTest {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> handlerThreads = ConcurrentHashMap.newKeySet();
    private final Set<Boolean> handlerDaemon = ConcurrentHashMap.newKeySet();
    private final HttpHandler echoPath = exchange -> answer(exchange, exchange.getRequestURI().getPath());
    private LocalHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void answer(HttpExchange exchange, String text) throws IOException {
        handlerThreads.add(Thread.currentThread().getName());
        handlerDaemon.add(Thread.currentThread().isDaemon());
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesEveryPathOnLoopbackAtAPickedPort() throws Exception {
        server = LocalHttpServer.start(0, 1, "test-http", echoPath);

        assertThat(server.port()).isPositive();
        assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port());
        HttpResponse<String> response = get(server.baseUrl() + "/services/oauth2/token");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("/services/oauth2/token");
    }

    @Test
    void answersOnANumberOfNamedDaemonThreads() throws Exception {
        server = LocalHttpServer.start(0, 2, "test-http", echoPath);

        // concurrent requests would spread over more threads if the pool were not bounded
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 12)
                .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/" + i))
                        .build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            assertThat(call.get().statusCode()).isEqualTo(200);
        }

        assertThat(handlerThreads).isNotEmpty().isSubsetOf("test-http-1", "test-http-2");
        assertThat(handlerDaemon).containsExactly(true);
    }

    @Test
    void aTakenPortIsReportedWithItsNumber() {
        server = LocalHttpServer.start(0, 1, "test-http", echoPath);
        int taken = server.port();

        assertThatThrownBy(() -> LocalHttpServer.start(taken, 1, "other-http", echoPath))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot listen on port " + taken);
    }

    @Test
    void closeStopsListeningAndFreesThePort() throws Exception {
        server = LocalHttpServer.start(0, 1, "test-http", echoPath);
        int port = server.port();
        String url = server.baseUrl() + "/x";
        assertThat(get(url).statusCode()).isEqualTo(200);

        server.close();
        server.close();

        assertThatThrownBy(() -> get(url)).isInstanceOf(IOException.class);
        // the same port can be bound again at once, so a restarted simulator can keep its URL
        server = LocalHttpServer.start(port, 1, "test-http", echoPath);
        assertThat(get(url).body()).isEqualTo("/x");
    }

    @Test
    void rejectsAnEmptyPool() {
        assertThatThrownBy(() -> LocalHttpServer.start(0, 0, "test-http", echoPath))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
