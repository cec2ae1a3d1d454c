package io.leadsla.simulator.salesforce;

/**
 * A Partner API fault: {@code faultcode sf:CODE}, {@code faultstring "CODE: message"} and a detail element
 * of type {@code faultType} (UnexpectedErrorFault, InvalidFieldFault, ...) that force-wsc turns into the
 * matching {@code com.sforce.soap.partner.fault} exception. Query faults also carry row and column.
 */
final class SoapFault extends RuntimeException {
    private final String code;
    private final String faultType;
    private final Integer row;
    private final Integer column;

    SoapFault(String code, String message, String faultType, Integer row, Integer column) {
        super(message);
        this.code = code;
        this.faultType = faultType;
        this.row = row;
        this.column = column;
    }

    static SoapFault unexpected(String code, String message) {
        return new SoapFault(code, message, "UnexpectedErrorFault", null, null);
    }

    static SoapFault invalidField(String message) {
        // Outside SOQL there is no position; the fault type still requires row and column.
        return new SoapFault("INVALID_FIELD", message, "InvalidFieldFault", -1, -1);
    }

    static SoapFault invalidType(String message) {
        return new SoapFault("INVALID_TYPE", message, "InvalidSObjectFault", -1, -1);
    }

    static SoapFault of(SoqlException e) {
        return new SoapFault(e.code(), e.getMessage(), e.faultType(), e.row(), e.column());
    }

    String code() {
        return code;
    }

    String faultType() {
        return faultType;
    }

    Integer row() {
        return row;
    }

    Integer column() {
        return column;
    }
}
