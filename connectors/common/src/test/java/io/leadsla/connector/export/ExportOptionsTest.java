package io.leadsla.connector.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExportOptionsTest {

    private enum Col { ID, REASON }

    /** The smallest CRM builder: what it sets, as the options record would receive it. */
    private static final class Builder extends ExportOptionsBuilder<Col, Builder> {
        Builder() {
            super(ZoneId.of("UTC"), Col.class, List.of("M/d/yyyy"), List.of("Unqualified"), List.of());
        }

        List<Object> build() {
            return List.of(zone(), locale(), dateTimePatterns(), Map.copyOf(columns()), rejectedStatuses(),
                    recycledStatuses(), Map.copyOf(extraAttributes()));
        }
    }

    @Test
    void theBuilderStartsFromTheCrmsDefaultsAndEverySetterReplaces() {
        assertThat(new Builder().build()).containsExactly(ZoneId.of("UTC"), Locale.US, List.of("M/d/yyyy"), Map.of(),
                Set.of("Unqualified"), Set.of(), Map.of());
        assertThat(new Builder().locale(Locale.UK).dateTimePatterns(List.of("dd/MM/yyyy")).column(Col.REASON, "Why")
                .rejectedStatuses(List.of("Junk")).recycledStatuses(List.of("Later", "Nurture"))
                .extraAttribute("Company size", "size").build())
                .containsExactly(ZoneId.of("UTC"), Locale.UK, List.of("dd/MM/yyyy"), Map.of(Col.REASON, "Why"),
                        Set.of("Junk"), Set.of("Later", "Nurture"), Map.of("Company size", "size"));
    }

    @Test
    void checksRefuseWhatWouldSilentlyGoWrongAndCopiesKeepTheOrderGiven() {
        assertThatThrownBy(() -> ExportOptions.dateTimePatterns(List.of("dd/MM {")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dd/MM {");
        Map<Col, String> blank = new EnumMap<>(Col.class);
        blank.put(Col.ID, " ");
        assertThatThrownBy(() -> ExportOptions.columns(blank))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the label of column ID must not be blank");
        assertThat(ExportOptions.columns(Map.<Col, String>of())).isEmpty();
        assertThatThrownBy(() -> ExportOptions.labels(List.of("Junk", ""), "queue owner"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a queue owner label must not be blank");
        assertThat(ExportOptions.labels(List.of("b", "a", "b"), "status")).containsExactly("b", "a");
        assertThatThrownBy(() -> ExportOptions.extraAttributes(Map.of("Notes", "timeKnown")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'timeKnown'");
        Map<String, String> extras = new LinkedHashMap<>();
        extras.put("Z", "z");
        extras.put("A", "a");
        assertThat(ExportOptions.extraAttributes(extras).keySet()).containsExactly("Z", "A");
    }

    @Test
    void aConfiguredColumnMustBeThereAndSoMustEveryExtra() {
        ExportHeader header = new ExportHeader("x.csv", List.of("Id", "Size"));

        assertThat(header.optional(List.of("Reason"), false, "hint")).isNull();
        assertThatThrownBy(() -> header.optional(List.of("Reason"), true, "The options name it for REASON."))
                .isInstanceOf(ExportImportException.class).hasMessageEndingWith("The options name it for REASON.");
        assertThat(header.requireExtras(Map.of("size", "companySize"), "test options"))
                .isEqualTo(Map.of(new Column("Size", 1), "companySize"));
        assertThatThrownBy(() -> header.requireExtras(Map.of("Region", "region"), "test options"))
                .isInstanceOf(ExportImportException.class)
                .hasMessageEndingWith("The test options copy this column into attribute 'region'.");
    }
}
