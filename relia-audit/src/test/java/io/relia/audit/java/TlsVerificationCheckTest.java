package io.relia.audit.java;

import io.relia.audit.AuditContext;
import io.relia.core.Finding;
import io.relia.core.review.InputDiscovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests may trust a test server's certificate; production code may not. */
class TlsVerificationCheckTest {

    private static final String TRUST_ALL = """
            package shop;

            import java.security.cert.X509Certificate;
            import javax.net.ssl.X509TrustManager;

            final class TrustAll implements X509TrustManager {
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }
            """;

    @TempDir
    Path root;

    private List<Finding> audit() {
        AuditContext context = new AuditContext(InputDiscovery.scan(root), Set.of());
        new JavaAnalyzer(1).analyze(context);
        return context.findings().stream().filter(f -> f.ruleId().equals("java/tls-verification-disabled")).toList();
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void aTrustAllManagerInMainCodeIsReportedAtItsCheckServerTrusted() throws IOException {
        write("src/main/java/shop/TrustAll.java", TRUST_ALL);

        assertThat(audit()).singleElement().satisfies(finding -> {
            assertThat(finding.location().line()).isEqualTo(10);
            assertThat(finding.message()).contains("checkServerTrusted accepts every certificate");
        });
    }

    @Test
    void theSameManagerInTestSourcesIsNotReported() throws IOException {
        write("src/test/java/shop/TrustAll.java", TRUST_ALL);

        assertThat(audit()).isEmpty();
    }
}
