package io.leadsla.simulator.salesforce;

import java.util.List;
import java.util.TreeSet;

/**
 * The SOAP 1.1 {@code notifications} message of the outbound messaging WSDL (namespace
 * {@code http://soap.sforce.com/2005/09/outbound}): OrganizationId, ActionId, SessionId (nil unless asked
 * for), EnterpriseUrl, PartnerUrl, then the Notifications, each an Id and an sObject typed {@code sf:<Object>}
 * whose fields are in the enterprise sObject namespace. As in messages captured from real orgs, the sObject
 * lists Id first and the other fields in sorted order, and leaves out empty fields.
 */
final class OutboundEnvelope {
    static final String NS = "http://soap.sforce.com/2005/09/outbound";
    static final String ENTERPRISE_SOBJECT_NS = "urn:sobject.enterprise.soap.sforce.com";

    private OutboundEnvelope() {
    }

    static String notifications(String orgId, String actionId, String sessionId, String enterpriseUrl,
                                String partnerUrl, List<OutboundNotification> batch, List<String> fields) {
        XmlWriter w = new XmlWriter().raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
        w.open("soapenv:Body").open("notifications", "xmlns=\"" + NS + "\"")
                .element("OrganizationId", orgId)
                .element("ActionId", actionId)
                .element("SessionId", sessionId)
                .element("EnterpriseUrl", enterpriseUrl)
                .element("PartnerUrl", partnerUrl);
        TreeSet<String> sorted = new TreeSet<>(fields);
        sorted.remove("Id");
        for (OutboundNotification n : batch) {
            RecordSnapshot r = n.record();
            w.open("Notification").element("Id", n.id())
                    .open("sObject", "xsi:type=\"sf:" + r.type() + "\" xmlns:sf=\"" + ENTERPRISE_SOBJECT_NS + "\"")
                    .element("sf:Id", r.id());
            for (String f : sorted) {
                Object v = r.get(f);
                if (v != null) {
                    w.element("sf:" + f, Values.format(v));
                }
            }
            w.close("sObject").close("Notification");
        }
        return w.close("notifications").close("soapenv:Body").close("soapenv:Envelope").toString();
    }
}
