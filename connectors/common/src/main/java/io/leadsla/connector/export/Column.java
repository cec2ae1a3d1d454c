package io.leadsla.connector.export;

import java.util.Objects;

/**
 * A column found in an export's header.
 *
 * @param label the header cell as written in the file (used in messages, so users recognise it)
 * @param index 0-based position in each record
 */
public record Column(String label, int index) {

    public Column {
        Objects.requireNonNull(label, "label");
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0");
        }
    }
}
