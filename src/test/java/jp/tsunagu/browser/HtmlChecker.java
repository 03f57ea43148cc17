package jp.tsunagu.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The W3C Nu HTML Checker (vnu.jar, from the frontend's npm package {@code vnu-jar}) over every page
 * a browser test audited: one checker run per test class, zero errors allowed. Each page is saved
 * as the browser holds it (the served document with the islands applied) in target/html.
 */
final class HtmlChecker {

    static final Path DIR = Path.of("target", "html");
    static final Path JAR = Path.of("frontend", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    private HtmlChecker() {
    }

    static Path save(String name, String html) {
        try {
            Files.createDirectories(DIR);
            Path file = DIR.resolve(name + ".html");
            Files.writeString(file, html, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the checker on the files; fails with every error, page by page. */
    static void assertValid(List<Path> files) throws Exception {
        if (files.isEmpty()) {
            return;
        }
        assertTrue(Files.isRegularFile(JAR), "the HTML checker is installed with the frontend (npm ci): " + JAR);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss4m", "-jar", JAR.toString(), "--errors-only", "--format", "json", "--exit-zero-always"));
        files.stream().map(Path::toString).distinct().forEach(cmd::add);
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        // vnu writes its JSON report to standard error
        String report = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the HTML checker finished");
        JsonNode messages = new ObjectMapper().readTree(report).path("messages");
        List<String> errors = new ArrayList<>();
        for (JsonNode m : messages) {
            if ("error".equals(m.path("type").asText()) || "fatal".equals(m.path("subType").asText())) {
                String page = Path.of(m.path("url").asText().replaceFirst("^file:", "")).getFileName().toString();
                errors.add(page + ":" + m.path("lastLine").asText() + " — " + m.path("message").asText()
                        + " [" + m.path("extract").asText().strip() + "]");
            }
        }
        assertEquals(List.of(), errors, "Nu HTML Checker: errors on the pages visited");
    }
}
