package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** A thin OkHttp client for the tests: talks to the simulator over real HTTP on localhost. */
final class SimClient implements AutoCloseable {
    static final MediaType JSON = MediaType.get("application/json");

    final ObjectMapper mapper = new ObjectMapper();
    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String token;

    SimClient(HubSpotSimulator sim) {
        this(sim.baseUrl(), sim.options().accessToken());
    }

    SimClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    record Reply(int status, String body, okhttp3.Headers headers, ObjectMapper mapper) {
        JsonNode json() {
            try {
                return mapper.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    Reply get(String path) {
        return send("GET", path, null, token);
    }

    Reply post(String path, String json) {
        return send("POST", path, json, token);
    }

    Reply patch(String path, String json) {
        return send("PATCH", path, json, token);
    }

    Reply delete(String path) {
        return send("DELETE", path, null, token);
    }

    Reply send(String method, String path, String json, String bearer) {
        Request.Builder b = new Request.Builder().url(baseUrl + path);
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        RequestBody body = json == null ? null : RequestBody.create(json, JSON);
        b.method(method, body);
        try (Response r = http.newCall(b.build()).execute()) {
            return new Reply(r.code(), r.body().string(), r.headers(), mapper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds a JSON string from single-quoted text, to keep request bodies readable in tests. */
    static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** Creates a contact through the API and returns its id. */
    String createContact(String propertiesJson) {
        Reply r = post("/crm/v3/objects/contacts", "{\"properties\":" + propertiesJson + "}");
        if (r.status() != 201) {
            throw new AssertionError("create failed: " + r.status() + " " + r.body());
        }
        return r.json().get("id").asText();
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
