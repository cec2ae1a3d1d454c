package io.leadsla.simulator.salesforce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The REST resources the simulator offers: {@code GET /services/data/vXX.X/limits}, whose DailyApiRequests
 * reports the same rolling count as the SOAP LimitInfoHeader. Errors use REST's array-of-errors body.
 */
final class RestApi {
    private final ObjectMapper mapper;
    private final ApiUsage usage;

    RestApi(ObjectMapper mapper, ApiUsage usage) {
        this.mapper = mapper;
        this.usage = usage;
    }

    HttpReply limits() {
        ObjectNode root = mapper.createObjectNode();
        limit(root, "ConcurrentAsyncGetReportInstances", 200, 200);
        limit(root, "DailyApiRequests", usage.limit(), usage.remaining());
        limit(root, "DailyAsyncApexExecutions", 250_000, 250_000);
        limit(root, "DailyBulkApiBatches", 15_000, 15_000);
        limit(root, "DailyBulkV2QueryJobs", 10_000, 10_000);
        limit(root, "DataStorageMB", 5, 5);
        limit(root, "FileStorageMB", 20, 20);
        return HttpReply.json(200, root.toString());
    }

    private static void limit(ObjectNode root, String name, long max, long remaining) {
        ObjectNode n = root.putObject(name);
        n.put("Max", max);
        n.put("Remaining", remaining);
    }

    /** REST's error body: {@code [{"message":"…","errorCode":"…"}]}. */
    HttpReply error(int status, String errorCode, String message) {
        ArrayNode a = mapper.createArrayNode();
        ObjectNode e = a.addObject();
        e.put("message", message);
        e.put("errorCode", errorCode);
        return HttpReply.json(status, a.toString());
    }
}
