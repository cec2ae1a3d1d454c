package io.leadsla.core.clock;

/** Where a clock stands. The first three are open clocks, the last three closed ones. */
public enum ClockStatus {
    /** Running, less than the at-risk share of the target used. */
    ON_TRACK,
    /** Running, past the at-risk share: act now. */
    AT_RISK,
    /** Running past its due time: the SLA is breached and still unmet. */
    BREACHED,
    /** Stopped before its due time (or, for quality, complete data at handoff). */
    MET,
    /** Stopped after its due time (or, for quality, data missing at handoff). */
    MISSED,
    /** Stopped by something that makes the commitment moot (deleted, recycled before the due time). */
    CANCELLED;

    public boolean isOpen() {
        return this == ON_TRACK || this == AT_RISK || this == BREACHED;
    }
}
