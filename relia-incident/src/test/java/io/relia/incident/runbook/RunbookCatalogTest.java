package io.relia.incident.runbook;

import io.relia.incident.IncidentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Finding runbooks by name and by alert. */
class RunbookCatalogTest {

    @TempDir
    Path dir;

    @Test
    void findsARunbookByTitleOrFileStemInAnyCase() {
        RunbookCatalog catalog = RunbookCatalog.load(RunbookFileTest.EXAMPLE);

        assertThat(catalog.runbooks()).hasSize(2);
        assertThat(catalog.named("high cpu usage").stem()).isEqualTo("high-cpu-usage");
        assertThat(catalog.named("checkout-errors").name()).isEqualTo("High Checkout Error Rate");
    }

    @Test
    void anUnknownNameListsTheRunbooksAndTheClosest() {
        RunbookCatalog catalog = RunbookCatalog.load(RunbookFileTest.EXAMPLE);

        assertThatThrownBy(() -> catalog.named("checkout-error"))
                .isInstanceOf(IncidentException.class)
                .hasMessageContaining("no runbook named \"checkout-error\"")
                .hasMessageContaining("Did you mean checkout-errors?")
                .hasMessageContaining("high-cpu-usage");
    }

    @Test
    void matchesAnAlertByNameThenAnnotationThenLabels() throws Exception {
        Files.writeString(dir.resolve("disk-full.yaml"), "name: Disk full\nlabels: {service: orders, "
                + "alertname: NodeDiskAlmostFull}\ndiagnosis_steps: [{action: df}]\nmitigation_options: "
                + "[{name: clean, risk: low}]\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.copy(RunbookFileTest.EXAMPLE.resolve("checkout-errors.yaml"), dir.resolve("sub/checkout-errors.yaml"));
        RunbookCatalog catalog = RunbookCatalog.load(dir);

        assertThat(catalog.forAlert("CheckoutHighErrorRate", Map.of(), Map.of()).orElseThrow().rule())
                .startsWith("alert name");
        assertThat(catalog.forAlert("Other", Map.of(), Map.of("runbook_url",
                "https://git.example/runbooks/checkout-errors.yaml#steps")).orElseThrow().runbook().stem())
                .isEqualTo("checkout-errors");
        assertThat(catalog.forAlert("NodeDiskAlmostFull", Map.of("service", "orders", "alertname",
                "NodeDiskAlmostFull", "instance", "db-1"), Map.of()).orElseThrow().rule()).startsWith("labels");
        assertThat(catalog.forAlert("NodeDiskAlmostFull", Map.of("service", "search"), Map.of())).isEmpty();
        assertThat(catalog.forAlert("DiskFull", Map.of(), Map.of()).orElseThrow().rule())
                .startsWith("runbook named like the alert");
    }
}
