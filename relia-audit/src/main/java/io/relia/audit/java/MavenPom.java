package io.relia.audit.java;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of one pom.xml that name dependencies: its coordinates, its parent, its properties, its managed versions
 * and its dependencies, as written ({@code ${...}} not yet resolved: {@link BuildDependencies} does that along the
 * parent chain). Read with the JDK's DOM parser, DTDs and external entities off.
 */
record MavenPom(Coordinate self, Optional<Coordinate> parent, String parentPath, Map<String, String> properties,
                List<Coordinate> managed, List<Coordinate> dependencies) {

    /**
     * A {@code groupId:artifactId:version} as written; version empty when not given.
     *
     * @param scope the dependency's scope ({@code import} for a BOM in dependencyManagement, {@code optional} for an
     *              optional one), empty when none
     * @param line  the 1-based line it was read from, 0 when unknown
     */
    record Coordinate(String group, String artifact, String version, String scope, int line) {

        String key() {
            return group + ":" + artifact;
        }

        Coordinate withVersion(String resolved) {
            return new Coordinate(group, artifact, resolved, scope, line);
        }
    }

    MavenPom {
        properties = Map.copyOf(properties);
        managed = List.copyOf(managed);
        dependencies = List.copyOf(dependencies);
    }

    /** The POM in {@code text}; empty when it is not a Maven POM this reader understands. */
    static Optional<MavenPom> parse(String text) {
        Element project;
        try {
            project = builder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (SAXException | IOException | ParserConfigurationException notAPom) {
            return Optional.empty();
        }
        if (!"project".equals(project.getTagName())) {
            return Optional.empty();
        }
        Optional<Element> parentElement = child(project, "parent");
        Optional<Coordinate> parent = parentElement.map(element -> coordinate(element, text));
        String group = text(project, "groupId").orElse(parent.map(Coordinate::group).orElse(""));
        String version = text(project, "version").orElse(parent.map(Coordinate::version).orElse(""));
        Coordinate self = new Coordinate(group, text(project, "artifactId").orElse(""), version, "", 0);
        String parentPath = parentElement.flatMap(element -> text(element, "relativePath")).orElse("../pom.xml");
        Map<String, String> properties = new LinkedHashMap<>();
        child(project, "properties").ifPresent(element -> children(element).forEach(property -> properties.put(
                property.getTagName(), property.getTextContent().strip())));
        List<Coordinate> managed = child(project, "dependencyManagement").flatMap(element -> child(element,
                "dependencies")).map(element -> dependencies(element, text)).orElse(List.of());
        List<Coordinate> dependencies = child(project, "dependencies").map(element -> dependencies(element, text))
                .orElse(List.of());
        return Optional.of(new MavenPom(self, parent, parentPath, properties, managed, dependencies));
    }

    private static List<Coordinate> dependencies(Element list, String text) {
        return children(list).stream().filter(element -> element.getTagName().equals("dependency"))
                .map(element -> coordinate(element, text)).toList();
    }

    private static Coordinate coordinate(Element element, String text) {
        String artifact = text(element, "artifactId").orElse("");
        // An optional dependency is not on its users' class path: its scope says so here.
        String scope = text(element, "optional").filter("true"::equals).isPresent() ? "optional"
                : text(element, "scope").orElse("");
        return new Coordinate(text(element, "groupId").orElse(""), artifact, text(element, "version").orElse(""),
                scope, lineOf(text, "<artifactId>" + artifact + "</artifactId>"));
    }

    /** The line of the first occurrence of {@code needle}; DOM keeps no positions, and this is only for notes. */
    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(element -> element.getTextContent().strip()).filter(value -> !value.isEmpty());
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent).stream().filter(element -> element.getTagName().equals(name)).findFirst();
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // A POM needs no DTD; refusing them closes XXE and entity expansion (OWASP XML cheat sheet).
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        // The default handler prints parse errors to stderr; this one only throws them (engines never print).
        builder.setErrorHandler(new DefaultHandler());
        return builder;
    }
}
