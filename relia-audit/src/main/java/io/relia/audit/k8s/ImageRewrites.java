package io.relia.audit.k8s;

import io.relia.core.spec.ListNode;
import io.relia.core.spec.MapNode;
import io.relia.core.spec.Node;
import io.relia.core.spec.ScalarNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The images whose tag a build or deploy tool sets, so the manifest's untagged {@code image: frontend} is not what
 * runs: a kustomize {@code images:} entry with a pinned {@code newTag} or a {@code digest} for that name, in a
 * kustomization that includes the manifest (directly, through a base it references, or through one of its
 * components), and a skaffold {@code build.artifacts[].image} (skaffold tags what it builds and rewrites the
 * references at deploy time), for the manifests under the skaffold.yaml's directory.
 * <p>
 * Kustomize semantics as its reference documents them (kubectl.docs.kubernetes.io, kustomization/images): {@code name}
 * matches the image name without tag or digest; {@code newName} alone keeps the original tag, so it pins nothing;
 * {@code tagSuffix} appends to the original tag, so it pins nothing either.
 */
final class ImageRewrites {

    /** File names kustomize reads as a kustomization; they need no apiVersion or kind. */
    static final Set<String> KUSTOMIZATION_FILES = Set.of("kustomization.yaml", "kustomization.yml", "kustomization");
    /** A bound on the include graph walked from one kustomization (bases of bases). */
    private static final int MAX_DEPTH = 32;

    private final Map<String, List<Pin>> pins = new HashMap<>();

    /**
     * One image a tool pins for some manifests.
     *
     * @param image the image name without tag or digest
     * @param files the manifest files it applies to, or the directory (skaffold) whose files it applies to
     * @param tree  true when {@code files} holds one directory and every file under it is covered
     * @param by    the tool and file, for people
     */
    private record Pin(String image, Set<Path> files, boolean tree, String by) {

        boolean covers(Path file) {
            return tree ? files.stream().anyMatch(dir -> file.startsWith(dir)) : files.contains(file);
        }
    }

    private ImageRewrites() {
    }

    /** The pins the kustomizations and skaffold configs among {@code manifests} declare. */
    static ImageRewrites of(List<Manifest> manifests) {
        ImageRewrites rewrites = new ImageRewrites();
        Map<Path, MapNode> kustomizations = new HashMap<>();
        List<Manifest> found = manifests.stream().filter(ImageRewrites::isKustomization).toList();
        found.forEach(manifest -> kustomizations.put(directory(manifest.file()), manifest.object()));
        found.forEach(manifest -> rewrites.kustomize(manifest, kustomizations));
        manifests.stream().filter(ImageRewrites::isSkaffold).forEach(rewrites::skaffold);
        return rewrites;
    }

    /**
     * The tool that sets the tag of {@code image} (as written in {@code file}) when it is deployed, for people
     * ({@code kustomize images: in overlays/prod/kustomization.yaml}); empty when the manifest's tag is what runs.
     */
    Optional<String> pinnedBy(String image, Path file) {
        Path normalized = normalize(file);
        return pins.getOrDefault(imageName(image), List.of()).stream().filter(pin -> pin.covers(normalized))
                .map(Pin::by).findFirst();
    }

    static boolean isKustomization(Manifest manifest) {
        String kind = manifest.kind();
        String apiVersion = manifest.object().text("apiVersion").orElse("");
        return apiVersion.startsWith("kustomize.config.k8s.io/") && (kind.equals("Kustomization")
                || kind.equals("Component"))
                || KUSTOMIZATION_FILES.contains(String.valueOf(manifest.file().getFileName()).toLowerCase(Locale.ROOT));
    }

    private static boolean isSkaffold(Manifest manifest) {
        return manifest.object().text("apiVersion").orElse("").startsWith("skaffold/")
                && manifest.kind().equals("Config");
    }

