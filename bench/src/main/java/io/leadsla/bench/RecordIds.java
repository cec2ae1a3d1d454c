package io.leadsla.bench;

import io.leadsla.core.event.Crm;
import io.leadsla.salesforce.ids.SalesforceIds;
import java.util.SplittableRandom;

/**
 * Hands out CRM record ids the way the CRMs do: increasing, with gaps (records created in between
 * that never became MQLs). HubSpot contact ids are plain numbers; Salesforce lead ids are
 * 15-character base-62 ids with the key prefix {@code 00Q}, extended to the 18-character
 * case-insensitive form with Salesforce's real checksum, so they look right to anyone who knows
 * them and are unique by construction (a counter, not random draws that could collide).
 *
 * <p>Mutable: one instance per generator run, used by one thread, in lead order.
 */
final class RecordIds {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** Key prefix of Lead (00Q), a pod id and the reserved zeros: the fixed head of every id. */
    private static final String SALESFORCE_HEAD = "00Q5g00000";
    private static final long SALESFORCE_SPACE = 62L * 62 * 62 * 62 * 62;

    private final SplittableRandom rng;
    private long nextHubspot = 5101;
    private long nextSalesforce;

    RecordIds(SplittableRandom rng) {
        this.rng = rng;
        // start in the lower half of the 5-character space so a million leads never run out of it
        this.nextSalesforce = SALESFORCE_SPACE / 8 + rng.nextLong(SALESFORCE_SPACE / 4);
    }

    String next(Crm crm) {
        long gap = 1 + rng.nextInt(3);
        if (crm == Crm.HUBSPOT) {
            String id = Long.toString(nextHubspot);
            nextHubspot += gap;
            return id;
        }
        if (nextSalesforce >= SALESFORCE_SPACE) {
            throw new IllegalStateException("Salesforce id space exhausted");
        }
        String id = salesforceId(nextSalesforce);
        nextSalesforce += gap;
        return id;
    }

    static String salesforceId(long counter) {
        char[] tail = new char[5];
        long v = counter;
        for (int i = 4; i >= 0; i--) {
            tail[i] = BASE62.charAt((int) (v % 62));
            v /= 62;
        }
        return withChecksum(SALESFORCE_HEAD + new String(tail));
    }

    /** Salesforce's 15 → 18 character conversion, the same code the connector reads the ids back with. */
    static String withChecksum(String id15) {
        return SalesforceIds.to18(id15);
    }
}
