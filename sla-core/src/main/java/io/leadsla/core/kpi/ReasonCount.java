package io.leadsla.core.kpi;

/** One rejection reason: how many rejections gave it and their share of rejections with a reason (percent). */
public record ReasonCount(String reason, long count, double share) {
}
