package io.relia.audit.k8s;

import io.relia.audit.AuditRule;
import io.relia.audit.prometheus.AlertRulesAuditor;
import io.relia.audit.runbook.RunbookAuditor;
import io.relia.audit.spring.SpringConfigAuditor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzerRegistrationTest {

    @Test
    void nonJavaAnalyzersAreRegisteredForTheServiceLoader() throws IOException {
        String services;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/services/io.relia.audit.AuditAnalyzer")) {
            assertThat(in).isNotNull();
            services = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(services.lines().map(String::strip)).contains(KubernetesAuditor.class.getName(),
                KubernetesSecurityAuditor.class.getName(),
                AlertRulesAuditor.class.getName(), RunbookAuditor.class.getName(),
                SpringConfigAuditor.class.getName());
    }

    @Test
    void ruleIdsAreUniqueAndEveryRuleExplainsItself() {
        List<AuditRule> rules = Stream.of(new KubernetesAuditor().rules(), new KubernetesSecurityAuditor().rules(),
                new AlertRulesAuditor().rules(),
                new RunbookAuditor().rules(), new SpringConfigAuditor().rules()).flatMap(List::stream).toList();
        Set<String> ids = new HashSet<>();
        assertThat(rules).allSatisfy(rule -> {
            assertThat(ids.add(rule.id())).as("unique %s", rule.id()).isTrue();
            assertThat(rule.why()).isNotBlank();
            assertThat(rule.before()).isNotBlank();
            assertThat(rule.after()).isNotBlank();
        });
        assertThat(ids).contains("k8s/missing-probes", "k8s/image-latest-tag", "k8s/single-replica",
                "k8s/no-autoscaler", "k8s/no-network-policy", "k8s/secret-in-manifest", "k8s/run-as-root",
                "prometheus/alert-without-runbook");
    }
}
