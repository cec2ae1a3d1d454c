package io.leadsla.connector.salesforce.api;

import com.sforce.soap.partner.DescribeSObjectResult;
import com.sforce.soap.partner.Field;
import com.sforce.soap.partner.PicklistEntry;
import io.leadsla.connector.salesforce.mapping.FieldInfo;
import io.leadsla.connector.salesforce.mapping.OrgSchema;
import java.util.ArrayList;
import java.util.List;

/** The org's Lead object as leadsla's user sees it ({@code describeSObject("Lead")}), for checking the mapping. */
public final class LeadDescribe {

    private LeadDescribe() {
    }

    public static OrgSchema read(SalesforceSession session) {
        DescribeSObjectResult lead = session.call("describeSObject Lead", c -> c.describeSObject("Lead"));
        List<FieldInfo> fields = new ArrayList<>();
        for (Field f : lead.getFields()) {
            List<String> values = new ArrayList<>();
            if (f.getPicklistValues() != null) {
                for (PicklistEntry p : f.getPicklistValues()) {
                    if (p.isActive()) {
                        values.add(p.getValue());
                    }
                }
            }
            fields.add(new FieldInfo(f.getName(), f.getType() == null ? null : f.getType().toString(), values));
        }
        return OrgSchema.of(fields);
    }

    /** The id of the user leadsla signs in as: its changes are leadsla's own (the mapping's integrationUserId). */
    public static String integrationUserId(SalesforceSession session) {
        return session.call("getUserInfo", c -> c.getUserInfo()).getUserId();
    }
}
