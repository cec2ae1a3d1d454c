package io.leadsla.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.leadsla.service.hubspot.HubSpotFactory;
import io.leadsla.service.pipeline.PipelineFactory;
import io.leadsla.service.salesforce.SalesforceFactory;
import io.leadsla.service.pipeline.StoreFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The service's YAML configuration ({@code config/leadsla.yml}); grows with the store, connector
 * and scheduler issues. Secrets are never written here: the YAML names them as {@code ${VAR}}.
 */
public class LeadslaConfiguration extends Configuration {

    /** The SLA policies file (calendars, tiers, policies), relative to the working directory. */
    @NotEmpty
    private String policiesFile = "config/policies.yml";

    /** Request bodies over this are refused (413) before they are read; webhook batches are far smaller. */
    @NotNull
    private io.dropwizard.util.DataSize maxRequestBody = io.dropwizard.util.DataSize.mebibytes(1);

    @Valid
    @NotNull
    private StoreFactory store = new StoreFactory();

    @JsonProperty
    public io.dropwizard.util.DataSize getMaxRequestBody() {
        return maxRequestBody;
    }

    @JsonProperty
    public void setMaxRequestBody(io.dropwizard.util.DataSize maxRequestBody) {
        this.maxRequestBody = maxRequestBody;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public long getMaxRequestBytes() {
        return maxRequestBody.toBytes();
    }

    @Valid
    @NotNull
    private PipelineFactory pipeline = new PipelineFactory();

    @Valid
    @NotNull
    private HubSpotFactory hubspot = new HubSpotFactory();

    @Valid
    @NotNull
    private SalesforceFactory salesforce = new SalesforceFactory();

    @JsonProperty
    public SalesforceFactory getSalesforce() {
        return salesforce;
    }

    @JsonProperty
    public void setSalesforce(SalesforceFactory salesforce) {
        this.salesforce = salesforce;
    }

    @JsonProperty
    public HubSpotFactory getHubspot() {
        return hubspot;
    }

    @JsonProperty
    public void setHubspot(HubSpotFactory hubspot) {
        this.hubspot = hubspot;
    }

    @JsonProperty
    public StoreFactory getStore() {
        return store;
    }

    @JsonProperty
    public void setStore(StoreFactory store) {
        this.store = store;
    }

    @JsonProperty
    public PipelineFactory getPipeline() {
        return pipeline;
    }

    @JsonProperty
    public void setPipeline(PipelineFactory pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * Every configured CRM account, HubSpot's then Salesforce's (off ones included: they say why).
     *
     * @throws IllegalStateException when an account list is malformed (names missing or repeated)
     */
    public java.util.List<io.leadsla.service.connector.CrmAccountConfig> crmAccounts() {
        java.util.List<String> problems = new java.util.ArrayList<>(hubspot.listProblems());
        problems.addAll(salesforce.listProblems());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the CRM accounts cannot be used:\n  " + String.join("\n  ", problems));
        }
        java.util.List<io.leadsla.service.connector.CrmAccountConfig> all = new java.util.ArrayList<>(hubspot.accounts());
        all.addAll(salesforce.accounts());
        return all;
    }

    @JsonProperty
    public String getPoliciesFile() {
        return policiesFile;
    }

    @JsonProperty
    public void setPoliciesFile(String policiesFile) {
        this.policiesFile = policiesFile;
    }
}
