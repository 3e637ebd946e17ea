package io.relia.audit.k8s;

import io.relia.core.review.DiscoveredInput;
import io.relia.core.review.InputKind;
import io.relia.core.review.ServiceInventory;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.SpecDocument;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One Kubernetes object and the file it came from.
 *
 * @param object the object
 * @param file   its file
 */
record Manifest(MapNode object, Path file) {

    String kind() {
        return object.text("kind").orElse("");
    }

    String name() {
        return object.map("metadata").flatMap(metadata -> metadata.text("name")).orElse("?");
    }

    /** metadata.namespace, or "default" when the manifest names none. */
    String namespace() {
        return Workload.namespace(object);
    }

    /** Every object of the service's manifests: multi-document YAML, and the items of {@code kind: *List}. */
    static List<Manifest> all(ServiceInventory inventory) {
        List<Manifest> manifests = new ArrayList<>();
        for (DiscoveredInput input : inventory.ofKind(InputKind.KUBERNETES)) {
            for (SpecDocument document : input.documents()) {
                if (document.root() instanceof MapNode map) {
                    add(map, input.path(), manifests);
                }
            }
        }
        return manifests;
    }

    /** Adds an object, or the items of a {@code kind: *List}, as read from {@code file}. */
    static void add(MapNode object, Path file, List<Manifest> manifests) {
        if (object.text("kind").orElse("").endsWith("List")) {
            object.list("items").ifPresent(items -> items.items().forEach(item -> {
                if (item instanceof MapNode map) {
                    add(map, file, manifests);
                }
            }));
            return;
        }
        manifests.add(new Manifest(object, file));
    }
}
