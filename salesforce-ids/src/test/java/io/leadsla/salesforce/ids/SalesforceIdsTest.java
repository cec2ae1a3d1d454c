package io.leadsla.salesforce.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class SalesforceIdsTest {

    @Test
    void addsTheCaseSuffixToA15CharacterId() {
        // Salesforce's published example: "001A0" → A at position 3 → 'I', "00000" → 'A',
        // "6Vm9r" → V at position 1 → 'C'
        assertThat(SalesforceIds.to18("001A0000006Vm9r")).isEqualTo("001A0000006Vm9rIAC");
        // "00D5g" → 'E'; "00000" → 'A'; "4ABCD" → positions 1-4 → 30 → '4'
        assertThat(SalesforceIds.to18("00D5g000004ABCD")).isEqualTo("00D5g000004ABCDEA4");
        assertThat(SalesforceIds.to18("00Q8c00001XyZaB")).isEqualTo("00Q8c00001XyZaBEAV");
        assertThat(SalesforceIds.to18("00q8c00001xyzab")).isEqualTo("00q8c00001xyzabAAA");
        assertThat(SalesforceIds.to18("001000000000000")).isEqualTo("001000000000000AAA");
        assertThat(SalesforceIds.to18("ZZZZZ00000zzzzz")).isEqualTo("ZZZZZ00000zzzzz5AA");
        // pairs published with both forms in public Outbound Message samples and code
        assertThat(SalesforceIds.to18("00QWV00000CZjEf")).isEqualTo("00QWV00000CZjEf2AL");
        assertThat(SalesforceIds.to18("00D5e000000KQ2e")).isEqualTo("00D5e000000KQ2eEAG");
    }

    @Test
    void to18TakesOnly15Base62Characters() {
        assertThatThrownBy(() -> SalesforceIds.to18("001A0000006Vm9rIAC")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SalesforceIds.to18("001A0000006Vm-r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SalesforceIds.to18(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recognisesTheShapeOfAnId() {
        assertThat(SalesforceIds.isId("001A0000006Vm9r")).isTrue();
        assertThat(SalesforceIds.isId("001A0000006Vm9rIAC")).isTrue();
        assertThat(SalesforceIds.isId("001A0000006Vm9")).isFalse(); // 14 characters
        assertThat(SalesforceIds.isId("001A0000006Vm9rI")).isFalse(); // 16
        assertThat(SalesforceIds.isId("001A0000006Vm9rIA")).isFalse(); // 17
        assertThat(SalesforceIds.isId("001A0000006Vm-r")).isFalse();
        assertThat(SalesforceIds.isId("001A0000006Vm9é")).isFalse(); // a letter, but not base 62
        assertThat(SalesforceIds.isId(" 001A0000006Vm9r")).isFalse();
        assertThat(SalesforceIds.isId(null)).isFalse();
    }

    @Test
    void restoresTheCaseOfAn18CharacterIdFromItsSuffix() {
        assertThat(SalesforceIds.restoreCase("001a0000006vm9riac")).contains("001A0000006Vm9rIAC");
        assertThat(SalesforceIds.restoreCase("00QWV00000CZJEF2AL")).contains("00QWV00000CZjEf2AL");
        assertThat(SalesforceIds.restoreCase("001A0000006Vm9rIAC")).contains("001A0000006Vm9rIAC");
        assertThat(SalesforceIds.restoreCase("001A0000006Vm9rIA9")).isEmpty(); // 9 never occurs in a suffix
        assertThat(SalesforceIds.restoreCase("001A0000006Vm9rZAC")).isEmpty(); // Z marks digits as upper case
        assertThatThrownBy(() -> SalesforceIds.restoreCase("001A0000006Vm9r")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCanonicalFormIsThe18CharacterOne() {
        assertThat(SalesforceIds.canonical("001A0000006Vm9r")).contains("001A0000006Vm9rIAC");
        assertThat(SalesforceIds.canonical("001A0000006Vm9rIAC")).contains("001A0000006Vm9rIAC");
        assertThat(SalesforceIds.canonical("001A0000006Vm9riac")).contains("001A0000006Vm9rIAC");
        assertThat(SalesforceIds.canonical("001a0000006vm9riac")).contains("001A0000006Vm9rIAC");
        // 15-character ids are case-sensitive: another case is another record
        assertThat(SalesforceIds.canonical("001a0000006vm9r")).contains("001a0000006vm9rAAA");
    }

    @Test
    void refusesWhatIsNotAnId() {
        assertThat(SalesforceIds.canonical("001A0000006Vm9")).isEmpty();
        assertThat(SalesforceIds.canonical("001A0000006Vm9r!")).isEmpty();
        assertThat(SalesforceIds.canonical("001A0000006Vm-r")).isEmpty();
        assertThat(SalesforceIds.canonical("001A0000006Vm9rIA")).isEmpty();
        assertThat(SalesforceIds.canonical("001A0000006Vm9rIA9")).isEmpty();
        assertThat(SalesforceIds.canonical("001A0000006Vm9rZAC")).isEmpty();
        assertThat(SalesforceIds.canonical("Jane Doe")).isEmpty();
        assertThat(SalesforceIds.canonical(null)).isEmpty();
    }

    @Test
    void everyCaseOfA15CharacterIdRoundTripsThroughItsLowerCased18CharacterForm() {
        // the suffix's whole purpose: the 18-character form with the case lost still names one record
        String letters = "AbCdEfGhIjKlMnO";
        for (int mask = 0; mask < 1 << 15; mask += 37) {
            StringBuilder id15 = new StringBuilder(15);
            for (int i = 0; i < 15; i++) {
                char c = letters.charAt(i);
                id15.append((mask & (1 << i)) != 0 ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
            String id18 = SalesforceIds.to18(id15.toString());
            assertThat(SalesforceIds.canonical(id18.toLowerCase(Locale.ROOT))).contains(id18);
        }
    }
}
