package io.leadsla.simulator.hubspot;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A request the simulated portal refuses, carrying what {@link ErrorBodies} needs to render HubSpot's
 * error JSON ({@code status, message, correlationId, category, context, errors}).
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String category;
    private final transient ObjectNode context;
    private final transient List<PropertyError> errors;
    private final boolean emptyBody;

    ApiException(int status, String category, String message, ObjectNode context, List<PropertyError> errors,
                 boolean emptyBody) {
        super(message);
        this.status = status;
        this.category = category;
        this.context = context;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.emptyBody = emptyBody;
    }

    static ApiException validation(String message) {
        return new ApiException(400, "VALIDATION_ERROR", message, null, null, false);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "OBJECT_NOT_FOUND", message, null, null, false);
    }

    /**
     * HubSpot answers a GET of a missing record with a bare 404 (client reports of that call show no
     * body; inferred).
     */
    static ApiException notFoundNoBody() {
        return new ApiException(404, "OBJECT_NOT_FOUND", "", null, null, true);
    }

    static ApiException conflict(String message) {
        return new ApiException(409, "CONFLICT", message, null, null, false);
    }

    /** One entry per bad property, rendered like HubSpot's "Property values were not valid" errors. */
    static ApiException invalidProperties(List<PropertyError> errors) {
        return new ApiException(400, "VALIDATION_ERROR", null, null, errors, false);
    }

    int status() {
        return status;
    }

    String category() {
        return category;
    }

    ObjectNode context() {
        return context;
    }

    List<PropertyError> errors() {
        return errors;
    }

    boolean emptyBody() {
        return emptyBody;
    }

    /** A property-level validation failure, e.g. PROPERTY_DOESNT_EXIST or INVALID_OPTION. */
    record PropertyError(String name, String code, String message) {
    }
}
