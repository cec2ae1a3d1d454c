package io.leadsla.simulator.salesforce;

/**
 * The describe {@code type} of a field and the {@code soapType} the Partner API reports for it (the values
 * are those of force-partner-api's {@code FieldType} and {@code SoapType} enums).
 */
public enum FieldType {
    ID("id", "tns:ID"),
    REFERENCE("reference", "tns:ID"),
    STRING("string", "xsd:string"),
    TEXTAREA("textarea", "xsd:string"),
    EMAIL("email", "xsd:string"),
    PHONE("phone", "xsd:string"),
    PICKLIST("picklist", "xsd:string"),
    COMBOBOX("combobox", "xsd:string"),
    BOOLEAN("boolean", "xsd:boolean"),
    DATETIME("datetime", "xsd:dateTime"),
    DATE("date", "xsd:date"),
    DOUBLE("double", "xsd:double"),
    INT("int", "xsd:int"),
    /** LeadHistory.OldValue/NewValue: values carry their own xsi:type. */
    ANYTYPE("anyType", "xsd:anyType");

    private final String describeName;
    private final String soapType;

    FieldType(String describeName, String soapType) {
        this.describeName = describeName;
        this.soapType = soapType;
    }

    public String describeName() {
        return describeName;
    }

    public String soapType() {
        return soapType;
    }

    boolean isText() {
        return switch (this) {
            case STRING, TEXTAREA, EMAIL, PHONE, PICKLIST, COMBOBOX -> true;
            default -> false;
        };
    }

    boolean isId() {
        return this == ID || this == REFERENCE;
    }
}
