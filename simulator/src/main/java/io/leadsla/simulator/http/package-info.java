/**
 * Plumbing both CRM simulators share: {@link io.leadsla.simulator.http.LocalHttpServer}, the loopback HTTP
 * server they answer on, and {@link io.leadsla.simulator.http.RetryQueue}, the queue behind their webhook
 * and Outbound Message dispatchers. Nothing here knows about HubSpot or Salesforce.
 */
package io.leadsla.simulator.http;
