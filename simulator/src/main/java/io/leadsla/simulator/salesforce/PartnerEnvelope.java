package io.leadsla.simulator.salesforce;

import java.util.List;

/**
 * Writes Partner API responses in the shapes force-wsc's generated binders read. Those binders read child
 * elements strictly in WSDL order and skip absent ones, so every element below is written in the order of
 * the Partner WSDL (checked against force-partner-api 65's generated {@code loadFields} methods): QueryResult
 * done, queryLocator, records, size; SaveResult errors, id, success; UpsertResult created, errors, id,
 * success; Error fields, message, statusCode; LimitInfo current, limit, type; and so on.
 */
final class PartnerEnvelope {
    private static final String SUCCESS_OPEN = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns=\"urn:partner.soap.sforce.com\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:sf=\"urn:sobject.partner.soap.sforce.com\">";

    private PartnerEnvelope() {
    }

    /** A success response; {@code limit} null for calls without the LimitInfoHeader (login). */
    static String success(String body, long[] limit) {
        XmlWriter w = new XmlWriter().raw(SUCCESS_OPEN);
        if (limit != null) {
            w.open("soapenv:Header").open("LimitInfoHeader").open("limitInfo")
                    .element("current", limit[0]).element("limit", limit[1]).element("type", "API REQUESTS")
                    .close("limitInfo").close("LimitInfoHeader").close("soapenv:Header");
        }
        return w.open("soapenv:Body").raw(body).close("soapenv:Body").close("soapenv:Envelope").toString();
    }

    /**
     * A fault. {@code limit} is null for faults raised before the call was counted (session, allowance,
     * injected); a fault of a counted call (e.g. INVALID_FIELD) still reports the allowance in its header.
     */
    static String fault(SoapFault f, long[] limit) {
        XmlWriter w = new XmlWriter().raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:sf=\"urn:fault.partner.soap.sforce.com\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
        if (limit != null) {
            w.open("soapenv:Header").open("LimitInfoHeader", "xmlns=\"" + Xml.PARTNER + "\"").open("limitInfo")
                    .element("current", limit[0]).element("limit", limit[1]).element("type", "API REQUESTS")
                    .close("limitInfo").close("LimitInfoHeader").close("soapenv:Header");
        }
        w.open("soapenv:Body").open("soapenv:Fault")
                .element("faultcode", "sf:" + f.code())
                .element("faultstring", f.code() + ": " + f.getMessage())
                .open("detail")
                .open("sf:" + f.faultType(), "xsi:type=\"sf:" + f.faultType() + "\"")
                .element("sf:exceptionCode", f.code())
                .element("sf:exceptionMessage", f.getMessage());
        if (f.row() != null) {
            w.element("sf:row", f.row()).element("sf:column", f.column());
        }
        return w.close("sf:" + f.faultType()).close("detail").close("soapenv:Fault").close("soapenv:Body")
                .close("soapenv:Envelope").toString();
    }

