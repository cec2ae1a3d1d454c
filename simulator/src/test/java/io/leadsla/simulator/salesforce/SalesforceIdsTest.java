package io.leadsla.simulator.salesforce;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SalesforceIdsTest {
    @Test
    void suffixIsTheSharedOne() {
        // the algorithm's cases live in salesforce-ids; this only checks the simulator uses it
        assertThat(SalesforceIds.to18("001A0000006Vm9r")).isEqualTo("001A0000006Vm9rIAC");
    }

    @Test
    void normalizesFifteenAndEighteenCharacterForms() {
        String id18 = SalesforceIds.to18("00Q5g00000AbCdE");
        assertThat(SalesforceIds.normalize("00Q5g00000AbCdE")).contains(id18);
        assertThat(SalesforceIds.normalize(id18.substring(0, 15) + id18.substring(15).toLowerCase()))
                .contains(id18);
        // stricter than the shared canonical form: a suffix disagreeing with the case is not repaired
        assertThat(SalesforceIds.normalize("00Q5g00000AbCdEAAA")).isEmpty();
        assertThat(SalesforceIds.normalize(id18.toLowerCase())).isEmpty();
        assertThat(SalesforceIds.normalize("00Q5g00000AbCd")).isEmpty();
        assertThat(SalesforceIds.normalize("00Q5g00000AbCd!")).isEmpty();
    }

    @Test
    void generatesDistinctIdsPerKeyPrefix() {
        SalesforceIds ids = new SalesforceIds("00D5g000004ABCDEA4");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5000; i++) {
            String id = ids.next("00Q");
            assertThat(id).hasSize(18).startsWith("00Q5g0");
            assertThat(SalesforceIds.normalize(id)).contains(id);
            seen.add(id);
        }
        assertThat(seen).hasSize(5000);
    }
}
