package io.leadsla.simulator.salesforce;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SalesforceIdsTest {
    @Test
    void suffixEncodesTheUpperCaseLettersOfEachFiveCharacterChunk() {
        // the example commonly quoted for the algorithm: "001A0" → A at position 3 → 'I', "00000" → 'A',
        // "6Vm9r" → V at position 1 → 'C'
        assertThat(SalesforceIds.to18("001A0000006Vm9r")).isEqualTo("001A0000006Vm9rIAC");
        // "00D5g" → 'E'; "00000" → 'A'; "4ABCD" → positions 1-4 → 30 → '4'
        assertThat(SalesforceIds.to18("00D5g000004ABCD")).isEqualTo("00D5g000004ABCDEA4");
        assertThat(SalesforceIds.to18("001000000000000")).isEqualTo("001000000000000AAA");
        assertThat(SalesforceIds.to18("ZZZZZ00000zzzzz")).isEqualTo("ZZZZZ00000zzzzz5AA");
    }

    @Test
    void normalizesFifteenAndEighteenCharacterForms() {
        String id18 = SalesforceIds.to18("00Q5g00000AbCdE");
        assertThat(SalesforceIds.normalize("00Q5g00000AbCdE")).contains(id18);
        assertThat(SalesforceIds.normalize(id18.substring(0, 15) + id18.substring(15).toLowerCase()))
                .contains(id18);
        assertThat(SalesforceIds.normalize("00Q5g00000AbCdEAAA")).isEmpty();
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
