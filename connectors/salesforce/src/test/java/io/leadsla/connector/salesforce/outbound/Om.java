package io.leadsla.connector.salesforce.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Outbound Message bodies for tests. */
final class Om {

    static final String ORG = "00D5e000000KQ2eEAG";
    static final String ORG_15 = "00D5e000000KQ2e";
    static final String OTHER_ORG = "00D5e000000OtHrEAK";

    private Om() {
    }

    /** The documented-shape example with two leads (test resource). */
    static String documentedExample() {
        try (InputStream in = Om.class.getResourceAsStream("lead-outbound-message.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An envelope around {@code notifications} content. */
    static String envelope(String notificationsContent) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<soapenv:Body><notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\">"
                + notificationsContent
                + "</notifications></soapenv:Body></soapenv:Envelope>";
    }

    /** A message from {@code org} with these notifications. */
    static String message(String org, String... notifications) {
        return envelope("<OrganizationId>" + org + "</OrganizationId><ActionId>04k5e000000OmAcAAK</ActionId>"
                + "<SessionId xsi:nil=\"true\"/>" + String.join("", notifications));
    }

    /** A notification of an sObject of {@code type} with these {@code <sf:…>} fields. */
    static String notification(String id, String type, String fields) {
        return "<Notification><Id>" + id + "</Id><sObject xsi:type=\"sf:" + type + "\""
                + " xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">" + fields + "</sObject></Notification>";
    }
}
