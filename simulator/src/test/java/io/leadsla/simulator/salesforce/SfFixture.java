package io.leadsla.simulator.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A started simulator plus the clients tests talk to it with: OkHttp for the token endpoint and REST, and
 * force-wsc's PartnerConnection (session from the token endpoint, manual login) for SOAP.
 */
final class SfFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

    final TestClock clock = new TestClock(START);
    final SalesforceSimulator sim;
    final OkHttpClient http = new OkHttpClient();
    final ObjectMapper mapper = new ObjectMapper();

    private SfFixture(Consumer<SalesforceOptions.Builder> customize) {
        SalesforceOptions.Builder b = SalesforceOptions.builder().clock(clock);
        customize.accept(b);
        sim = SalesforceSimulator.start(b.build());
    }

    static SfFixture start() {
        return new SfFixture(b -> { });
    }

    static SfFixture start(Consumer<SalesforceOptions.Builder> customize) {
        return new SfFixture(customize);
    }

    /** A token from the client credentials flow, as leadsla would get one. */
    String token() {
        JsonNode r = tokenRequest(new FormBody.Builder().add("grant_type", "client_credentials")
                .add("client_id", sim.options().clientId()).add("client_secret", sim.options().clientSecret())
                .build(), null);
        return r.get("access_token").asText();
    }

    JsonNode tokenRequest(FormBody form, String authorization) {
        Request.Builder rb = new Request.Builder().url(sim.tokenEndpoint()).post(form);
        if (authorization != null) {
            rb.header("Authorization", authorization);
        }
        try (Response r = http.newCall(rb.build()).execute()) {
            JsonNode body = mapper.readTree(r.body().string());
            ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("_status", r.code());
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET with a bearer token: status and body. */
    Map.Entry<Integer, String> get(String path, String token) {
        Request.Builder rb = new Request.Builder().url(sim.baseUrl() + path);
        if (token != null) {
            rb.header("Authorization", "Bearer " + token);
        }
        try (Response r = http.newCall(rb.build()).execute()) {
            return Map.entry(r.code(), r.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ConnectorConfig config(String token) {
        ConnectorConfig c = new ConnectorConfig();
        c.setManualLogin(true);
        c.setSessionId(token);
        c.setServiceEndpoint(sim.baseUrl() + "/services/Soap/u/65.0");
        c.setConnectionTimeout(5_000);
        c.setReadTimeout(10_000);
        return c;
    }

    PartnerConnection connect(String token) {
        try {
            return Connector.newConnection(config(token));
        } catch (ConnectionException e) {
            throw new IllegalStateException(e);
        }
    }

    PartnerConnection connect() {
        return connect(token());
    }

    static SObject sObject(String type, Map<String, ?> fields) {
        SObject s = new SObject(type);
        fields.forEach((k, v) -> {
            if (k.equals("Id")) {
                s.setId((String) v);
            } else {
                s.setField(k, v);
            }
        });
        return s;
    }

    @Override
    public void close() {
        sim.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
