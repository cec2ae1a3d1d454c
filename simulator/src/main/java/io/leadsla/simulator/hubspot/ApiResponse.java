package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response about to be written: status, body bytes, content type and extra headers. */
record ApiResponse(int status, byte[] body, String contentType, Map<String, String> headers) {
    /** HubSpot's JSON content type, as seen in real response headers. */
    static final String JSON = "application/json;charset=utf-8";

    static ApiResponse json(ObjectMapper mapper, int status, JsonNode node) {
        try {
            return new ApiResponse(status, mapper.writeValueAsBytes(node), JSON, new LinkedHashMap<>());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ApiResponse empty(int status) {
        return new ApiResponse(status, new byte[0], null, new LinkedHashMap<>());
    }

    static ApiResponse raw(int status, String contentType, String body) {
        return new ApiResponse(status, body.getBytes(StandardCharsets.UTF_8), contentType, new LinkedHashMap<>());
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, body, contentType, h);
    }
}
