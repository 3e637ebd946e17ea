package io.relia.audit.spring;

import io.relia.audit.AuditContext;
import io.relia.core.Finding;
import io.relia.core.Severity;
import io.relia.core.review.InputDiscovery;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The datasource finding names the pool the service uses and that pool's own default. */
class DatasourcePoolTest {

    private static final Path CORPUS = Path.of("src/test/resources/spring-corpus");

    @Test
    void aTomcatPoolIsBlamedForItsOwnMaxWaitNotForHikarisDefault() throws IOException {
        Finding finding = single("ds-tomcat-pool");
        assertThat(finding.message()).contains("Tomcat JDBC pool").contains("spring.datasource.tomcat.max-wait")
                .doesNotContain("Hikari");
        assertThat(finding.severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void dbcp2FromTheBuildFileWaitsForEverAndIsHigh() throws IOException {
        Finding finding = single("ds-dbcp2-from-pom");
        assertThat(finding.message()).contains("Commons DBCP2").contains("build file").contains("wait indefinitely");
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void withoutAnyPoolHintSpringBootsHikariDefaultIsNamed() throws IOException {
        assertThat(single("ds-missing-yaml").message()).contains("HikariCP").contains("Spring Boot's default")
                .contains("30 s");
    }

    private static Finding single(String sample) throws IOException {
        AuditContext context = new AuditContext(InputDiscovery.scan(CORPUS.resolve(sample)), Set.of());
        new SpringConfigAuditor().analyze(context);
        List<Finding> findings = context.findings().stream()
                .filter(finding -> finding.ruleId().equals("spring/datasource-no-connection-timeout")).toList();
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }
}
