package io.leadsla.connector.salesforce.api;

/**
 * The org's daily API budget as Salesforce reports it after each call (the SOAP LimitInfoHeader's
 * "API REQUESTS" current/limit, a rolling 24 hours). Polling slows down past {@code slowShare}
 * and non-essential calls pause past {@code pauseShare}; write-backs and tasks go on until
 * Salesforce itself refuses (REQUEST_LIMIT_EXCEEDED).
 */
public final class OrgBudget {

    private final double slowShare;
    private final double pauseShare;
    private long used;
    private long limit;
    private boolean exhausted;

    public OrgBudget(double slowShare, double pauseShare) {
        if (!(slowShare > 0 && slowShare <= pauseShare && pauseShare <= 1)) {
            throw new IllegalArgumentException("need 0 < slowShare <= pauseShare <= 1, got " + slowShare + " and " + pauseShare);
        }
        this.slowShare = slowShare;
        this.pauseShare = pauseShare;
    }

    synchronized void reported(long current, long max) {
        used = current;
        limit = max;
        exhausted = max > 0 && current >= max;
    }

    synchronized void exhausted() {
        exhausted = true;
    }

    public synchronized long used() {
        return used;
    }

    /** The limit Salesforce reported; 0 before the first call. */
    public synchronized long limit() {
        return limit;
    }

    private double share() {
        return limit <= 0 ? 0 : (double) used / limit;
    }

    /** Poll less often: the budget is getting spent. */
    public synchronized boolean slowDown() {
        return exhausted || share() >= slowShare;
    }

    /** Skip polling altogether: keep what is left for write-backs and tasks. */
    public synchronized boolean pauseNonEssential() {
        return exhausted || share() >= pauseShare;
    }

    public synchronized boolean isExhausted() {
        return exhausted;
    }
}
