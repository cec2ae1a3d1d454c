package io.leadsla.connector.salesforce.outbound;

/**
 * The bodies leadsla answers an Outbound Message with: the acknowledgement Salesforce waits for
 * (HTTP 200, {@code notificationsResponse} with {@code <Ack>true</Ack>}; anything else and it
 * retries the whole message for up to 24 hours), and a SOAP fault for a refused message.
 */
public final class OutboundResponses {

    public static final String CONTENT_TYPE = "text/xml; charset=utf-8";
    public static final String SOAP_ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String OUTBOUND_NS = "http://soap.sforce.com/2005/09/outbound";

    private static final String ACK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<soapenv:Envelope xmlns:soapenv=\"" + SOAP_ENVELOPE_NS + "\">"
            + "<soapenv:Body>"
            + "<notificationsResponse xmlns=\"" + OUTBOUND_NS + "\"><Ack>true</Ack></notificationsResponse>"
            + "</soapenv:Body>"
            + "</soapenv:Envelope>";

    private OutboundResponses() {
    }

    /** The acknowledgement: send it only once the message is durably stored. */
    public static String ack() {
        return ACK;
    }

    /**
     * A SOAP 1.1 fault ({@code soapenv:Client}: the message itself is at fault) carrying
     * {@code faultString}, XML-escaped.
     */
    public static String fault(String faultString) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"" + SOAP_ENVELOPE_NS + "\">"
                + "<soapenv:Body><soapenv:Fault>"
                + "<faultcode>soapenv:Client</faultcode>"
                + "<faultstring>" + escape(faultString) + "</faultstring>"
                + "</soapenv:Fault></soapenv:Body>"
                + "</soapenv:Envelope>";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // characters XML 1.0 cannot carry at all are dropped
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
