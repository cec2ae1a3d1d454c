package io.leadsla.service.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The API's error bodies: {@code {"code": 400, "message": "…"}}, Dropwizard's own shape. */
final class ApiErrors {

    private ApiErrors() {
    }

    static Response badRequest(String message) {
        return of(Response.Status.BAD_REQUEST, message);
    }

    static Response notFound(String message) {
        return of(Response.Status.NOT_FOUND, message);
    }

    private static Response of(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("code", status.getStatusCode(), "message", message)).build();
    }
}
