package io.relia.audit.k8s;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ImageTagTest {

    @ParameterizedTest
    @ValueSource(strings = {"nginx", "nginx:latest", "registry:5000/team/api", "registry.example.com/api:latest"})
    void floatingImagesAreFlagged(String image) {
        assertThat(ImageTag.of(image).problem()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nginx:1.27.1", "registry:5000/team/api:2.0", "api@sha256:abc", "api:latest@sha256:abc",
        "{{ .Values.image }}", "${IMAGE}"})
    void pinnedOrTemplatedImagesAreNot(String image) {
        assertThat(ImageTag.of(image).problem()).isEmpty();
    }
}
