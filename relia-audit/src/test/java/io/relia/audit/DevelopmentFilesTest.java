package io.relia.audit;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DevelopmentFilesTest {

    private static final Path ROOT = Path.of("/repos/shop-demo");

    @Test
    void aComposeFileIsKnownByItsContentWhateverItIsCalled() {
        List<String> app = List.of("# for development", "name: shop", "services:", "  app:", "    image: shop",
                "    environment:", "      - SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/shop", "volumes:",
                "  data: {}");

        assertThat(DevelopmentFiles.isCompose(app)).isTrue();
        assertThat(DevelopmentFiles.isDevelopment(ROOT, ROOT.resolve("src/main/docker/app.yml"), app)).isTrue();
    }

    @Test
    void aFileWithOtherTopLevelKeysIsNoComposeFileEvenWithServicesAndImages() {
        assertThat(DevelopmentFiles.isCompose(List.of("spring:", "  application:", "    name: shop", "services:",
                "  billing:", "    image: billing:1.2.0"))).isFalse();
        assertThat(DevelopmentFiles.isCompose(List.of("apiVersion: v1", "kind: Service", "metadata:",
                "  name: shop"))).isFalse();
        assertThat(DevelopmentFiles.isCompose(List.of("services:", "  billing:", "    url: http://billing"))).isFalse();
    }

    @Test
    void demoAndSampleModulesAndProfilesAreForDevelopment() {
        assertThat(DevelopmentFiles.developmentPath(ROOT, ROOT.resolve("mall-demo/src/main/resources/application.yml")))
                .isTrue();
        assertThat(DevelopmentFiles.developmentPath(ROOT, ROOT.resolve("config/application-secret-samples.yml")))
                .isTrue();
        assertThat(DevelopmentFiles.developmentPath(ROOT, ROOT.resolve("config/application-dev.yml"))).isTrue();
    }

    @Test
    void productionFilesAndTheAuditedDirectorysOwnNameAreNot() {
        assertThat(DevelopmentFiles.developmentPath(ROOT, ROOT.resolve("config/application-prod.yml"))).isFalse();
        Path admin = ROOT.resolve("mall-admin/src/main/resources/application.yml");
        assertThat(DevelopmentFiles.developmentPath(ROOT, admin)).isFalse();
        assertThat(DevelopmentFiles.developmentPath(ROOT, ROOT.resolve("application.yml"))).isFalse();
    }
}