    private void kustomize(Manifest manifest, Map<Path, MapNode> all) {
        Path dir = directory(manifest.file());
        MapNode kustomization = manifest.object();
        if (kustomization.text("kind").orElse("").equals("Component")) {
            return; // a component's images apply where it is included, with the including kustomization's files
        }
        Set<Path> files = new LinkedHashSet<>();
        List<MapNode> imageLists = new ArrayList<>();
        include(dir, kustomization, all, files, imageLists, new HashSet<>(), 0);
        String by = "kustomize images: in " + manifest.file();
        for (MapNode images : imageLists) {
            images.list("images").ifPresent(list -> list.items().forEach(item -> {
                if (item instanceof MapNode entry) {
                    pin(entry).ifPresent(name -> add(new Pin(name, files, false, by)));
                }
            }));
        }
    }

    /** Collects the files a kustomization builds and the kustomizations whose images apply to them. */
    private static void include(Path dir, MapNode kustomization, Map<Path, MapNode> all, Set<Path> files,
                                List<MapNode> imageLists, Set<Path> seen, int depth) {
        if (depth > MAX_DEPTH || !seen.add(dir)) {
            return;
        }
        imageLists.add(kustomization);
        for (String key : List.of("resources", "bases", "components")) {
            for (String entry : strings(kustomization.list(key))) {
                if (entry.contains("://") || entry.startsWith("github.com/") || entry.startsWith("git@")) {
                    continue; // remote bases are not in the tree
                }
                Path target = dir.resolve(entry).normalize();
                MapNode included = all.get(target);
                if (included == null) {
                    files.add(target);
                } else if (key.equals("components")) {
                    // A component transforms the including kustomization's resources and adds its own.
                    include(target, included, all, files, imageLists, seen, depth + 1);
                } else {
                    // A base is built with its own images: first; ours apply on top of its output.
                    include(target, included, all, files, new ArrayList<>(), seen, depth + 1);
                }
            }
        }
    }

    /** The image name a kustomize images: entry pins to a fixed tag or digest, or empty. */
    private static Optional<String> pin(MapNode entry) {
        Optional<String> name = entry.text("name").filter(text -> !text.isBlank());
        Optional<String> digest = entry.text("digest").filter(text -> !text.isBlank());
        Optional<String> tag = entry.text("newTag").filter(text -> !text.isBlank());
        boolean pinned = digest.isPresent() || tag.filter(value -> ImageTag.of("image:" + value).problem().isEmpty())
                .isPresent();
        return pinned ? name.map(ImageRewrites::imageName) : Optional.empty();
    }

    private void skaffold(Manifest config) {
        Path dir = directory(config.file());
        String by = "skaffold build.artifacts in " + config.file();
        List<MapNode> builds = new ArrayList<>();
        config.object().map("build").ifPresent(builds::add);
        config.object().list("profiles").ifPresent(profiles -> profiles.items().forEach(profile -> {
            if (profile instanceof MapNode map) {
                map.map("build").ifPresent(builds::add);
            }
        }));
        for (MapNode build : builds) {
            build.list("artifacts").ifPresent(artifacts -> artifacts.items().forEach(artifact -> {
                if (artifact instanceof MapNode map) {
                    map.text("image").filter(image -> !image.isBlank()).ifPresent(image ->
                            add(new Pin(imageName(image), Set.of(dir), true, by)));
                }
            }));
        }
    }

    private void add(Pin pin) {
        pins.computeIfAbsent(pin.image(), ignored -> new ArrayList<>()).add(pin);
    }

    /** {@code registry:5000/team/api:1.4.2@sha256:...} without its tag and digest: {@code registry:5000/team/api}. */
    static String imageName(String reference) {
        String text = reference.trim();
        int at = text.indexOf('@');
        String withoutDigest = at < 0 ? text : text.substring(0, at);
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.indexOf(':', slash + 1);
        return colon < 0 ? withoutDigest : withoutDigest.substring(0, colon);
    }

    private static List<String> strings(Optional<ListNode> list) {
        List<String> strings = new ArrayList<>();
        list.ifPresent(items -> {
            for (Node item : items.items()) {
                if (item instanceof ScalarNode scalar && !scalar.isNull()) {
                    strings.add(scalar.text());
                }
            }
        });
        return strings;
    }

    private static Path directory(Path file) {
        Path parent = normalize(file).getParent();
        return parent == null ? normalize(file) : parent;
    }

    private static Path normalize(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
