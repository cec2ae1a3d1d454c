package io.leadsla.simulator.salesforce;

/**
 * One notification: its id (04l…, kept across retries and redeliveries), the message definition (ActionId
 * 04k…) that queued it, and the record as it was when the rule fired.
 */
public record OutboundNotification(String id, String actionId, RecordSnapshot record) {
}
