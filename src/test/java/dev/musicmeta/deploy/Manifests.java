package dev.musicmeta.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files of {@code deploy/}, parsed: YAML documents as trees, the Dockerfile as instructions. */
final class Manifests {

    static final Path DEPLOY = Path.of(System.getProperty("basedir", "."), "deploy");
    static final Path KUBERNETES = DEPLOY.resolve("kubernetes");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {}

    /** Every YAML file under {@code deploy/}. */
    static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents of a YAML file (several where it holds {@code ---}). */
    static List<JsonNode> documents(Path file) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            List<JsonNode> all = new ArrayList<>();
            while (docs.hasNext()) {
                all.add(docs.next());
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The one document of a YAML file. */
    static JsonNode document(Path file) {
        List<JsonNode> docs = documents(file);
        if (docs.size() != 1) {
            throw new IllegalStateException(file + " holds " + docs.size() + " documents, not one");
        }
        return docs.get(0);
    }

    /** The Kubernetes objects of the kustomization, each file's documents. */
    static List<JsonNode> kubernetesObjects() {
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode resource : document(KUBERNETES.resolve("kustomization.yaml")).path("resources")) {
            objects.addAll(documents(KUBERNETES.resolve(resource.asText())));
        }
        return objects;
    }

    /** The object of {@code kind} named {@code name}. */
    static JsonNode object(String kind, String name) {
        return kubernetesObjects().stream()
                .filter(o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the kustomization"));
    }

    /** A Dockerfile instruction: its keyword in upper case and the rest of its (joined) lines. */
    record Instruction(String keyword, String arguments) {}

    /** The Dockerfile's instructions, continuation lines joined and comments left out. */
    static List<Instruction> dockerfile() {
        List<String> lines;
        try {
            lines = Files.readAllLines(DEPLOY.resolve("Dockerfile"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String text = current.toString().strip();
            current.setLength(0);
            int space = text.indexOf(' ');
            instructions.add(new Instruction(text.substring(0, space).toUpperCase(java.util.Locale.ROOT),
                    text.substring(space + 1).strip()));
        }
        return instructions;
    }

    /** The JSON array of an exec-form instruction ({@code ENTRYPOINT ["java", ...]}) as strings. */
    static List<String> execForm(String arguments) {
        try {
            JsonNode array = new ObjectMapper().readTree(arguments);
            List<String> words = new ArrayList<>();
            array.forEach(w -> words.add(w.asText()));
            if (!array.isArray()) {
                throw new AssertionError("not an exec-form JSON array: " + arguments);
            }
            return words;
        } catch (IOException e) {
            throw new AssertionError("not an exec-form JSON array: " + arguments, e);
        }
    }
}
