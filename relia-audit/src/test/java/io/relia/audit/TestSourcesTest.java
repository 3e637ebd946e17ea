package io.relia.audit;

import io.relia.core.Location;
import io.relia.core.Problem;
import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.review.ServiceInventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestSourcesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "src/test/java/shop/OrderService.java",
        "orders/src/test/resources/application.yml",
        "orders/src/test/resources/k8s/deployment.yaml",
        "lib/src/testFixtures/java/shop/FakeClock.java",
        "app/src/integrationTest/java/shop/Checkout.java",
        "app/src/functionalTest/java/shop/Checkout.java",
        "plugin/src/it/simple/src/main/java/Example.java",
        "curator-test/src/main/java/org/example/TestingServer.java",
        "payments-integration-tests/src/main/java/shop/Scenario.java",
        "zookeeper-it/src/main/java/org/example/system/Cluster.java",
        "dubbo-test/dubbo-test-spring/src/main/java/org/example/Beans.java",
        "tests/e2e/kind/config.yml",
        "kustomize/tests/all-components/kustomization.yaml",
        "charts/shop/templates/tests/test-connection.yaml",
        "javatests/com/example/shop/Orders.java",
        "pkg/testdata/alerts.yaml",
        "legacy/shop/OrderServiceTest.java",
        "legacy/shop/OrderServiceTests.java",
        "legacy/shop/OrderServiceTestCase.java",
        "legacy/shop/OrderServiceIT.java",
        "legacy/shop/OrderService2IT.java",
        "legacy/shop/OrderServiceITCase.java",
        "src/java/shop/OrderServiceTest.java",
        "src/main/resources/logback-test.xml",
        "config/log4j2-test.yaml",
    })
    void theseAreTestSources(String path) {
        assertThat(TestSources.isTest(Path.of(path))).as(path).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "src/main/java/shop/OrderService.java",
        "src/main/java/com/x/testing/Helper.java",
        "src/main/java/com/x/test/Helper.java",
        "src/main/java/com/x/tests/Fixtures.java",
        "src/main/java/shop/TestUtils.java",
        "src/main/java/shop/LoadTest.java",
        "src/main/java/shop/ConnectivityIT.java",
        "src/main/resources/application.yml",
        "testing-utils/src/main/java/shop/FakeClock.java",
        "eureka-test-utils/src/main/java/shop/MockServer.java",
        "test-common/test-common-api/src/main/java/shop/ClusterConfig.java",
        "interop-testing/src/main/java/shop/Client.java",
        "contest/src/main/java/shop/Entry.java",
        "latest/deployment.yaml",
        "src/jmh/java/shop/OrderBenchmark.java",
        "shop/LIMIT.java",
        "shop/BIT.java",
        "shop/Latest.java",
        "shop/Attest.java",
        "k8s/deployment.yaml",
        "src/main/resources/logback.xml",
        "relia.yaml",
    })
    void theseAreProduction(String path) {
        assertThat(TestSources.isTest(Path.of(path))).as(path).isFalse();
    }

    @Test
    void aFileIsJudgedByItsPathInsideTheAuditedDirectoryNotAbove() {
        Path root = Path.of("/work/payments-tests/service");
        assertThat(TestSources.isTest(root, root.resolve("src/main/java/shop/Orders.java"))).isFalse();
        assertThat(TestSources.isTest(root, root.resolve("src/test/java/shop/Orders.java"))).isTrue();
    }

    @Test
    void aFolderIsATestFolderOnlyWhenItsNameAloneSaysSo() {
        assertThat(TestSources.isTestFolder(Path.of("orders/src/test"))).isTrue();
        assertThat(TestSources.isTestFolder(Path.of("orders-it"))).isTrue();
        assertThat(TestSources.isTestFolder(Path.of("orders/src/main"))).isFalse();
        assertThat(TestSources.isTestFolder(Path.of("orders/src"))).isFalse();
        assertThat(TestSources.isTestFolder(Path.of("src/main/java/com/x/test"))).isFalse();
    }

    @Test
    void withoutTestsDropsTheInputsAndProblemsOfTestFilesAndKeepsTheCountOfFilesScanned() {
        Path root = Path.of("service");
        DiscoveredInput main = input(root, "src/main/java/shop/Orders.java", InputKind.JAVA_SOURCE);
        DiscoveredInput test = input(root, "src/test/java/shop/OrdersTest.java", InputKind.JAVA_SOURCE);
        DiscoveredInput broken = input(root, "src/test/resources/broken.yaml", InputKind.UNREADABLE);
        Problem brokenYaml = Problem.error(new Location(root.resolve("src/test/resources/broken.yaml").toString(),
                3, 1), "not YAML", "", "");
        Problem mainProblem = Problem.error(new Location(root.resolve("k8s/app.yaml").toString(), 1, 1), "bad", "",
                "");
        ServiceInventory inventory = new ServiceInventory(root, List.of(main, test, broken),
                List.of(brokenYaml, mainProblem), 40, List.of());

        ServiceInventory production = TestSources.withoutTests(inventory);

        assertThat(production.inputs()).containsExactly(main);
        assertThat(production.problems()).containsExactly(mainProblem);
        assertThat(production.filesScanned()).isEqualTo(40);
        assertThat(TestSources.count(inventory)).isEqualTo(2);
    }

    @Test
    void aTestFileHoldingTwoKindsOfInputIsCountedOnce() {
        Path root = Path.of("service");
        ServiceInventory inventory = new ServiceInventory(root, List.of(
                input(root, "src/test/resources/bundle.yaml", InputKind.KUBERNETES),
                input(root, "src/test/resources/bundle.yaml", InputKind.PROMETHEUS_RULES)), List.of(), 1, List.of());
        assertThat(TestSources.count(inventory)).isEqualTo(1);
    }

    private static DiscoveredInput input(Path root, String relative, InputKind kind) {
        return new DiscoveredInput(root.resolve(relative), Path.of(relative), kind, List.of());
    }
}
