/**
 * A stateful Salesforce org on localhost for leadsla's tests, benchmarks and demo, spoken to with force-wsc's
 * {@code PartnerConnection}. Entry point: {@link io.leadsla.simulator.salesforce.SalesforceSimulator}.
 *
 * <h2>Confirmed, and from where</h2>
 * <ul>
 * <li><b>Partner API response shapes</b>, from force-partner-api 65.0.0's generated binders (their
 * {@code loadFields} order, element namespaces and {@code TypeInfo} min/max occurs) and force-wsc's source
 * ({@code SoapConnection}, {@code TypeMapper}, {@code XmlObject}, {@code JdkHttpTransport}): body elements in
 * {@code urn:partner.soap.sforce.com}; QueryResult done, queryLocator, records, size; records typed
 * {@code xsi:type="sf:sObject"} with fields in {@code urn:sobject.partner.soap.sforce.com}; SaveResult errors,
 * id, success; UpsertResult created, errors, id, success; Error fields, message, statusCode; describe Field and
 * DescribeSObjectResult element order; PicklistEntry active, defaultValue, label, value; GetUserInfoResult and
 * LoginResult order; fault detail types (UnexpectedErrorFault, InvalidFieldFault, InvalidSObjectFault,
 * MalformedQueryFault with row/column, InvalidQueryLocatorFault, LoginFault) chosen by the detail's
 * {@code xsi:type}; the StatusCode/ExceptionCode names used. force-wsc sends {@code SOAPAction: ""}, gzips
 * requests and accepts gzip, reads a fault from any status ≥ 400, rejects unknown response headers, and calls
 * a SessionRenewer only when an INVALID_SESSION_ID faultstring contains "Illegal Session"/"Session not found".</li>
 * <li><b>Salesforce documentation</b>: the LimitInfoHeader sample (current, limit, type "API REQUESTS"; on all
 * calls except login); Partner queries returning Id twice when selected and a nil Id when not, fields in
 * select-list order; the queryMore sample (locator {@code <cursor>-<offset>}, size = total rows); QueryOptions
 * batch size default 500, 200..2000; the outbound messaging WSDL (notifications: OrganizationId, ActionId,
 * nillable SessionId, EnterpriseUrl, PartnerUrl, up to 100 Notification of Id + sObject; notificationsResponse
 * Ack); the JWT bearer response fields (access_token, scope, instance_url, id, token_type) and the client
 * credentials response fields (plus signature, issued_at, api_instance_url; signature = HMAC-SHA256 of id +
 * issued_at with the consumer secret).</li>
 * <li><b>Responses captured from real orgs and quoted in public client code and issue threads</b>: the
 * INVALID_SESSION_ID fault envelope and its "Invalid Session ID found in SessionHeader: Illegal Session…" text;
 * INVALID_FIELD "No such column 'X' on entity 'Y'. If you are attempting to use a custom field…" with the echoed
 * query line, caret and "ERROR at Row:1:Column:N"; INVALID_TYPE "sObject type 'X' is not supported…"; "Didn't
 * understand relationship"; "unexpected token: 'X'"; "value of filter criterion for field 'X' must be of type
 * dateTime and should not be enclosed in quotes"; an unknown field in update failing the whole call with
 * sf:INVALID_FIELD (Force.com-Toolkit-for-PHP #25); EXCEEDED_ID_LIMIT "record limit reached. cannot submit more
 * than 200 records into this call"; UNABLE_TO_LOCK_ROW "unable to obtain exclusive access to this record or 1
 * records: id"; MALFORMED_ID "Lead ID: id value of incorrect type: x"; FIELD_INTEGRITY_EXCEPTION "Name ID: id
 * value of incorrect type" for a WhoId of the wrong object; ENTITY_IS_DELETED "entity is deleted";
 * INVALID_FIELD_FOR_INSERT_UPDATE "Unable to create/update fields: …"; REQUIRED_FIELD_MISSING "Required fields
 * are missing: [..]"; REQUEST_LIMIT_EXCEEDED "TotalRequests Limit exceeded."; REST's 401
 * {@code [{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]}; the OAuth errors
 * invalid_grant (invalid assertion, audience is invalid, expired authorization code, user hasn't approved this
 * consumer), invalid_client_id (client identifier invalid), invalid_client (invalid client credentials); a real
 * Lead outbound message (Ids 04k…/04l…, {@code sf:Lead} in {@code urn:sobject.enterprise.soap.sforce.com}, Id
 * first then the fields in sorted order, 15-character org id in the URLs, nil SessionId).</li>
 * <li>The 15→18 character id suffix algorithm (checked against the commonly quoted 001A0000006Vm9r →
 * 001A0000006Vm9rIAC).</li>
 * </ul>
 *
 * <h2>Inferred (comments at each site say so where it matters)</h2>
 * INVALID_CROSS_REFERENCE_KEY for a well-formed id of the right object that never existed; MALFORMED_ID for an
 * id of another object in update; UnexpectedErrorFault as EXCEEDED_ID_LIMIT's detail type; row/column -1 on
 * INVALID_FIELD faults outside SOQL; the LimitInfoHeader on faults of counted calls (none on session,
 * allowance or injected faults); SERVER_UNAVAILABLE's message and the 503 HTML page; the messages of
 * CANNOT_UPDATE_CONVERTED_LEAD, INVALID_TYPE_ON_FIELD_IN_RECORD, STRING_TOO_LONG,
 * INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST, DUPLICATE_VALUE, DUPLICATE_EXTERNAL_ID, MISSING_ARGUMENT, "Field name
 * provided, X is not an External ID or indexed field for Y" and "cannot specify Id in an insert call"; a
 * "created" LeadHistory row on create and two Owner rows (ids, then names) per owner change; cursors as
 * snapshots, at most 10 per user; JWT: unknown sub → invalid assertion, other known users → not approved;
 * unsupported_grant_type and "no client credentials user enabled"; token requests not counted against the
 * allowance, refused calls not counted, a rolling 24-hour window; session timeout counted from last use;
 * SOQL details beyond the messages above (!= and NOT IN match empty fields, NULLS FIRST for ASC and LAST for
 * DESC by default, creation order without ORDER BY, "duplicate field selected"); outbound notifications carry
 * the record as of the triggering change and omit empty fields; the default retry schedule's shape; standard
 * picklists other than Lead Status, Lead Source, Rating, Task Status/Priority/TaskSubtype.
 */
package io.leadsla.simulator.salesforce;
