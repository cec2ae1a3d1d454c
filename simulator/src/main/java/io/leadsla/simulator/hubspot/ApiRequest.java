package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed API request as the endpoint handlers see it. */
record ApiRequest(String method, String path, Map<String, List<String>> query, Map<String, String> pathParams,
                  byte[] body, ObjectMapper mapper) {

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    String pathParam(String name) {
        return pathParams.get(name);
    }

    /** A list parameter: repeated ({@code properties=a&properties=b}) and comma-joined forms both work. */
    List<String> queryList(String name) {
        List<String> out = new ArrayList<>();
        for (String v : query.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    boolean hasQuery(String name) {
        return query.containsKey(name);
    }

    String queryFirst(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The JSON body; malformed JSON is a 400 VALIDATION_ERROR as in HubSpot. */
    JsonNode json() {
        if (body.length == 0) {
            throw ApiException.validation("Invalid input JSON: request body is empty");
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiException.validation("Invalid input JSON: request body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.validation("Invalid input JSON on line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.validation("Invalid input JSON: " + e.getMessage());
        }
    }
}
