package io.leadsla.connector.salesforce.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SalesforceIdTest {

    @Test
    void adds_the_case_checksum_to_15_character_ids() {
        // pairs published with both forms: a widely quoted example, and ids appearing in their two
        // forms in public Outbound Message samples and code
        assertThat(SalesforceId.of("001A0000006Vm9r").value()).isEqualTo("001A0000006Vm9rIAC");
        assertThat(SalesforceId.of("00QWV00000CZjEf").value()).isEqualTo("00QWV00000CZjEf2AL");
        assertThat(SalesforceId.of("00D5e000000KQ2e").value()).isEqualTo("00D5e000000KQ2eEAG");
    }

    @Test
    void the_two_forms_of_one_id_are_the_same_id() {
        assertThat(SalesforceId.of("00QWV00000CZjEf")).isEqualTo(SalesforceId.of("00QWV00000CZjEf2AL"));
        assertThat(SalesforceId.of("00QWV00000CZjEf2AL").to15()).isEqualTo("00QWV00000CZjEf");
        // 15-character ids are case-sensitive: another case is another record
        assertThat(SalesforceId.of("00qwv00000czjef")).isNotEqualTo(SalesforceId.of("00QWV00000CZjEf"));
    }

    @Test
    void restores_the_case_of_an_18_character_id_from_its_suffix() {
        assertThat(SalesforceId.of("001a0000006vm9riac").value()).isEqualTo("001A0000006Vm9rIAC");
        assertThat(SalesforceId.of(" 00QWV00000CZJEF2AL ").value()).isEqualTo("00QWV00000CZjEf2AL");
    }

    @Test
    void names_the_object_by_its_key_prefix() {
        assertThat(SalesforceId.of("0055e000001RepA").isUser()).isTrue();
        assertThat(SalesforceId.of("00G5e000000MktQ").isQueue()).isTrue();
        assertThat(SalesforceId.of("00Q5e00000AbCdE").isLead()).isTrue();
        assertThat(SalesforceId.of("00D5e000000KQ2e").isOrganization()).isTrue();
        assertThat(SalesforceId.of("00G5e000000MktQ").isUser()).isFalse();
        assertThat(SalesforceId.of("00G5e000000MktQ").keyPrefix()).isEqualTo("00G");
    }

    @Test
    void refuses_what_is_not_an_id() {
        assertThat(SalesforceId.parse("001A0000006Vm9")).isEmpty(); // 14 characters
        assertThat(SalesforceId.parse("001A0000006Vm9rIA")).isEmpty(); // 17
        assertThat(SalesforceId.parse("001A0000006Vm-r")).isEmpty();
        assertThat(SalesforceId.parse("001A0000006Vm9rIA9")).isEmpty(); // 9 never occurs in a suffix
        assertThat(SalesforceId.parse("001A0000006Vm9rZAC")).isEmpty(); // Z marks digits as upper case
        assertThat(SalesforceId.parse(null)).isEmpty();
        assertThatThrownBy(() -> SalesforceId.of("Jane Doe"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'Jane Doe' is not a Salesforce id (15 or 18 letters and digits)");
        assertThatThrownBy(() -> new SalesforceId("001A0000006Vm9r")).isInstanceOf(IllegalArgumentException.class);
    }
}
