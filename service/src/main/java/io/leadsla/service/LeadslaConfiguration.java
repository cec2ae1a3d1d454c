package io.leadsla.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import jakarta.validation.constraints.NotEmpty;

/**
 * The service's YAML configuration ({@code config/leadsla.yml}); grows with the store, connector
 * and scheduler issues. Secrets are never written here: the YAML names them as {@code ${VAR}}.
 */
public class LeadslaConfiguration extends Configuration {

    /** The SLA policies file (calendars, tiers, policies), relative to the working directory. */
    @NotEmpty
    private String policiesFile = "config/policies.yml";

    @JsonProperty
    public String getPoliciesFile() {
        return policiesFile;
    }

    @JsonProperty
    public void setPoliciesFile(String policiesFile) {
        this.policiesFile = policiesFile;
    }
}
