package io.leadsla.core.policy;

/** Whether a target counts every minute or only the calendar's opening hours. */
public enum TimeBasis {
    /** Wall-clock time: nights, weekends and holidays count (e.g. "5 minutes" for a demo request). */
    WALL,
    /** Business time on the policy's calendar (e.g. "4 business hours"). */
    BUSINESS
}
