package io.leadsla.simulator.salesforce;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An HTTP answer before compression: status, content type and body. */
record HttpReply(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String XML = "text/xml; charset=utf-8";
    static final String JSON = "application/json;charset=UTF-8";

    static HttpReply xml(int status, String body) {
        return new HttpReply(status, XML, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static HttpReply json(int status, String body) {
        return new HttpReply(status, JSON, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
