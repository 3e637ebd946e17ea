package io.relia.audit.java;

import io.relia.audit.AuditContext;
import io.relia.audit.Evidence;
import io.relia.core.Finding;
import io.relia.core.review.InputDiscovery;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the circuit-breaker rule says about a dependency: how it matched the code, and what guards it. */
class CircuitBreakerCheckTest {

    private static final Path CORPUS = Path.of("src/test/resources/java-corpus/dependency-no-circuit-breaker");

    private static AuditContext audit(String sample) {
        AuditContext context = new AuditContext(InputDiscovery.scan(CORPUS.resolve(sample)), Set.of());
        new JavaAnalyzer(1).analyze(context);
        return context;
    }

    private static List<Finding> findings(AuditContext context) {
        return context.findings().stream().filter(f -> f.ruleId().equals("dependency/no-circuit-breaker")).toList();
    }

    @Test
    void anUnguardedDependencySaysWhichCodeCallsIt() {
        assertThat(findings(audit("tp-client-class"))).singleElement().satisfies(finding -> assertThat(
                finding.message()).startsWith("critical dependency payments (http) has no circuit breaker: it is "
                + "called from class PaymentsClient (calls out) at ").contains("PaymentsClient.java:"));
    }

    @Test
    void aBreakerForAnotherDependencyIsNamedButDoesNotCount() {
        assertThat(findings(audit("tp-breaker-for-another"))).singleElement().satisfies(finding -> assertThat(
                finding.message()).contains("URL host payments in PaymentsClient",
                "the breakers found (Resilience4j @CircuitBreaker \"inventory\" in InventoryClient)"));
    }

    @Test
    void aDependencyNothingCallsByNameSaysSo() {
        assertThat(findings(audit("tp-nothing-found"))).singleElement().satisfies(finding -> assertThat(
                finding.message()).contains("ledger (grpc)", "no code or config calling it was found by its name"));
    }

    @Test
    void aContainersEnvIsMatchedByItsUrlHost() {
        assertThat(findings(audit("tp-manifest-env"))).singleElement().satisfies(finding -> assertThat(
                finding.message()).contains("Deployment/checkout env PAYMENTS_URL",
                "Istio DestinationRule/inventory outlierDetection for host inventory.shop.svc.cluster.local"));
    }

    @Test
    void aGuardedDependencyIsEvidenceWithHowTheBreakerWasMatched() {
        AuditContext context = audit("tn-failsafe-in-caller");

        assertThat(findings(context)).isEmpty();
        assertThat(context.evidence()).filteredOn(seen -> seen.topic() == Evidence.Topic.CIRCUIT_BREAKER)
                .singleElement().satisfies(seen -> {
                    assertThat(seen.subject()).isEqualTo("payments");
                    assertThat(seen.text()).isEqualTo("Failsafe CircuitBreaker \"breaker\" in CheckoutBackend "
                            + "(matched by the class CheckoutBackend that calls it)");
                });
    }

    @Test
    void meshRulesGuardTheirHost() {
        assertThat(audit("tn-istio").evidence()).extracting(Evidence::text).containsExactly(
                "Istio DestinationRule/payments outlierDetection for host payments.shop.svc.cluster.local (matched "
                        + "by its host)");
        assertThat(audit("tn-linkerd").evidence()).extracting(Evidence::text).containsExactly(
                "Linkerd failure accrual on Service/payments for host payments (matched by its host)");
    }

    @Test
    void aFeignClientAndAHostAndPortAddressAreCallsOfTheDependencyTheyName() {
        assertThat(findings(audit("tp-feign-without-breaker"))).singleElement().satisfies(finding -> assertThat(
                finding.message()).contains("Feign client AccountClient (@FeignClient account-service)"));
        assertThat(findings(audit("tp-address-env"))).singleElement().satisfies(finding -> assertThat(
                finding.message()).contains("Deployment/frontend env CART_SERVICE_ADDR"));
    }
}
