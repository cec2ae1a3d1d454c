package io.leadsla.connector.hubspot.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A CRM search (POST /crm/v3/objects/{type}/search): filter groups are OR-ed, the filters of a
 * group AND-ed; at most 200 results a page and 10,000 a query.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchRequest(List<FilterGroup> filterGroups, List<Sort> sorts, List<String> properties, int limit,
                            String after) {

    public static final int MAX_PAGE = 200;
    /** HubSpot refuses to page past this many results of one query. */
    public static final int MAX_RESULTS = 10_000;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Filter(String propertyName, String operator, String value, String highValue, List<String> values) {

        public static Filter of(String property, String operator, String value) {
            return new Filter(property, operator, value, null, null);
        }

        public static Filter between(String property, String low, String high) {
            return new Filter(property, "BETWEEN", low, high, null);
        }
    }

    public record FilterGroup(List<Filter> filters) {
    }

    public record Sort(String propertyName, String direction) {
    }

    public SearchRequest page(String nextAfter) {
        return new SearchRequest(filterGroups, sorts, properties, limit, nextAfter);
    }
}
