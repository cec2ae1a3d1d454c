package io.leadsla.connector.salesforce.outbound;

/**
 * Whether an Outbound Message may be stored: accepted (store the body under the delivery key, then
 * answer {@link OutboundResponses#ack()}), or refused (answer {@link Refused#httpStatus()} with
 * {@link Refused#soapFault()}, store nothing).
 */
public sealed interface OutboundVerdict {

    /**
     * @param message     the message as read
     * @param deliveryKey the inbox dedup key ({@link DeliveryKey})
     */
    record Accepted(OutboundMessage message, String deliveryKey) implements OutboundVerdict {
    }

    /**
     * @param reason what was wrong, for metrics and tests
     * @param detail a sentence for the log that helps fix it; may name the configured org, so it is
     *               not sent back
     */
    record Refused(Reason reason, String detail) implements OutboundVerdict {

        public int httpStatus() {
            return reason.httpStatus;
        }

        /** The SOAP fault to answer with: says what is wrong without revealing the configuration. */
        public String soapFault() {
            return OutboundResponses.fault(reason.faultString);
        }
    }

    enum Reason {
        /** Over the size limit: not read. */
        TOO_LARGE(413, "The message is too large."),
        /** Not XML, forbidden XML (a DOCTYPE), or not an Outbound Message. */
        MALFORMED(400, "The message is not a Salesforce Outbound Message leadsla can read."),
        /** From another org than the one leadsla is configured for. */
        WRONG_ORGANIZATION(403, "This endpoint does not accept messages from this organization.");

        private final int httpStatus;
        private final String faultString;

        Reason(int httpStatus, String faultString) {
            this.httpStatus = httpStatus;
            this.faultString = faultString;
        }
    }
}
