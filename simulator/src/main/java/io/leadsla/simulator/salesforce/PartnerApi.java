package io.leadsla.simulator.salesforce;

import org.w3c.dom.Element;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Partner API operations the simulator offers: query, queryMore, create, update, upsert, describeSObject,
 * getUserInfo and getServerTimestamp. Each takes the operation element of the request body and returns the
 * response body element, or throws {@link SoapFault} for call-level failures; per-record failures are
 * results, as in the real API.
 */
final class PartnerApi {
    static final int MAX_RECORDS_PER_CALL = 200;
    static final int DEFAULT_BATCH = 500;
    static final int MIN_BATCH = 200;
    static final int MAX_BATCH = 2000;

    private final Schema schema;
    private final OrgStore store;
    private final SoqlParser parser;
    private final SoqlExecutor executor;
    private final QueryCursors cursors;
    private final UserDirectory users;
    private final SalesforceOptions options;

    PartnerApi(Schema schema, OrgStore store, QueryCursors cursors, UserDirectory users, SalesforceOptions options) {
        this.schema = schema;
        this.store = store;
        this.parser = new SoqlParser(schema);
        this.executor = new SoqlExecutor(store);
        this.cursors = cursors;
        this.users = users;
        this.options = options;
    }

    /** Runs one operation for the session's user; {@code batchSize} from the QueryOptions header, if any. */
    String handle(Element op, AccessToken session, Integer batchSize, String baseUrl) {
        return switch (op.getLocalName()) {
            case "query" -> query(Xml.childText(op, "queryString").orElse(""), session, batchSize);
            case "queryMore" -> queryMore(Xml.childText(op, "queryLocator").orElse(null), session, batchSize);
            case "create" -> PartnerEnvelope.saveResults("create", create(sObjects(op), session), false);
            case "update" -> PartnerEnvelope.saveResults("update", update(sObjects(op), session), false);
            case "upsert" -> PartnerEnvelope.saveResults("upsert",
                    upsert(Xml.childText(op, "externalIDFieldName").orElse(""), sObjects(op), session), true);
            case "describeSObject" -> describe(Xml.childText(op, "sObjectType").orElse(""), baseUrl);
            case "getUserInfo" -> PartnerEnvelope.userInfo(users.userInfo(session.userId()));
            case "getServerTimestamp" -> PartnerEnvelope.serverTimestamp(
                    DateTimeFormatter.ISO_INSTANT.format(options.clock().instant()));
            default -> throw new UnsupportedOperationException(op.getLocalName());
        };
    }

    // ------------------------------------------------------------------ query

    private String query(String soql, AccessToken session, Integer batchSize) {
        SoqlQuery q;
        try {
            q = parser.parse(soql);
        } catch (SoqlException e) {
            throw SoapFault.of(e);
        }
        List<RecordSnapshot> rows = executor.execute(q);
        if (q.countOnly()) {
            return PartnerEnvelope.queryResult("query", List.of(), List.of(), true, null, rows.size());
        }
        int batch = batch(batchSize);
        if (rows.size() <= batch) {
            return PartnerEnvelope.queryResult("query", rows, q.fields(), true, null, rows.size());
        }
        QueryCursors.Cursor c = cursors.open(session.userId(), "query", rows, q.fields());
        return PartnerEnvelope.queryResult("query", rows.subList(0, batch), q.fields(), false, c.id() + "-" + batch,
                rows.size());
    }

    private String queryMore(String locator, AccessToken session, Integer batchSize) {
        QueryCursors.Located at = cursors.locate(locator, session.userId());
        if (at == null) {
            throw new SoapFault("INVALID_QUERY_LOCATOR", "invalid query locator", "InvalidQueryLocatorFault", null,
                    null);
        }
        List<RecordSnapshot> rows = at.cursor().rows();
        int end = Math.min(rows.size(), at.offset() + batch(batchSize));
        boolean done = end >= rows.size();
        if (done) {
            cursors.close(at.cursor());
        }
        return PartnerEnvelope.queryResult("queryMore", rows.subList(at.offset(), end), at.cursor().fields(), done,
                done ? null : at.cursor().id() + "-" + end, rows.size());
    }

    /** Salesforce treats the batch size as a request within 200..2000; default 500. */
    private static int batch(Integer requested) {
        if (requested == null) {
            return DEFAULT_BATCH;
        }
        return Math.max(MIN_BATCH, Math.min(MAX_BATCH, requested));
    }

    // ------------------------------------------------------------------ DML

    /** One sObject of a create/update/upsert request, with the object name it declared. */
    private record Incoming(String type, WriteInput input) {
    }

