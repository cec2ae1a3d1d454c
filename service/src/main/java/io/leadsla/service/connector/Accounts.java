package io.leadsla.service.connector;

import io.leadsla.core.event.LeadKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules every CRM's account list follows in the configuration. */
public final class Accounts {

    private Accounts() {
    }

    /**
     * What is wrong with a CRM's list of accounts: names missing, malformed or repeated, or the
     * single-account keys set beside a list (which of the two would be meant is unclear).
     *
     * @param key           the CRM's configuration key ({@code hubspot})
     * @param singleKeysSet whether the single-account form's credentials are set too
     */
    public static List<String> problems(String key, List<String> names, boolean singleKeysSet) {
        List<String> problems = new ArrayList<>();
        if (names.isEmpty()) {
            return problems;
        }
        if (singleKeysSet) {
            problems.add(key + ": set either the single account's keys or " + key + ".accounts, not both");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String at = key + ".accounts[" + i + "].name";
            if (name == null || name.isBlank()) {
                problems.add(at + ": every account needs a name (letters, digits, '-' or '_'), e.g. emea");
                continue;
            }
            try {
                LeadKey.account(name);
            } catch (IllegalArgumentException e) {
                problems.add(at + ": " + e.getMessage());
                continue;
            }
            if (!seen.add(name)) {
                problems.add(at + ": '" + name + "' names two accounts");
            }
        }
        return problems;
    }
}
