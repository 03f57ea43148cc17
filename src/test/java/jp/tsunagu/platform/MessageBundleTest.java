package jp.tsunagu.platform;

import jp.tsunagu.access.Role;
import jp.tsunagu.access.OrgType;
import jp.tsunagu.platform.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every UI text exists in Japanese and English, and every key the templates and the Java code
 * ask for is in the bundles.
 */
class MessageBundleTest {

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundleTest.class.getClassLoader().getResourceAsStream("messages/" + name)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> ja = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        Set<String> onlyJa = new TreeSet<>(ja);
        onlyJa.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(ja);
        assertTrue(onlyJa.isEmpty(), "missing in English: " + onlyJa);
        assertTrue(onlyEn.isEmpty(), "missing in Japanese: " + onlyEn);
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        List<String> missing = new ArrayList<>();
        Pattern t = Pattern.compile("m:t\\('([a-z0-9.-]+)'");
        Pattern label = Pattern.compile("m:label\\('([a-z-]+)'");
        Pattern problem = Pattern.compile("ProblemException\\((?:\\d+|[a-z]+\\.status\\(\\)), \"([a-z-]+)\"");
        Pattern field = Pattern.compile("FieldError\\([^,]+, \"([a-z-]+)\"");
        Pattern field2 = Pattern.compile("ProblemException\\.field\\([^,]+, \"([a-z-]+)\"");
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/resources/templates")),
                Files.walk(Path.of("src/main/java")))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                if (f.toString().endsWith(".html")) {
                    check(t, text, "", missing, f);
                }
                check(problem, text, "problem.", missing, f);
                check(field, text, "field.", missing, f);
                check(field2, text, "field.", missing, f);
                Matcher m = label.matcher(text);
                while (m.find()) {
                    assertTrue(Messages.bundle(Messages.JA).keySet().stream().anyMatch(k -> k.startsWith(m.group(1) + ".")),
                            "no labels for family " + m.group(1));
                }
            }
        }
        for (OrgType type : OrgType.values()) {
            require("org-type." + type.name(), missing);
        }
        for (Role role : Role.values()) {
            require("role." + role.wire(), missing);
        }
        assertEquals(List.of(), missing);
    }

    private static void check(Pattern p, String text, String prefix, List<String> missing, Path f) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            String key = prefix + m.group(1);
            if (!Messages.has(Messages.JA, key) || !Messages.has(Messages.EN, key)) {
                missing.add(key + " (" + f.getFileName() + ")");
            }
        }
    }

    private static void require(String key, List<String> missing) {
        if (!Messages.has(Messages.JA, key) || !Messages.has(Messages.EN, key)) {
            missing.add(key);
        }
    }

    /** In a message with arguments a lone apostrophe starts a MessageFormat quote and swallows what follows ({0} shown as is). */
    @Test
    void messagesWithArgumentsHaveNoLoneApostrophe() throws IOException {
        List<String> quoted = new ArrayList<>();
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            Properties p = load(file);
            for (String key : p.stringPropertyNames()) {
                String v = p.getProperty(key);
                if (v.matches("(?s).*\\{\\d.*") && v.replace("''", "").contains("'")) {
                    quoted.add(file + ": " + key);
                }
            }
        }
        assertEquals(List.of(), quoted);
        assertEquals(true, Messages.get(Messages.EN, "invite.lead", 7).contains("after 7 days"));
    }

    @Test
    void messagesFormatInBothLanguages() {
        assertEquals("11 件", Messages.get(Messages.JA, "directory.results", 11));
        assertEquals("11 results", Messages.get(Messages.EN, "directory.results", 11));
    }
}
