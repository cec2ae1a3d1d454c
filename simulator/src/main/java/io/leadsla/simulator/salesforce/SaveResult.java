package io.leadsla.simulator.salesforce;

import java.util.List;

/**
 * The outcome of saving one record, shaped like the Partner API's SaveResult/UpsertResult: an id on success,
 * errors otherwise; {@code created} only means something for upsert.
 */
public record SaveResult(String id, boolean success, boolean created, List<Error> errors) {
    /** One per-record error: a StatusCode name, Salesforce's message and the fields concerned. */
    public record Error(String statusCode, String message, List<String> fields) {
        public Error {
            fields = List.copyOf(fields);
        }
    }

    public SaveResult {
        errors = List.copyOf(errors);
    }

    static SaveResult ok(String id, boolean created) {
        return new SaveResult(id, true, created, List.of());
    }

    static SaveResult failed(String statusCode, String message, List<String> fields) {
        return new SaveResult(null, false, false, List.of(new Error(statusCode, message, fields)));
    }
}
