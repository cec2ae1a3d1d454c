package io.leadsla.connector.salesforce.api;

/** An access token and the org's instance URL, as the token endpoint answered. */
public record SalesforceToken(String accessToken, String instanceUrl) {

    @Override
    public String toString() {
        return "SalesforceToken[instanceUrl=" + instanceUrl + ", accessToken=…]"; // never log the token
    }
}
