package io.leadsla.simulator.salesforce;

import com.sun.net.httpserver.HttpServer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An Outbound Message listener for tests: a JDK HttpServer that parses each message with a hardened DOM parser
 * (as a real listener must: no DOCTYPE, no external entities) and answers as scripted — Ack by default.
 */
final class OutboundReceiver implements AutoCloseable {
    static final String OUTBOUND_NS = "http://soap.sforce.com/2005/09/outbound";
    static final String ACK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope "
            + "xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
            + "<notificationsResponse xmlns=\"http://soap.sforce.com/2005/09/outbound\"><Ack>true</Ack>"
            + "</notificationsResponse></soapenv:Body></soapenv:Envelope>";

    enum Answer { ACK, HTTP_500, OK_WITHOUT_ACK, ACK_FALSE }

    /** One received message, parsed. */
    record Message(String contentType, String soapAction, String organizationId, String actionId, Element sessionId,
                   String enterpriseUrl, String partnerUrl, List<Notification> notifications) {
    }

    record Notification(String id, String xsiType, String sObjectNamespace, Map<String, String> fields) {
    }

    private final HttpServer server;
    private final Deque<Answer> script = new ConcurrentLinkedDeque<>();
    final List<Message> received = new CopyOnWriteArrayList<>();

    OutboundReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/sfdc/outbound", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            received.add(parse(exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("SOAPAction"), body));
            Answer a = script.isEmpty() ? Answer.ACK : script.pollFirst();
            String reply = switch (a) {
                case ACK -> ACK;
                case ACK_FALSE -> ACK.replace("<Ack>true</Ack>", "<Ack>false</Ack>");
                default -> "";
            };
            byte[] out = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
            exchange.sendResponseHeaders(a == Answer.HTTP_500 ? 500 : 200, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
            exchange.close();
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sfdc/outbound");
    }

    void script(Answer... answers) {
        script.addAll(List.of(answers));
    }

    List<String> notificationIds() {
        List<String> ids = new ArrayList<>();
        received.forEach(m -> m.notifications().forEach(n -> ids.add(n.id())));
        return ids;
    }

    private static Message parse(String contentType, String soapAction, byte[] body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
            Element notifications = (Element) doc.getElementsByTagNameNS(OUTBOUND_NS, "notifications").item(0);
            List<Notification> list = new ArrayList<>();
            for (Element n : children(notifications, "Notification")) {
                Element sObject = children(n, "sObject").get(0);
                Map<String, String> fields = new LinkedHashMap<>();
                String fieldNs = null;
                for (Node c = sObject.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element e) {
                        fields.put(e.getLocalName(), e.getTextContent());
                        fieldNs = e.getNamespaceURI();
                    }
                }
                list.add(new Notification(text(n, "Id"), sObject.getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI,
                        "type"), fieldNs, fields));
            }
            return new Message(contentType, soapAction, text(notifications, "OrganizationId"),
                    text(notifications, "ActionId"), children(notifications, "SessionId").get(0),
                    text(notifications, "EnterpriseUrl"), text(notifications, "PartnerUrl"), list);
        } catch (Exception e) {
            throw new IllegalStateException("unparseable outbound message", e);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && name.equals(e.getLocalName()) && OUTBOUND_NS.equals(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        return children(parent, name).get(0).getTextContent();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
