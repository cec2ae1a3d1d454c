package io.leadsla.connector.salesforce.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SalesforceIdsTest {

    @Test
    void addsTheCaseChecksumToA15CharacterId() {
        // a widely published example of the conversion
        assertThat(SalesforceIds.to18("001A0000006Vm9r")).isEqualTo("001A0000006Vm9rIAC");
        assertThat(SalesforceIds.to18("00Q8c00001XyZaB")).isEqualTo("00Q8c00001XyZaBEAV");
        assertThat(SalesforceIds.to18("00q8c00001xyzab")).isEqualTo("00q8c00001xyzabAAA");
    }

    @Test
    void keeps18CharacterIdsAndRefusesWhatIsNotAnId() {
        assertThat(SalesforceIds.to18("001A0000006Vm9rIAC")).isEqualTo("001A0000006Vm9rIAC");
        assertThat(SalesforceIds.to18("001A0000006Vm9")).isNull();
        assertThat(SalesforceIds.to18("001A0000006Vm9r!")).isNull();
        assertThat(SalesforceIds.to18("001A0000006Vm-r")).isNull();
        assertThat(SalesforceIds.to18(null)).isNull();
    }
}
