package io.leadsla.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LeadKeyTest {

    @Test
    void noAccountIsTheDefaultOne() {
        assertThat(LeadKey.account(null)).isSameAs(LeadKey.DEFAULT_ACCOUNT);
        assertThat(LeadKey.account("  ")).isSameAs(LeadKey.DEFAULT_ACCOUNT);
        assertThat(LeadKey.account(new String("default"))).isSameAs(LeadKey.DEFAULT_ACCOUNT);
        assertThat(new LeadKey(Crm.HUBSPOT, "1001").account()).isEqualTo("default");
    }

    @Test
    void accountNamesAreLettersDigitsDashAndUnderscoreUpTo32() {
        assertThat(LeadKey.account("emea")).isEqualTo("emea");
        assertThat(LeadKey.account("NA_west-2")).isEqualTo("NA_west-2");
        assertThat(LeadKey.account("a".repeat(32))).hasSize(32);
        for (String bad : new String[] {"a".repeat(33), "em ea", "emea/1", "émea", "emea:1", "a.b"}) {
            assertThatThrownBy(() -> LeadKey.account(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("letters, digits, '-' or '_'");
        }
    }

    @Test
    void twoAccountsKeepTheSameRecordIdApart() {
        LeadKey emea = new LeadKey(Crm.HUBSPOT, "emea", "1001");
        LeadKey na = new LeadKey(Crm.HUBSPOT, "na", "1001");
        assertThat(emea).isNotEqualTo(na);
        assertThat(emea.toString()).isEqualTo("hubspot@emea:1001");
        assertThat(new LeadKey(Crm.HUBSPOT, "1001").toString()).isEqualTo("hubspot:1001");
        assertThat(emea.compareTo(na)).isNegative();
    }
}
