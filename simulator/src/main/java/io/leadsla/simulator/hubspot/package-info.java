/**
 * A stateful HubSpot portal on localhost for leadsla's end-to-end tests, benchmarks and demo.
 * Entry point: {@link io.leadsla.simulator.hubspot.HubSpotSimulator}.
 *
 * <p>How closely shapes follow HubSpot. Confirmed against HubSpot's docs, changelog or captured responses
 * quoted in public client code: error body fields and categories; the PROPERTY_DOESNT_EXIST validation
 * body; the 401 body; 429 bodies (errorType RATE_LIMIT, policyName TEN_SECONDLY_ROLLING / DAILY / SECONDLY);
 * the rate-limit header names; {@code application/json;charset=utf-8}; batch update 200 vs 207 with
 * {@code status, results, numErrors, errors}; the 409 "Contact already exists. Existing ID: …" body; the
 * "No properties found to update" message; property history fields ({@code value, timestamp, sourceType,
 * sourceId, updatedByUserId}, newest first); search limits (200 per page, 10,000 per query, 5 per second,
 * no limit headers); {@code associations.contact} filters on activities; association type ids 193/194,
 * 197/198, 199/200, 203/204; the v4 association list shape; owner JSON; webhook event fields,
 * {@code changeFlag}, changeSource CRM_UI with sourceId {@code userId:<id>} and INTEGRATION with the app id,
 * merge fields; v3 and v1 signature headers and algorithms (checked against HubSpot's published vectors);
 * DELETE answering 204 for a missing record.
 *
 * <p>Inferred (comments at each site say so): messages of most 400s; 207 error text for missing batch ids;
 * the bare 404 on reading a missing record; READ_ONLY_VALUE / INVALID_OPTION / INVALID_OWNER_ID /
 * REQUIRED_PROPERTY codes; which properties come back by default besides the documented contact defaults;
 * NEQ/NOT_IN matching records without a value; the SECONDLY policy name on search 429s; search requests
 * also counting toward the 10-second limit; paging 400 exactly at {@code after >= 10000}; lifecycle stage
 * dates set on first entry only; sales-activity rollups; the retry schedule's spread over 24 hours.
 */
package io.leadsla.simulator.hubspot;
