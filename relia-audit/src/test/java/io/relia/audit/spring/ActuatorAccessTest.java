package io.relia.audit.spring;

import io.relia.audit.AuditContext;
import io.relia.core.Finding;
import io.relia.core.Severity;
import io.relia.core.review.InputDiscovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Actuator endpoints exposed over HTTP, with and without Spring Security rules that restrict who reaches them. */
class ActuatorAccessTest {

    private static final String EXPOSED = """
            spring:
              application:
                name: shop
            management:
              endpoints:
                web:
                  base-path: /management
                  exposure:
                    include: '*'
            """;

    @TempDir
    Path project;

    @Test
    void endpointsAnAuthorityGuardsAreLowAndSayWhere() throws IOException {
        security("""
                http.authorizeHttpRequests(authz -> authz
                    .requestMatchers("/management/health").permitAll()
                    .requestMatchers("/management/**").hasAuthority(AuthoritiesConstants.ADMIN));
                """);

        Finding finding = exposure();

        assertThat(finding.severity()).isEqualTo(Severity.LOW);
        assertThat(finding.message()).contains("Spring Security restricts who reaches them")
                .contains("SecurityConfiguration.java:").contains("hasAuthority");
    }

    @Test
    void aFilterChainScopedToTheEndpointsThatAsksForARoleIsLow() throws IOException {
        security("""
                http.securityMatcher(EndpointRequest.toAnyEndpoint())
                    .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("ENDPOINT_ADMIN"));
                """);

        assertThat(exposure().severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void endpointsPermittedToAllStayHigh() throws IOException {
        security("""
                http.authorizeHttpRequests(authz -> authz
                    .requestMatchers("/management/**").permitAll()
                    .requestMatchers("/api/**").authenticated());
                """);

        assertThat(exposure().severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void aGuardOnTheDefaultPathDoesNotCoverAMovedBasePath() throws IOException {
        security("""
                http.authorizeHttpRequests(authz -> authz.requestMatchers("/actuator/**").hasRole("ADMIN"));
                """);

        assertThat(exposure().severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void exposureWithoutSecurityConfigurationStaysHigh() throws IOException {
        assertThat(exposure().severity()).isEqualTo(Severity.HIGH);
    }

    private void security(String chain) throws IOException {
        Path source = project.resolve("src/main/java/shop/SecurityConfiguration.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package shop;

                class SecurityConfiguration {
                    SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
                """ + chain.indent(8) + """
                        return http.build();
                    }
                }
                """);
    }

    private Finding exposure() throws IOException {
        Path configuration = project.resolve("src/main/resources/config/application.yml");
        Files.createDirectories(configuration.getParent());
        Files.writeString(configuration, EXPOSED);
        AuditContext context = new AuditContext(InputDiscovery.scan(project), Set.of());
        new SpringConfigAuditor().analyze(context);
        List<Finding> exposures = context.findings().stream()
                .filter(finding -> finding.ruleId().equals(SpringRules.ACTUATOR_EXPOSED.id())).toList();
        assertThat(exposures).hasSize(1);
        return exposures.getFirst();
    }
}
