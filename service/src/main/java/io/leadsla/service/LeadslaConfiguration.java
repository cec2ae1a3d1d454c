package io.leadsla.service;

import io.dropwizard.core.Configuration;

/** The service's YAML configuration; grows with the store, connector and scheduler issues. */
public class LeadslaConfiguration extends Configuration {
}
