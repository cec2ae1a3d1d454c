package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;

/**
 * Renders HubSpot's error JSON. Shapes confirmed from captured responses in public client code and issues:
 * <ul>
 *   <li>generic: {@code {"status":"error","message":…,"correlationId":…,"category":…}} (+ {@code context});</li>
 *   <li>invalid properties: message {@code "Property values were not valid: [<json array of
 *   {isValid,message,error,name,localizedErrorMessage,portalId}>]"} plus
 *   {@code errors:[{message, code, context:{propertyName:[…]}}]}, category VALIDATION_ERROR;</li>
 *   <li>401: {@code "Authentication credentials not found. …"}, category INVALID_AUTHENTICATION;</li>
 *   <li>429: {@code {status, message, errorType:"RATE_LIMIT", correlationId, policyName}}.</li>
 * </ul>
 */
final class ErrorBodies {
    static final String AUTH_MESSAGE = "Authentication credentials not found. This API supports OAuth 2.0 "
            + "authentication and you can find more details at "
            + "https://developers.hubspot.com/docs/methods/auth/oauth-overview";

    private final ObjectMapper mapper;
    private final long portalId;

    ErrorBodies(ObjectMapper mapper, long portalId) {
        this.mapper = mapper;
        this.portalId = portalId;
    }

    ObjectNode of(ApiException e) {
        ObjectNode body = mapper.createObjectNode();
        body.put("status", "error");
        if (!e.errors().isEmpty()) {
            body.put("message", "Property values were not valid: " + legacyErrorList(e));
        } else {
            body.put("message", e.getMessage());
        }
        body.put("correlationId", UUID.randomUUID().toString());
        if (e.context() != null) {
            body.set("context", e.context());
        }
        if (!e.errors().isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            for (ApiException.PropertyError pe : e.errors()) {
                ObjectNode err = errors.addObject();
                err.put("message", pe.message());
                err.put("code", pe.code());
                err.putObject("context").putArray("propertyName").add(pe.name());
            }
        }
        body.put("category", e.category());
        return body;
    }

    ObjectNode unauthorized() {
        ObjectNode body = mapper.createObjectNode();
        body.put("status", "error");
        body.put("message", AUTH_MESSAGE);
        body.put("correlationId", UUID.randomUUID().toString());
        body.put("category", "INVALID_AUTHENTICATION");
        return body;
    }

    ObjectNode rateLimited(String message, String policyName) {
        ObjectNode body = mapper.createObjectNode();
        body.put("status", "error");
        body.put("message", message);
        body.put("errorType", "RATE_LIMIT");
        body.put("correlationId", UUID.randomUUID().toString());
        body.put("policyName", policyName);
        body.put("requestId", UUID.randomUUID().toString().replace("-", ""));
        return body;
    }

    ObjectNode internal(String message) {
        ObjectNode body = mapper.createObjectNode();
        body.put("status", "error");
        body.put("message", message);
        body.put("correlationId", UUID.randomUUID().toString());
        body.put("category", "INTERNAL_ERROR");
        return body;
    }

    private String legacyErrorList(ApiException e) {
        ArrayNode list = mapper.createArrayNode();
        for (ApiException.PropertyError pe : e.errors()) {
            ObjectNode item = list.addObject();
            item.put("isValid", false);
            item.put("message", pe.message());
            item.put("error", pe.code());
            item.put("name", pe.name());
            item.put("localizedErrorMessage", pe.message());
            item.put("portalId", portalId);
        }
        try {
            return mapper.writeValueAsString(list);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