    /** A fault outside the Partner API's own (unparseable request, unknown operation): no detail. */
    static String clientFault(String message) {
        return new XmlWriter().raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">")
                .open("soapenv:Body").open("soapenv:Fault").element("faultcode", "soapenv:Client")
                .element("faultstring", message).close("soapenv:Fault").close("soapenv:Body")
                .close("soapenv:Envelope").toString();
    }

    // ------------------------------------------------------------------ query

    /**
     * One page of a query. Each record starts with sf:type and the record's Id (nil if Id wasn't selected), then
     * the selected fields in select-list order — so a query selecting Id has it twice, as the Partner API does.
     */
    static String queryResult(String operation, List<RecordSnapshot> page, List<FieldDef> fields, boolean done,
                              String locator, int size) {
        XmlWriter w = new XmlWriter().open(operation + "Response").open("result")
                .element("done", done).element("queryLocator", locator);
        for (RecordSnapshot r : page) {
            boolean idSelected = fields.stream().anyMatch(f -> f.name().equals("Id"));
            w.open("records", "xsi:type=\"sf:sObject\"").element("sf:type", r.type())
                    .element("sf:Id", idSelected ? r.id() : null);
            for (FieldDef f : fields) {
                Object v = r.get(f.name());
                if (v != null && f.type() == FieldType.ANYTYPE) {
                    w.open("sf:" + f.name(), "xsi:type=\"" + Values.xsdType(v) + "\"").raw(Xml.escape(Values.format(v)))
                            .close("sf:" + f.name());
                } else {
                    w.element("sf:" + f.name(), v == null ? null : Values.format(v));
                }
            }
            w.close("records");
        }
        return w.element("size", size).close("result").close(operation + "Response").toString();
    }

    // ------------------------------------------------------------------ DML

    static String saveResults(String operation, List<SaveResult> results, boolean upsert) {
        XmlWriter w = new XmlWriter().open(operation + "Response");
        for (SaveResult r : results) {
            w.open("result");
            if (upsert) {
                w.element("created", r.created());
            }
            for (SaveResult.Error e : r.errors()) {
                w.open("errors");
                e.fields().forEach(f -> w.element("fields", f));
                w.element("message", e.message()).element("statusCode", e.statusCode()).close("errors");
            }
            w.element("id", r.id()).element("success", r.success()).close("result");
        }
        return w.close(operation + "Response").toString();
    }

    // ------------------------------------------------------------------ describe

    static String describeSObject(SObjectDef o, String baseUrl) {
        XmlWriter w = new XmlWriter().open("describeSObjectResponse").open("result")
                .element("activateable", false)
                .element("compactLayoutable", o.createable())
                .element("createable", o.createable())
                .element("custom", false)
                .element("customSetting", false)
                .element("deepCloneable", false)
                .element("deletable", o.createable())
                .element("deprecatedAndHidden", false)
                .element("feedEnabled", o.createable());
        for (FieldDef f : o.fields()) {
            field(w, f);
        }
        String detail = baseUrl + "/{ID}";
        return w.element("hasSubtypes", false)
                .element("idEnabled", true)
                .element("isInterface", false)
                .element("isSubtype", false)
                .element("keyPrefix", o.keyPrefix())
                .element("label", o.label())
                .element("labelPlural", o.labelPlural())
                .element("layoutable", o.createable())
                .element("mergeable", o.name().equals(StandardObjects.LEAD))
                .element("mruEnabled", o.createable())
                .element("name", o.name())
                .element("queryable", true)
                .element("replicateable", true)
                .element("retrieveable", true)
                .element("searchable", o.createable())
                .element("triggerable", o.createable())
                .element("undeletable", o.createable())
                .element("updateable", o.updateable())
                .element("urlDetail", detail)
                .element("urlEdit", detail + "/e")
                .element("urlNew", baseUrl + "/" + o.keyPrefix() + "/e")
                .close("result").close("describeSObjectResponse").toString();
    }

    private static void field(XmlWriter w, FieldDef f) {
        boolean text = f.type().isText() || f.type().isId();
        w.open("fields")
                .element("aggregatable", f.type() != FieldType.TEXTAREA && f.type() != FieldType.ANYTYPE)
                .element("aiPredictionField", false)
                .element("autoNumber", false)
                .element("byteLength", f.byteLength())
                .element("calculated", f.name().equals("Name") && f.nameField() && !f.createable())
                .element("caseSensitive", false)
                .element("createable", f.createable())
                .element("custom", f.custom())
                .element("defaultedOnCreate", f.defaultedOnCreate())
                .element("dependentPicklist", false)
                .element("deprecatedAndHidden", false)
                .element("digits", f.type() == FieldType.INT ? 9 : 0)
                .element("externalId", f.externalId())
                .element("filterable", f.filterable())
                .element("groupable", f.type() != FieldType.TEXTAREA && f.type() != FieldType.DATETIME
                        && f.type() != FieldType.DOUBLE && f.type() != FieldType.ANYTYPE)
                .element("idLookup", f.type() == FieldType.ID || f.externalId() || f.name().equals("Email"))
                .element("label", f.label())
                .element("length", text ? f.length() : 0)
                .element("name", f.name())
                .element("nameField", f.nameField())
                .element("namePointing", f.referenceTo().size() > 1)
                .element("nillable", f.nillable())
                .element("permissionable", f.custom() || (f.nillable() && f.updateable()));
        for (PicklistValue p : f.picklistValues()) {
            w.open("picklistValues").element("active", p.active()).element("defaultValue", p.defaultValue())
                    .element("label", p.label()).element("value", p.value()).close("picklistValues");
        }
        w.element("polymorphicForeignKey", f.referenceTo().size() > 1)
                .element("precision", f.type() == FieldType.DOUBLE ? f.precision() : 0)
                .element("queryByDistance", false);
        f.referenceTo().forEach(r -> w.element("referenceTo", r));
        w.optional("relationshipName", f.relationshipName())
                .element("restrictedPicklist", f.restrictedPicklist())
                .element("scale", f.type() == FieldType.DOUBLE ? f.scale() : 0)
                .element("searchPrefilterable", f.type() == FieldType.REFERENCE)
                .element("soapType", f.type().soapType())
                .element("sortable", f.type() != FieldType.TEXTAREA && f.type() != FieldType.ANYTYPE)
                .element("type", f.type().describeName())
                .element("unique", f.unique())
                .element("updateable", f.updateable())
                .close("fields");
    }

    // ------------------------------------------------------------------ user info / login

    record UserInfo(String orgId, String orgName, String userId, String username, String fullName, String email,
                    int sessionSecondsValid) {
    }

    static String userInfoFields(UserInfo u) {
        return new XmlWriter()
                .element("accessibilityMode", false)
                .element("chatterExternal", false)
                .element("currencySymbol", "$")
                .element("orgAttachmentFileSizeLimit", 5242880)
                .element("orgDefaultCurrencyIsoCode", "USD")
                .element("orgDefaultCurrencyLocale", "en_US")
                .element("orgDisallowHtmlAttachments", false)
                .element("orgHasPersonAccounts", false)
                .element("organizationId", u.orgId())
                .element("organizationMultiCurrency", false)
                .element("organizationName", u.orgName())
                .element("profileId", "00e" + u.orgId().substring(3, 15))
                .element("roleId", null)
                .element("sessionSecondsValid", u.sessionSecondsValid())
                .element("userDefaultCurrencyIsoCode", null)
                .element("userEmail", u.email())
                .element("userFullName", u.fullName())
                .element("userId", u.userId())
                .element("userLanguage", "en_US")
                .element("userLocale", "en_US")
                .element("userName", u.username())
                .element("userTimeZone", "America/Los_Angeles")
                .element("userType", "Standard")
                .element("userUiSkin", "Theme3")
                .toString();
    }

    static String userInfo(UserInfo u) {
        return "<getUserInfoResponse><result>" + userInfoFields(u) + "</result></getUserInfoResponse>";
    }

    static String login(String metadataServerUrl, String serverUrl, String sessionId, UserInfo u) {
        return new XmlWriter().open("loginResponse").open("result")
                .element("metadataServerUrl", metadataServerUrl)
                .element("passwordExpired", false)
                .element("sandbox", false)
                .element("serverUrl", serverUrl)
                .element("sessionId", sessionId)
                .element("userId", u.userId())
                .open("userInfo").raw(userInfoFields(u)).close("userInfo")
                .close("result").close("loginResponse").toString();
    }

    static String serverTimestamp(String timestamp) {
        return new XmlWriter().open("getServerTimestampResponse").open("result").element("timestamp", timestamp)
                .close("result").close("getServerTimestampResponse").toString();
    }
}
