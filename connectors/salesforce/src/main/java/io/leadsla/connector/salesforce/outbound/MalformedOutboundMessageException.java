package io.leadsla.connector.salesforce.outbound;

import java.util.Objects;

/**
 * A body that is not an Outbound Message leadsla reads. The message says what is wrong and where
 * (line and column, element), never the content of fields.
 */
public final class MalformedOutboundMessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of wrong. */
    public enum Kind {
        /** Over the size limit; not read at all. */
        TOO_LARGE,
        /** A DOCTYPE, a DTD or an entity declaration: refused before anything is resolved or expanded. */
        FORBIDDEN_XML,
        /** Not well-formed XML. */
        NOT_XML,
        /** XML, but not the SOAP envelope of Salesforce's {@code notifications}. */
        NOT_AN_OUTBOUND_MESSAGE
    }

    private final Kind kind;

    public MalformedOutboundMessageException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
