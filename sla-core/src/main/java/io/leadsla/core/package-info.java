/**
 * The leadsla SLA domain: normalized lead events, business calendars, policies, clocks and KPIs.
 *
 * <p>Pure: no I/O, no HTTP, JSON, SQL or CRM code (an architecture test keeps it so). Every
 * time-dependent computation takes "now" as an argument, so callers inject time.
 */
package io.leadsla.core;
