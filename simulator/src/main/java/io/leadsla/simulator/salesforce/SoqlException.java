package io.leadsla.simulator.salesforce;

/**
 * A query Salesforce would refuse: {@code code} is the fault's exception code (MALFORMED_QUERY,
 * INVALID_FIELD, INVALID_TYPE) and the message is Salesforce's, including the echoed query line with a caret
 * under the offending token and "ERROR at Row:r:Column:c".
 */
final class SoqlException extends RuntimeException {
    private final String code;
    private final int row;
    private final int column;

    SoqlException(String code, String message, int row, int column) {
        super(message);
        this.code = code;
        this.row = row;
        this.column = column;
    }

    static SoqlException at(String code, String query, int offset, String detail) {
        String[] lines = query.split("\n", -1);
        int row = 1;
        int lineStart = 0;
        for (int i = 0; i < lines.length - 1 && lineStart + lines[i].length() < offset; i++) {
            lineStart += lines[i].length() + 1;
            row++;
        }
        int column = offset - lineStart + 1;
        String line = lines[row - 1];
        String message = "\n" + line + "\n" + " ".repeat(Math.max(0, column - 1)) + "^\nERROR at Row:" + row
                + ":Column:" + column + "\n" + detail;
        return new SoqlException(code, message, row, column);
    }

    String code() {
        return code;
    }

    int row() {
        return row;
    }

    int column() {
        return column;
    }

    /** The SOAP fault detail type for this code. */
    String faultType() {
        return switch (code) {
            case "INVALID_FIELD" -> "InvalidFieldFault";
            case "INVALID_TYPE" -> "InvalidSObjectFault";
            default -> "MalformedQueryFault";
        };
    }
}