    private List<Incoming> sObjects(Element op) {
        List<Element> elements = Xml.children(op, "sObjects");
        if (elements.size() > MAX_RECORDS_PER_CALL) {
            throw SoapFault.unexpected("EXCEEDED_ID_LIMIT",
                    "record limit reached. cannot submit more than 200 records into this call");
        }
        List<Incoming> out = new ArrayList<>();
        for (Element so : elements) {
            String type = null;
            String id = null;
            Map<String, Object> values = new LinkedHashMap<>();
            Set<String> toNull = new HashSet<>();
            for (Element child : Xml.children(so)) {
                String name = child.getLocalName();
                switch (name) {
                    case "type" -> type = child.getTextContent().trim();
                    case "Id" -> id = Xml.isNil(child) ? null : child.getTextContent().trim();
                    case "fieldsToNull" -> toNull.add(child.getTextContent().trim());
                    default -> {
                        if (Xml.isNil(child)) {
                            toNull.add(name);
                        } else {
                            values.put(name, child.getTextContent());
                        }
                    }
                }
            }
            if (type == null || type.isEmpty()) {
                throw SoapFault.invalidType("Must send a concrete entity type.");
            }
            String t = type;
            SObjectDef def = schema.object(type).orElseThrow(() -> SoapFault.invalidType("sObject type '" + t
                    + "' is not supported. If you are attempting to use a custom object, be sure to append the "
                    + "'__c' after the entity name. Please reference your WSDL or the describe call for the "
                    + "appropriate names."));
            // an unknown field fails the whole call, before any record is saved
            for (String f : values.keySet()) {
                if (def.field(f).isEmpty()) {
                    throw SoapFault.invalidField(OrgStore.noSuchColumn(f, def.name()));
                }
            }
            for (String f : toNull) {
                if (def.field(f).isEmpty()) {
                    throw SoapFault.invalidField(OrgStore.noSuchColumn(f, def.name()));
                }
            }
            out.add(new Incoming(def.name(), new WriteInput(id, values, toNull)));
        }
        return out;
    }

    private List<SaveResult> create(List<Incoming> records, AccessToken session) {
        List<SaveResult> results = new ArrayList<>();
        for (Incoming r : records) {
            if (r.input().id() != null && !r.input().id().isEmpty()) {
                results.add(SaveResult.failed("INVALID_FIELD_FOR_INSERT_UPDATE", "cannot specify Id in an insert "
                        + "call", List.of("Id")));
            } else {
                results.add(store.create(r.type(), r.input(), session.userId()));
            }
        }
        return results;
    }

    private List<SaveResult> update(List<Incoming> records, AccessToken session) {
        List<SaveResult> results = new ArrayList<>();
        for (Incoming r : records) {
            results.add(store.update(r.type(), r.input(), session.userId(), true));
        }
        return results;
    }

    private List<SaveResult> upsert(String externalIdField, List<Incoming> records, AccessToken session) {
        if (records.isEmpty()) {
            return List.of();
        }
        String type = records.get(0).type();
        SObjectDef def = schema.require(type);
        FieldDef key = def.field(externalIdField)
                .orElseThrow(() -> SoapFault.invalidField(OrgStore.noSuchColumn(externalIdField, def.name())));
        if (!key.externalId() && !key.name().equals("Id")) {
            throw SoapFault.invalidField("Field name provided, " + key.name() + " is not an External ID or indexed "
                    + "field for " + def.name());
        }
        List<WriteInput> inputs = new ArrayList<>();
        for (Incoming r : records) {
            if (!r.type().equals(type)) {
                throw SoapFault.unexpected("INVALID_TYPE_FOR_OPERATION",
                        "upsert requires all records to be of the same type");
            }
            Map<String, Object> values = new LinkedHashMap<>(r.input().values());
            if (key.name().equals("Id") && r.input().id() != null) {
                values.put("Id", r.input().id());
            }
            inputs.add(new WriteInput(r.input().id(), values, r.input().fieldsToNull()));
        }
        return store.upsert(type, key, inputs, session.userId());
    }

    // ------------------------------------------------------------------ describe

    private String describe(String type, String baseUrl) {
        Optional<SObjectDef> o = schema.object(type);
        if (o.isEmpty()) {
            throw SoapFault.invalidType("sObject type '" + type + "' is not supported. If you are attempting to use a "
                    + "custom object, be sure to append the '__c' after the entity name. Please reference your WSDL "
                    + "or the describe call for the appropriate names.");
        }
        return PartnerEnvelope.describeSObject(o.get(), baseUrl);
    }
}
