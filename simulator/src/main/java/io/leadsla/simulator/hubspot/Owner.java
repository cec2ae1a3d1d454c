package io.leadsla.simulator.hubspot;

import java.time.Instant;
import java.util.List;

/** A HubSpot owner (always type PERSON here). {@code id} is what records reference in hubspot_owner_id. */
public record Owner(String id, String email, String firstName, String lastName, long userId,
                    List<Team> teams, Instant createdAt) {

    public Owner {
        teams = List.copyOf(teams);
    }

    public record Team(String id, String name, boolean primary) {
    }
}
