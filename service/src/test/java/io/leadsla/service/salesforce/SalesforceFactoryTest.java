package io.leadsla.service.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SalesforceFactoryTest {

    private static SalesforceFactory org(String endpointSecret) {
        SalesforceFactory f = new SalesforceFactory();
        f.setClientId("3MVG9-client");
        f.setClientSecret("client-secret");
        f.setOrgId("00D5g000004EURO");
        f.setEndpointSecret(endpointSecret);
        return f;
    }

    @Test
    void aLongUrlSafeEndpointSecretIsTakenAsIs() {
        SalesforceFactory f = org("0123456789abcdef0123456789abcdef");
        assertThat(f.problems()).isEmpty();
        assertThat(f.settings().endpointSecret()).isEqualTo("0123456789abcdef0123456789abcdef");
        assertThat(f.settings().toString()).doesNotContain("0123456789abcdef");
    }

    @Test
    void noEndpointSecretIsNoProblemButRefusesOutboundMessages() {
        SalesforceFactory f = org("");
        assertThat(f.problems()).isEmpty();
        assertThat(f.settings().endpointSecret()).isNull();
    }

    @Test
    void aShortOrNonUrlSafeSecretIsNamedWithItsKey() {
        for (String bad : new String[] {"short", "0123456789abcdef0123456789abcde", "0123456789abcdef0123456789abcdef/x",
                "0123456789abcdef 0123456789abcdef"}) {
            assertThat(org(bad).problems()).as(bad).singleElement().asString()
                    .startsWith("salesforce.endpointSecret: at least 32").contains("openssl rand -hex 32");
        }
    }
}
