package jp.tsunagu.platform;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jp.tsunagu.support.TestSupport;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every POST and PUT operation of the OpenAPI document, sent malformed bodies as anonymous and as four
 * demo roles: the server must never answer 5xx, and every 4xx under /api/ must be problem+json with
 * message.ja and message.en.
 * <p>
 * Per operation: 21 structural cases (broken JSON, wrong shapes, nesting 2000 deep, a duplicate key, an
 * empty body, invalid UTF-8, form, XML, text/plain, multipart) once anonymous and once as a signed-in role
 * taking turns; 20 fixed nasty values put into every field named by the operation's requestBody schema
 * (the 100 kB string and the deep nesting go into the first field only); and bodies generated from the
 * schema by small seeded generators (wrong types, odd numbers, odd Unicode, injection-looking text), 3 per
 * signed-in role and 1 anonymous. That is 75 requests per operation, about 7,300 for ~98 operations.
 * <p>
 * The generators ({@link Gen}) draw from one {@code java.util.Random} with a fixed seed, printed first
 * (jqwik's authors ask that their library not be used by AI coding agents, so it is not used here);
 * repeat a run with {@code -Dfuzz.seed=<seed>} or explore with
 * {@code -Dfuzz.seed=random}; {@code -Dfuzz.perRole=<n>} changes the generated bodies per signed-in role.
 * <p>
 * What it leaves alone: /api/auth/logout and /logout (they would end the sessions the test uses); the
 * password changes (/api/me/password, /account/password) get only bodies that cannot carry the demo
 * password, so they must fail; role changes go to a throw-away account; operations without a request body
 * and the one-flag actions (publish, confirm, co-host, RSVP, approve, decline, pledge, decision, follow-up,
 * next in series, read, leaving a circle, naming a circle's owners) get an id that does not exist, so a stray valid body cannot change demo data.
 * Generated numbers are never small positive integers (so they never name a real row) and never 0 for a
 * {@code version}. Afterwards the sign-in client counter is reset (failed sign-ins are counted per client)
 * and each role's posting-digest preference is put back.
 */
@QuarkusTest
class FuzzTest {

    private static final long DEFAULT_SEED = 20260601L;
    private static final int GENERATED_PER_SIGNED_IN_ROLE = 3;
    private static final int GENERATED_ANONYMOUS = 1;
    private static final int CONNECT_TIMEOUT_MS = 3_000;
    private static final int READ_TIMEOUT_MS = 8_000;
    private static final int MAX_PROBLEM_ENTRIES = 50;
    private static final int MAX_FAILURES_IN_MESSAGE = 300;
    private static final int EXCERPT_CHARS = 200;
    private static final long MISSING_ID = 999_999_999L;

    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String MULTIPART = "multipart/form-data";

    private static final List<String> ROLE_NAMES = List.of("anonymous", "bridge (center lead)",
            "partner (partner staff)", "admin (network admin)", "sysadmin");
    private static final List<String> ROLE_EMAILS = List.of("bridge@demo.tsunagu.jp", "partner@demo.tsunagu.jp",
            "admin@demo.tsunagu.jp", "sysadmin@demo.tsunagu.jp");

    private static final Set<String> SKIPPED = Set.of("/api/auth/logout", "/logout");
    private static final Set<String> PASSWORD_PATHS = Set.of("/api/me/password", "/account/password");
    private static final List<String> GUARDED_SUFFIXES = List.of("/minutes/publish", "/poll/confirm", "/co-host",
            "/rsvp", "/approve", "/decline", "/approval", "/decision", "/pledge", "/followup", "/next", "/read",
            "/leave", "/owner", "/members/{organizationId}", "/members/{accountId}", "/join", "/merge");
    /** Field names tried when the OpenAPI document names none (page forms read from a MultivaluedMap). */
    private static final List<String> DEFAULT_FIELDS = List.of("title", "name", "body", "email", "password", "role",
            "status", "kind", "version", "organizationId", "circleId", "startsAt", "date", "comment", "accept",
            "action", "q");
    /** A real row for {id}-like path parameters, by the path segment in front of the parameter. */
    private static final Map<String, String> ID_QUERIES = Map.ofEntries(
            Map.entry("meetings", "SELECT id FROM meeting ORDER BY id LIMIT 1"),
            Map.entry("conferences", "SELECT id FROM conference ORDER BY id LIMIT 1"),
            Map.entry("postings", "SELECT id FROM posting ORDER BY id LIMIT 1"),
            Map.entry("internships", "SELECT id FROM posting WHERE kind = 'INTERNSHIP' ORDER BY id LIMIT 1"),
            Map.entry("requests", "SELECT id FROM internship_request ORDER BY id LIMIT 1"),
            Map.entry("candidate-requests", "SELECT id FROM candidate_request ORDER BY id LIMIT 1"),
            Map.entry("programs", "SELECT id FROM program ORDER BY id LIMIT 1"),
            Map.entry("applications", "SELECT id FROM application ORDER BY id LIMIT 1"),
            Map.entry("pairings", "SELECT id FROM pairing ORDER BY id LIMIT 1"),
            Map.entry("milestones", "SELECT id FROM pairing_milestone ORDER BY id LIMIT 1"),
            Map.entry("visits", "SELECT id FROM pairing_visit ORDER BY id LIMIT 1"),
            Map.entry("learnings", "SELECT id FROM learning ORDER BY id LIMIT 1"),
            Map.entry("actions", "SELECT id FROM action_item ORDER BY id LIMIT 1"),
            Map.entry("notifications", "SELECT id FROM notification ORDER BY id LIMIT 1"));

    private static final String DEEP_ARRAY = "[".repeat(2000) + "]".repeat(2000);
    private static final String DEEP_OBJECT = "{\"a\":".repeat(2000) + "1" + "}".repeat(2000);
    private static final String HUGE_ARRAY = "[" + "0,".repeat(19_999) + "0]";
    private static final String TOO_LONG_NUMBER = "1" + "0".repeat(1_200);
    /** Bidi controls, zero-width characters and separators (also escaped in the failure excerpts). */
    private static final String INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060"
            + "\u2066\u2067\u2068\u2069\ufeff\u00ad\u034f\u180e\u2028\u2029";

    private static final String[] NASTY = {
            "", " ", "\u0000", "a\u0000b", "\ud800", "\udfff", "x\ud83d", "\ud83dx\ude00",
            "\u202eevil\u202c", "\u200d\u200b\u2060\ufeff", "\u2028\u2029", "\t\r\n\u000b\u000c",
            "\ud83d\ude00", "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67", "\ud83c\uddef\ud83c\uddf5",
            "e\u0301\u0302\u0303\u0304", "Z\u0334\u0321\u0322\u031b\u0353a\u0336l\u0337g\u0338o",
            "\uff11\uff12\uff13\uff14\uff15", "\uff71\uff72\uff73\uff74\uff75\uff9e\uff9f", "\u3000", "髙﨑",
            "\ud842\udfb7野家", "\ufffd", "\uffff", "\ufffe",
            "' OR 1=1 --", "'; DROP TABLE account; --", "\" OR \"\"=\"", "1; SELECT pg_sleep(0)", "%_%", "\\", "\\u0000",
            "{#for}", "{#for x in y}{x}{/for}", "{#include base /}", "{inject:config}", "${x}", "#{7*7}", "{{7*7}}",
            "<%= 7*7 %>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)",
            "\"><svg onload=alert(1)>", "../../../../etc/passwd", "%00", "%s%s%s%n", "null", "undefined", "NaN",
            "Infinity", "-0", "1e308", "9223372036854775808", "true", "[]", "{}", "\r\nX-Injected: 1",
            "=cmd|' /C calc'!A0", "@SUM(1+1)", "a".repeat(255), "あ".repeat(101)
    };
    private static final String[] EMOJI = {
            "\ud83d\ude00", "\ud83d\udc4d\ud83c\udffd", "\ud83c\uddef\ud83c\uddf5", "\u2764\ufe0f",
            "\ud83d\udc68\u200d\ud83d\udcbb", "\ud83e\udd37\u200d\u2640\ufe0f", "#\ufe0f\u20e3",
            "\ud83c\udff3\ufe0f\u200d\ud83c\udf08"
    };
    private static final String[] DATES = {
            "2024-02-30", "2024-13-01", "0000-00-00", "2023-02-29", "9999-12-31T23:59:60", "+999999999-12-31",
            "-999999999-01-01", "+1000000000-01-01", "2024-01-01T25:00", "2024-01-01T00:00:00+25:00", "24:61",
            "2024-1-1", "\uff12\uff10\uff12\uff14-\uff10\uff11-\uff10\uff11", "令和6年1月1日", "1970-01-01T00:00:00Z",
            "2024-01-01T00:00:00.0000000001", "P1Y", "now", "", "2024-06-01\u0000"
    };
    /** JSON number literals (and near-literals) no field should choke on; no small positive integers. */
    private static final String[] ODD_NUMBERS = {
            "1e308", "-1e308", "1e309", "-1e309", "1e100000", "-1e100000", "9223372036854775808",
            "-9223372036854775809", "9223372036854775807", "-9223372036854775808", "2147483648", "-2147483649",
            "-0", "0", "-1", "-0.0", "0.5", "-1.5", "1e-400", "4.9e-324", "123456789012345678901234567890",
            "NaN", "Infinity", "-Infinity", "0x10", "1_000", TOO_LONG_NUMBER
    };
    /** For fields named version: never 0, so an optimistic-lock check can never pass by chance. */
    private static final String[] ODD_VERSIONS = {
            "-1", "-2147483648", "2147483648", "9223372036854775808", "1e308", "0.5", "NaN", "-1e309"
    };
    private static final String[] ODD_KEYS = {
            "", " ", "__proto__", "constructor", "@class", "@type", "$ref", "a.b", "a[0]",
            "\uff54\uff49\uff54\uff4c\uff45", "title\u0000", "\ud800", "TITLE", "x".repeat(1000)
    };
    private static final String[] MALFORMED_FORM = {
            "%", "%zz", "%E3%81", "%ED%A0%80", "%C0%AE", "%00", "&&&", "=", "==x", "a=%", "%u0041=1",
            "x=\u3042", "%FF%FE=%FF"
    };

    private static final Object HUGE = new Object();
    private static final Object DEEP = new Object();
    private static final Raw NULL = new Raw("null");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern PARAM = Pattern.compile("\\{([^}/]+)\\}");

    /** A JSON literal written as is: numbers no Java type holds, null, true, nesting. */
    record Raw(String json) {
    }

    record Op(String method, String template, boolean api, String primaryType, boolean multipart,
              Map<String, Object> schema, boolean guarded) {
    }

    /** A request body: raw bytes with a content type, or (when file is set) a multipart form. */
    record Body(String kind, String contentType, byte[] bytes, String text,
                byte[] file, String partName, String partValue) {
    }

    static final class Stats {
        int requests;
        int serverErrors;
        int noAnswer;
        int problemViolations;
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final List<String> failures = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
    }

    /** At most one 100 kB string per body, so no body grows to megabytes. */
    static final class Budget {
        boolean huge;
    }

    @Inject
    AgroalDataSource ds;

    private Map<String, Object> doc;
    private Random random;
    private RestAssuredConfig config;
    private final Map<String, Long> ids = new HashMap<>();

    private Gen<Integer> percent;
    private Gen<String> nasty;
    private Gen<String> huge;
    private Gen<String> dates;
    private Gen<Raw> numbers;
    private Gen<Raw> versions;
    private Gen<Raw> booleans;
    private Gen<String> keys;
    private Gen<Map<String, Object>> smallObjects;
    private Gen<List<Object>> smallLists;
    private Gen<String> tokens;
    private Gen<String> languages;
    private Gen<String> malformedForm;
    private Gen<String> enumSuffixes;
    private Gen<List<Byte>> randomBytes;
    private List<Object> fixedValues;

    @Test
    void noPostOrPutAnswers5xxToMalformedInput() throws Exception {
        long seed = seed();
        int perRole = Integer.getInteger("fuzz.perRole", GENERATED_PER_SIGNED_IN_ROLE);
        System.out.println("Fuzz seed: " + seed + " (repeat with -Dfuzz.seed=" + seed + ")");

        byte[] openApi = jp.tsunagu.support.TestSupport.management().accept("application/json").queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asByteArray();
        doc = MAPPER.readValue(openApi, new TypeReference<Map<String, Object>>() {
        });
        config = timeouts();

        List<String> tokensByRole = new ArrayList<>();
        tokensByRole.add(null);
        for (String email : ROLE_EMAILS) {
            tokensByRole.add(TestSupport.token(email));
        }
        Map<Integer, Boolean> digest = digestPreferences(tokensByRole);
        resetClientThrottle();

        Stats stats = new Stats();
        List<Op> ops;
        try {
            random = new Random(seed);
            arbitraries();
            ops = operations();
            assertTrue(ops.size() > 10, "the OpenAPI document lists the POST and PUT operations: " + ops.size());
            System.out.println("Fuzz: " + ops.size() + " POST/PUT operations (skipped " + SKIPPED + ")");
            for (int i = 0; i < ops.size(); i++) {
                fuzz(ops.get(i), i, tokensByRole, perRole, stats);
            }
        } finally {
            resetClientThrottle();
            restoreDigest(tokensByRole, digest);
        }
        report(stats, ops.size(), ROLE_NAMES.size());
    }

    // ---------------------------------------------------------------- one operation

    private void fuzz(Op op, int index, List<String> tokensByRole, int perRole, Stats stats) {
        String path = concrete(op);
        Map<String, Map<String, Object>> fields = properties(op.schema(), 0);
        if (fields.isEmpty()) {
            for (String name : DEFAULT_FIELDS) {
                fields.put(name, null);
            }
        }
        int signedIn = ROLE_NAMES.size() - 1;
        int rotating = 1 + index % signedIn;
        for (Body body : structural(first(fields))) {
            send(op, path, 0, tokensByRole, body, stats);
            send(op, path, rotating, tokensByRole, body, stats);
        }
        for (int i = 0; i < fixedValues.size(); i++) {
            send(op, path, 1 + (index + i) % signedIn, tokensByRole, fixed(op, fields, fixedValues.get(i)), stats);
        }
        for (int role = 0; role < ROLE_NAMES.size(); role++) {
            int n = role == 0 ? GENERATED_ANONYMOUS : perRole;
            for (int k = 0; k < n; k++) {
                send(op, path, role, tokensByRole, generated(op, fields), stats);
            }
        }
    }

    private void send(Op op, String path, int role, List<String> tokensByRole, Body body, Stats stats) {
        String token = tokensByRole.get(role);
        if (token != null && PASSWORD_PATHS.contains(op.template()) && body.text().contains(TestSupport.PASSWORD)) {
            return; // a demo account's password must never change: only bodies that cannot carry it
        }
        String language = draw(languages);
        RequestSpecification spec = given().config(config).redirects().follow(false)
                .header("Accept-Language", language);
        if (token != null) {
            spec.header("Authorization", "Bearer " + token);
        }
        if (body.file() != null) {
            spec.multiPart("file", "fuzz.csv", body.file(), "text/csv");
            if (body.partName() != null) {
                spec.multiPart(body.partName(), body.partValue());
            }
        } else {
            if (body.contentType() != null) {
                spec.contentType(body.contentType());
            }
            if (body.bytes() != null) {
                spec.body(body.bytes());
            }
        }
        stats.requests++;
        String roleName = ROLE_NAMES.get(role) + ", Accept-Language " + language;
        Response response;
        try {
            response = "PUT".equals(op.method()) ? spec.put(path) : spec.post(path);
        } catch (Exception e) {
            stats.noAnswer++;
            stats.statuses.merge(-1, 1, Integer::sum);
            stats.failures.add(describe(op, path, roleName, body, "no answer (timeout " + READ_TIMEOUT_MS + " ms; "
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
            return;
        }
        int status = response.statusCode();
        stats.statuses.merge(status, 1, Integer::sum);
        if (status >= 500) {
            stats.serverErrors++;
            stats.failures.add(describe(op, path, roleName, body, Integer.toString(status)));
            keepWhole(op, path, roleName, body, status);
        } else if (status >= 400 && op.api()) {
            checkProblem(op, path, roleName, body, response, status, stats);
        }
    }

    private static void checkProblem(Op op, String path, String role, Body body, Response response, int status,
                                     Stats stats) {
        String type = response.getContentType();
        boolean problemType = type != null && type.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        boolean messages;
        try {
            JsonNode node = MAPPER.readTree(response.asByteArray());
            messages = node != null && node.path("message").path("ja").isTextual()
                    && node.path("message").path("en").isTextual();
        } catch (Exception e) {
            messages = false;
        }
        if (!problemType || !messages) {
            stats.problemViolations++;
            if (stats.problems.size() < MAX_PROBLEM_ENTRIES) {
                stats.problems.add(describe(op, path, role, body, status
                        + (problemType ? "" : " with content type " + type)
                        + (messages ? "" : " without message.ja and message.en")));
            }
        }
    }

    /** The whole failing request in target/fuzz-failures.txt, to replay it by hand (the report shows excerpts). */
    private static void keepWhole(Op op, String path, String role, Body body, int status) {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "fuzz-failures.txt"),
                    op.method() + " " + path + " as " + role + " -> " + status + " | " + body.kind() + "\n" + body.text() + "\n\n",
                    java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            System.out.println("Fuzz: could not keep the failing request: " + e);
        }
    }

    private static String describe(Op op, String path, String role, Body body, String outcome) {
        return op.method() + " " + path + " as " + role + " -> " + outcome + " | " + body.kind() + ": "
                + excerpt(body.text());
    }

    private static void report(Stats stats, int operations, int roles) {
        System.out.println(String.format("Fuzz: %d requests over %d operations, %d roles; 5xx: %d",
                stats.requests, operations, roles, stats.serverErrors));
        StringBuilder counts = new StringBuilder("Fuzz status counts:");
        for (Map.Entry<Integer, Integer> e : stats.statuses.entrySet()) {
            counts.append(' ').append(e.getKey() < 0 ? "no-answer" : e.getKey().toString()).append('=').append(e.getValue());
        }
        System.out.println(counts);
        System.out.println("Fuzz: no answer: " + stats.noAnswer + "; 4xx under /api/ not problem+json with"
                + " message.ja/en: " + stats.problemViolations);
        for (String f : stats.failures) {
            System.out.println("FUZZ FAILURE " + f);
        }
        for (String p : stats.problems) {
            System.out.println("FUZZ PROBLEM FORMAT " + p);
        }
        if (stats.failures.isEmpty() && stats.problems.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder();
        message.append(stats.serverErrors).append(" answers were 5xx and ").append(stats.noAnswer)
                .append(" requests got no answer (of ").append(stats.requests).append(")");
        for (int i = 0; i < stats.failures.size() && i < MAX_FAILURES_IN_MESSAGE; i++) {
            message.append('\n').append(stats.failures.get(i));
        }
        if (stats.failures.size() > MAX_FAILURES_IN_MESSAGE) {
            message.append("\n... and ").append(stats.failures.size() - MAX_FAILURES_IN_MESSAGE)
                    .append(" more (all of them are printed above as FUZZ FAILURE)");
        }
        message.append("\n").append(stats.problemViolations)
                .append(" 4xx answers under /api/ were not problem+json with message.ja and message.en");
        if (stats.problemViolations > stats.problems.size()) {
            message.append(" (the first ").append(stats.problems.size()).append(" are listed)");
        }
        for (String p : stats.problems) {
            message.append('\n').append(p);
        }
        fail(message.toString());
    }

    // ---------------------------------------------------------------- the OpenAPI document

    private List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        Map<String, Object> paths = map(doc.get("paths"));
        assertTrue(paths != null && !paths.isEmpty(), "the OpenAPI document lists paths");
        for (Map.Entry<String, Object> entry : paths.entrySet()) {
            String template = entry.getKey();
            Map<String, Object> item = map(entry.getValue());
            if (item == null || SKIPPED.contains(template)) {
                continue;
            }
            for (String method : List.of("post", "put")) {
                Map<String, Object> operation = map(item.get(method));
                if (operation == null) {
                    continue;
                }
                Map<String, Object> requestBody = resolve(map(operation.get("requestBody")));
                Map<String, Object> content = requestBody == null ? null : map(requestBody.get("content"));
                List<String> types = content == null ? List.of() : new ArrayList<>(content.keySet());
                boolean api = template.startsWith("/api/");
                String primary = primaryType(api, types);
                Map<String, Object> schema = null;
                if (content != null && !types.isEmpty()) {
                    Map<String, Object> media = map(content.get(content.containsKey(primary) ? primary : types.get(0)));
                    schema = media == null ? null : map(media.get("schema"));
                }
                boolean guarded = requestBody == null || GUARDED_SUFFIXES.stream().anyMatch(template::endsWith);
                ops.add(new Op(method.toUpperCase(Locale.ROOT), template, api, primary, types.contains(MULTIPART),
                        schema, guarded));
            }
        }
        return ops;
    }

    /** Page routes take forms (the origin check answers 415 to anything else); API routes mostly JSON. */
    private static String primaryType(boolean api, List<String> types) {
        if (!api) {
            return types.contains(MULTIPART) && !types.contains(FORM) ? MULTIPART : FORM;
        }
        for (String t : types) {
            if (t.contains("json")) {
                return t;
            }
        }
        return types.isEmpty() ? JSON : types.get(0);
    }

    private Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> current = schema;
        for (int hops = 0; current != null && hops < 20; hops++) {
            Object ref = current.get("$ref");
            if (!(ref instanceof String)) {
                return current;
            }
            current = pointer((String) ref);
        }
        return current;
    }

    private Map<String, Object> pointer(String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        Object node = doc;
        for (String part : ref.substring(2).split("/")) {
            Map<String, Object> m = map(node);
            if (m == null) {
                return null;
            }
            node = m.get(part.replace("~1", "/").replace("~0", "~"));
        }
        return map(node);
    }

    /** The schema's fields by name (following $ref and allOf; the first branch of oneOf/anyOf). */
    private Map<String, Map<String, Object>> properties(Map<String, Object> schema, int depth) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        Map<String, Object> s = resolve(schema);
        if (s == null || depth > 6) {
            return out;
        }
        Map<String, Object> props = map(s.get("properties"));
        if (props != null) {
            for (Map.Entry<String, Object> p : props.entrySet()) {
                out.put(p.getKey(), map(p.getValue()));
            }
        }
        for (String combiner : List.of("allOf", "oneOf", "anyOf")) {
            Object parts = s.get(combiner);
            if (parts instanceof List) {
                for (Object part : (List<?>) parts) {
                    out.putAll(properties(map(part), depth + 1));
                    if (!"allOf".equals(combiner)) {
                        break;
                    }
                }
            }
        }
        return out;
    }

    private String typeOf(Map<String, Object> s) {
        return typeOf(s, 0);
    }

    private String typeOf(Map<String, Object> s, int depth) {
        if (s == null || depth > 6) {
            return null;
        }
        Object type = s.get("type");
        if (type instanceof String) {
            return (String) type;
        }
        if (type instanceof List) {
            for (Object t : (List<?>) type) {
                if (t instanceof String && !"null".equals(t)) {
                    return (String) t;
                }
            }
        }
        if (s.containsKey("properties") || s.containsKey("additionalProperties")) {
            return "object";
        }
        if (s.containsKey("items")) {
            return "array";
        }
        for (String combiner : List.of("allOf", "oneOf", "anyOf")) {
            Object parts = s.get(combiner);
            if (parts instanceof List && !((List<?>) parts).isEmpty()) {
                return typeOf(resolve(map(((List<?>) parts).get(0))), depth + 1);
            }
        }
        return null;
    }

    /** The path with its parameters filled: a real id where one is easy to find, a random token for tokens. */
    private String concrete(Op op) {
        Matcher m = PARAM.matcher(op.template());
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).split(":")[0].trim();
            String before = op.template().substring(0, m.start());
            if (before.endsWith("/")) {
                before = before.substring(0, before.length() - 1);
            }
            String segment = before.substring(before.lastIndexOf('/') + 1);
            String value;
            if (name.toLowerCase(Locale.ROOT).contains("token")) {
                value = draw(tokens);
            } else if (op.guarded()) {
                value = Long.toString(MISSING_ID);
            } else {
                value = Long.toString(realId(segment));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private long realId(String segment) {
        Long known = ids.get(segment);
        if (known != null) {
            return known;
        }
        long id = 1;
        try {
            if ("accounts".equals(segment)) {
                // role changes go to a throw-away account, never to an account the other tests sign in with
                id = TestSupport.accountId(ds, TestSupport.throwAwayAccount(ds, "center-staff", "fuzz-password-1"));
            } else if (ID_QUERIES.containsKey(segment)) {
                id = TestSupport.id(ds, ID_QUERIES.get(segment));
            }
        } catch (RuntimeException e) {
            id = "accounts".equals(segment) ? MISSING_ID : 1;
        }
        ids.put(segment, id);
        return id;
    }

    // ---------------------------------------------------------------- bodies

    private List<Body> structural(String field) {
        String f = quote(field);
        List<Body> list = new ArrayList<>();
        list.add(json("broken JSON", "{"));
        list.add(json("broken JSON", "[1,"));
        list.add(json("broken JSON", "\"x"));
        list.add(json("broken JSON", "}"));
        list.add(json("array instead of object", "[]"));
        list.add(json("number instead of object", "42"));
        list.add(json("string instead of object", "\"just a string\""));
        list.add(json("null instead of object", "null"));
        list.add(json("true instead of object", "true"));
        list.add(json("arrays nested 2000 deep", DEEP_ARRAY));
        list.add(json("objects nested 2000 deep", "{" + f + ":" + DEEP_OBJECT + "}"));
        list.add(json("duplicate key", "{" + f + ":-1," + f + ":\"twice\"}"));
        list.add(new Body("empty body", JSON, new byte[0], "", null, null, null));
        list.add(new Body("no body, no content type", null, null, "", null, null, null));
        list.add(bytes("invalid UTF-8", JSON,
                new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', ':', '1', '}'}));
        list.add(bytes("UTF-32 lookalike", JSON, new byte[] {0, 0, 0, '{', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}));
        list.add(text("form-encoded", FORM, enc(field) + "=-1&%zz=%E3%81&=&&" + enc(field) + "=%ED%A0%80"));
        list.add(text("XML", "application/xml", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM"
                + " \"file:///etc/passwd\"><!ENTITY y \"&x;&x;&x;\">]><r><" + field + ">&y;</" + field + "></r>"));
        list.add(text("JSON as text/plain", "text/plain", "{" + f + ":\"x\"}"));
        list.add(text("JSON declared UTF-16", "application/json; charset=UTF-16", "{" + f + ":\"x\"}"));
        list.add(multipart("multipart", "a,b\n\"unclosed,\u0000\n".getBytes(StandardCharsets.UTF_8), field,
                "<script>alert(1)</script>"));
        return list;
    }

    private Body fixed(Op op, Map<String, Map<String, Object>> fields, Object value) {
        boolean single = value == HUGE || value == DEEP;
        Object v = value == HUGE ? draw(huge) : value == DEEP ? new Raw(DEEP_ARRAY) : value;
        String type = op.primaryType();
        String text = textOf(v);
        String kind = "fixed value in " + (single ? "the first field" : "every field");
        if (type.startsWith(MULTIPART)) {
            return multipart(kind, text.getBytes(StandardCharsets.UTF_8), first(fields), text);
        }
        if (type.startsWith(FORM)) {
            StringBuilder sb = new StringBuilder();
            for (String name : fields.keySet()) {
                append(sb, enc(name) + "=" + enc(text));
                if (single) {
                    break;
                }
            }
            return text(kind, FORM, sb.toString());
        }
        if (type.contains("json")) {
            Map<String, Object> body = new LinkedHashMap<>();
            for (String name : fields.keySet()) {
                body.put(name, v);
                if (single) {
                    break;
                }
            }
            return json(kind, toJson(body));
        }
        return bytes(kind, type, text.getBytes(StandardCharsets.UTF_8));
    }

    private Body generated(Op op, Map<String, Map<String, Object>> fields) {
        Budget budget = new Budget();
        String type = op.primaryType();
        if (type.startsWith(MULTIPART) || (op.multipart() && percent() < 50)) {
            return multipart("generated multipart", fileContent(fields, budget), first(fields), string(budget));
        }
        if (type.startsWith(FORM)) {
            return form("generated form", fields, budget);
        }
        if (type.contains("json")) {
            Map<String, Object> schema = resolve(op.schema());
            String shape = typeOf(schema);
            Object value = shape == null || "object".equals(shape) ? object(fields, 0, budget)
                    : typedOrWrong(schema, 0, budget);
            return json("generated", toJson(value));
        }
        return bytes("generated " + type, type, fileContent(fields, budget));
    }

    private Map<String, Object> object(Map<String, Map<String, Object>> props, int depth, Budget budget) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean complete = percent() < 25; // every field, each of its own type (past the type checks)
        for (Map.Entry<String, Map<String, Object>> field : props.entrySet()) {
            if (!complete && percent() < 15) {
                continue;
            }
            Object value;
            if ("version".equals(field.getKey())) {
                value = percent() < 70 ? draw(versions) : string(budget);
            } else if (complete) {
                value = typed(field.getValue(), depth, budget);
            } else {
                value = typedOrWrong(field.getValue(), depth, budget);
            }
            out.put(field.getKey(), value);
        }
        if (percent() < 25) {
            out.put(draw(keys), anyValue(budget));
        }
        return out;
    }

    private Object typedOrWrong(Map<String, Object> schema, int depth, Budget budget) {
        return percent() < 35 ? anyValue(budget) : typed(schema, depth, budget);
    }

    /** A value of the schema's own type, chosen to be odd: nasty text, odd numbers, near-miss enum values. */
    private Object typed(Map<String, Object> schema, int depth, Budget budget) {
        Map<String, Object> s = resolve(schema);
        String type = typeOf(s);
        if (type == null) {
            return anyValue(budget);
        }
        Object options = s.get("enum");
        if (options instanceof List && !((List<?>) options).isEmpty() && percent() < 40) {
            List<?> values = (List<?>) options;
            return values.get(percent() % values.size()) + draw(enumSuffixes);
        }
        switch (type) {
            case "string": {
                Object format = s.get("format");
                String f = format instanceof String ? (String) format : "";
                if ((f.contains("date") || f.contains("time")) && percent() < 60) {
                    return draw(dates);
                }
                return string(budget);
            }
            case "integer":
            case "number":
                return draw(numbers);
            case "boolean":
                return draw(booleans);
            case "array": {
                if (percent() < 4) {
                    return new Raw(HUGE_ARRAY);
                }
                Map<String, Object> items = map(s.get("items"));
                List<Object> list = new ArrayList<>();
                int n = percent() % 4;
                for (int i = 0; i < n; i++) {
                    list.add(depth >= 3 ? anyValue(budget) : typedOrWrong(items, depth + 1, budget));
                }
                return list;
            }
            case "object": {
                Map<String, Map<String, Object>> props = properties(s, 0);
                if (props.isEmpty() || depth >= 3) {
                    return anyValue(budget);
                }
                return object(props, depth + 1, budget);
            }
            default:
                return anyValue(budget);
        }
    }

    /** Any JSON value at all: mostly the wrong type for the field it lands in. */
    private Object anyValue(Budget budget) {
        int p = percent();
        if (p < 30) {
            return string(budget);
        }
        if (p < 48) {
            return draw(numbers);
        }
        if (p < 55) {
            return draw(booleans);
        }
        if (p < 60) {
            return NULL;
        }
        if (p < 74) {
            return draw(smallObjects);
        }
        if (p < 88) {
            return draw(smallLists);
        }
        if (p < 92) {
            return new Raw(DEEP_ARRAY);
        }
        if (p < 95) {
            return new Raw(DEEP_OBJECT);
        }
        if (p < 97) {
            return new Raw(HUGE_ARRAY);
        }
        return draw(dates);
    }

    private String string(Budget budget) {
        if (!budget.huge && percent() < 1) {
            budget.huge = true;
            return draw(huge);
        }
        return draw(nasty);
    }

    private Body form(String kind, Map<String, Map<String, Object>> fields, Budget budget) {
        StringBuilder sb = new StringBuilder();
        for (String name : fields.keySet()) {
            if (percent() < 15) {
                continue;
            }
            int times = percent() < 10 ? 2 : 1;
            for (int i = 0; i < times; i++) {
                append(sb, enc(name) + "=" + formValue(name, budget));
            }
        }
        if (percent() < 25) {
            append(sb, draw(malformedForm));
        }
        return text(kind, FORM, sb.toString());
    }

    private String formValue(String name, Budget budget) {
        if ("version".equals(name)) {
            return enc(percent() < 70 ? draw(versions).json() : string(budget));
        }
        int p = percent();
        if (p < 65) {
            return enc(string(budget));
        }
        if (p < 85) {
            return enc(draw(numbers).json());
        }
        if (p < 92) {
            return "";
        }
        return draw(malformedForm);
    }

    /** A CSV-looking file (header from the field names, odd cells, unbalanced quotes) or random bytes. */
    private byte[] fileContent(Map<String, Map<String, Object>> fields, Budget budget) {
        if (percent() < 25) {
            List<Byte> raw = draw(randomBytes);
            byte[] out = new byte[raw.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = raw.get(i);
            }
            return out;
        }
        List<String> header = new ArrayList<>(fields.keySet());
        if (header.size() > 8) {
            header = header.subList(0, 8);
        }
        StringBuilder sb = new StringBuilder();
        if (percent() < 20) {
            sb.append('\ufeff');
        }
        sb.append(String.join(",", header));
        String eol = percent() < 50 ? "\n" : "\r\n";
        int rows = 1 + percent() % 3;
        for (int r = 0; r < rows; r++) {
            sb.append(eol);
            int cells = Math.max(1, header.size() + percent() % 3 - 1);
            for (int c = 0; c < cells; c++) {
                if (c > 0) {
                    sb.append(',');
                }
                String cell = string(budget);
                sb.append(percent() < 70 ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Body json(String kind, String json) {
        return new Body(kind, JSON, json.getBytes(StandardCharsets.UTF_8), json, null, null, null);
    }

    private static Body text(String kind, String contentType, String text) {
        return new Body(kind, contentType, text.getBytes(StandardCharsets.UTF_8), text, null, null, null);
    }

    private static Body bytes(String kind, String contentType, byte[] bytes) {
        return new Body(kind, contentType, bytes, new String(bytes, StandardCharsets.UTF_8), null, null, null);
    }

    private static Body multipart(String kind, byte[] file, String partName, String partValue) {
        String value = partValue == null || partValue.isEmpty() ? "-" : partValue;
        return new Body(kind, null, null, partName + "=" + value + " file=" + new String(file, StandardCharsets.UTF_8),
                file, partName, value);
    }

    private static String first(Map<String, Map<String, Object>> fields) {
        return fields.isEmpty() ? "title" : fields.keySet().iterator().next();
    }

    private static void append(StringBuilder form, String part) {
        if (form.length() > 0) {
            form.append('&');
        }
        form.append(part);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String textOf(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Raw) {
            return ((Raw) value).json();
        }
        return toJson(value);
    }

    // ---------------------------------------------------------------- JSON written by hand

    /** JSON text; lone surrogates become \\u escapes (the only way to carry them), pairs stay as they are. */
    static String toJson(Object value) {
        StringBuilder sb = new StringBuilder();
        writeJson(sb, value);
        return sb.toString();
    }

    private static void writeJson(StringBuilder sb, Object value) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Raw) {
            sb.append(((Raw) value).json());
        } else if (value instanceof String) {
            quote(sb, (String) value);
        } else if (value instanceof Map) {
            sb.append('{');
            boolean firstEntry = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (!firstEntry) {
                    sb.append(',');
                }
                firstEntry = false;
                quote(sb, String.valueOf(e.getKey()));
                sb.append(':');
                writeJson(sb, e.getValue());
            }
            sb.append('}');
        } else if (value instanceof List) {
            sb.append('[');
            boolean firstItem = true;
            for (Object item : (List<?>) value) {
                if (!firstItem) {
                    sb.append(',');
                }
                firstItem = false;
                writeJson(sb, item);
            }
            sb.append(']');
        } else if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else {
            quote(sb, String.valueOf(value));
        }
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        quote(sb, s);
        return sb.toString();
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                sb.append("\\\"");
            } else if (c == '\\') {
                sb.append("\\\\");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(i + 1));
                i++;
            } else if (Character.isSurrogate(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    /** At most 200 characters; control, bidi and zero-width characters and lone surrogates as \\u escapes. */
    static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (; i < text.length() && sb.length() < EXCERPT_CHARS - 30; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                sb.append(c).append(text.charAt(i + 1));
                i++;
            } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || INVISIBLE.indexOf(c) >= 0) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (i < text.length()) {
            sb.append("... (").append(text.length()).append(" chars)");
        }
        if (sb.length() > EXCERPT_CHARS) {
            sb.setLength(EXCERPT_CHARS);
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- the generators (seeded, so a run reproduces)

    /** A value generator: a function of the run's seeded Random. */
    interface Gen<T> {
        T next(Random r);

        default <U> Gen<U> map(java.util.function.Function<T, U> f) {
            return r -> f.apply(next(r));
        }

        default Gen<T> filter(java.util.function.Predicate<T> keep) {
            return r -> {
                for (int i = 0; i < 1000; i++) {
                    T v = next(r);
                    if (keep.test(v)) {
                        return v;
                    }
                }
                throw new IllegalStateException("filter kept nothing");
            };
        }

        default Gen<List<T>> list(int min, int max) {
            return r -> {
                int n = min + r.nextInt(max - min + 1);
                List<T> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    out.add(next(r));
                }
                return out;
            };
        }

        @SuppressWarnings("unchecked")
        default Gen<Object> asGeneric() {
            return r -> next(r);
        }
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        return r -> values[r.nextInt(values.length)];
    }

    static <T> Gen<T> of(List<T> values) {
        return r -> values.get(r.nextInt(values.size()));
    }

    static <T> Gen<T> oneOf(List<Gen<? extends T>> gens) {
        return r -> gens.get(r.nextInt(gens.size())).next(r);
    }

    /** Strings of {@code min..max} characters drawn from the given inclusive ranges (pairs) and single characters. */
    static Gen<String> strings(int min, int max, String singles, char... ranges) {
        return r -> {
            int n = min + r.nextInt(max - min + 1);
            StringBuilder sb = new StringBuilder(n);
            int spans = ranges.length / 2;
            for (int i = 0; i < n; i++) {
                int pick = r.nextInt(spans + (singles.isEmpty() ? 0 : 1));
                if (pick == spans) {
                    sb.append(singles.charAt(r.nextInt(singles.length())));
                } else {
                    char lo = ranges[2 * pick];
                    char hi = ranges[2 * pick + 1];
                    sb.append((char) (lo + r.nextInt(hi - lo + 1)));
                }
            }
            return sb.toString();
        };
    }

    private <T> T draw(Gen<T> gen) {
        return gen.next(random);
    }

    private int percent() {
        return draw(percent);
    }

    private void arbitraries() {
        percent = r -> r.nextInt(100);

        Gen<String> listed = of(NASTY);
        Gen<String> control = strings(1, 12, "", '\u0000', '\u001f');
        Gen<String> anyChar = strings(1, 40, "", '\u0000', '\uffff');
        Gen<String> japanese = strings(1, 60, "",
                '\u3040', '\u30ff',  // hiragana and katakana
                '\u4e00', '\u4fff',  // kanji
                '\uff10', '\uff19',  // full-width digits
                '\uff61', '\uff9f'); // half-width katakana
        Gen<String> invisible = strings(1, 30, INVISIBLE, '\u0300', '\u036f'); // and combining marks
        Gen<String> surrogates = strings(1, 6, "", '\ud800', '\udfff');
        Gen<String> emoji = of(EMOJI).list(1, 8).map(parts -> String.join("", parts));
        Gen<String> mixed = r -> japanese.next(r) + listed.next(r) + invisible.next(r);
        nasty = oneOf(List.of(listed, listed, listed, control, anyChar, japanese, invisible, surrogates, emoji, mixed));

        huge = of(List.of(
                "x".repeat(100_000),
                "あ".repeat(34_000),
                "\ud83d\ude00".repeat(25_000),
                "e" + "\u0301".repeat(50_000),
                "' OR 1=1 -- ".repeat(8_500),
                "\u0000".repeat(20_000),
                "\u202e".repeat(34_000)));
        dates = of(DATES);

        Gen<Raw> literal = of(ODD_NUMBERS).map(Raw::new);
        Gen<Raw> longs = ((Gen<Long>) r -> r.nextLong()).filter(n -> n <= 0 || n > 1_000_000_000L)
                .map(n -> new Raw(Long.toString(n)));
        Gen<Raw> bigs = r -> new Raw(BigInteger.valueOf(Long.MAX_VALUE).add(new BigInteger(200, r)).toString());
        Gen<Raw> doubles = ((Gen<Double>) r -> {
            double[] special = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -0.0, 0.0, 1e300, -1e-300};
            return r.nextInt(3) == 0 ? special[r.nextInt(special.length)] : (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(300));
        }).filter(d -> !(d > 0 && d < 1e9)).map(d -> new Raw(Double.toString(d)));
        numbers = oneOf(List.of(literal, literal, longs, bigs, doubles));
        Gen<Raw> versionLiteral = of(ODD_VERSIONS).map(Raw::new);
        Gen<Raw> negative = r -> new Raw(Long.toString(-1 - (r.nextLong() & Long.MAX_VALUE) % Long.MAX_VALUE));
        versions = oneOf(List.of(versionLiteral, negative, bigs));
        booleans = of(new Raw("true"), new Raw("false"));

        Gen<String> oddKeys = of(ODD_KEYS);
        keys = oneOf(List.of(oddKeys, anyChar, japanese));
        Gen<Object> scalar = oneOf(List.of(nasty.asGeneric(), numbers.asGeneric(), booleans.asGeneric(),
                (Gen<Object>) r -> NULL));
        smallObjects = r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            int n = r.nextInt(5);
            for (int i = 0; i < n; i++) {
                m.put(keys.next(r), scalar.next(r));
            }
            return m;
        };
        smallLists = scalar.list(0, 5);

        tokens = strings(43, 43, "-_", 'a', 'z', 'A', 'Z', '0', '9');
        languages = of("ja", "en", "ja-JP,ja;q=0.9,en;q=0.8", "en-US", "zz-ZZ", "*;q=abc", "ja;q=2, en;q=-1");
        malformedForm = of(MALFORMED_FORM);
        enumSuffixes = of("\u0000", "\u200b", "\u0301", "_x", "\ud800", "X");
        randomBytes = ((Gen<Byte>) r -> (byte) r.nextInt(256)).list(0, 300);

        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("a", Map.of("b", List.of(new Raw("-1"), Map.of("c", NULL))));
        fixedValues = List.of(
                "a\u0000b",                                   // NUL
                "\ud800",                                     // lone high surrogate
                "x\udc00y",                                   // lone low surrogate
                "\u202eabc\u202c",                            // right-to-left override
                "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67\u200d\ud83d\udc66", // emoji joined by ZWJ
                "e\u0301\u0302\u0303\u0304\u0305\u0306",      // stacked combining marks
                "\uff11\uff12\uff13\uff14",                   // full-width digits
                "\uff71\uff72\uff73\uff9e\uff9f",             // half-width katakana
                "' OR 1=1 --",
                "{#for}{#for i in 100000}{i}{/for}",
                "${x}",
                "<script>alert(1)</script>",
                new Raw("1e308"),
                new Raw("9223372036854775808"),
                new Raw("-1"),
                new Raw("-0"),
                nested,
                List.of("x", new Raw("-1"), NULL),
                HUGE,
                DEEP);
    }

    // ---------------------------------------------------------------- set-up and clean-up

    private static long seed() {
        String configured = System.getProperty("fuzz.seed");
        if (configured == null || configured.isBlank()) {
            return DEFAULT_SEED;
        }
        if ("random".equalsIgnoreCase(configured.trim())) {
            return new Random().nextLong();
        }
        return Long.parseLong(configured.trim());
    }

    /** Quarkus's REST Assured settings, plus short timeouts and the bodies sent exactly as given. */
    private static RestAssuredConfig timeouts() {
        RestAssuredConfig base = RestAssured.config();
        return base
                .httpClient(base.getHttpClientConfig()
                        .setParam("http.connection.timeout", CONNECT_TIMEOUT_MS)
                        .setParam("http.socket.timeout", READ_TIMEOUT_MS)
                        .setParam("http.conn-manager.timeout", (long) CONNECT_TIMEOUT_MS))
                // bodies are sent as the bytes given, whatever their declared type (a form body may be malformed on purpose)
                .encoderConfig(base.getEncoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                        .encodeContentTypeAs("application/x-www-form-urlencoded", io.restassured.http.ContentType.BINARY)
                        .encodeContentTypeAs("application/xml", io.restassured.http.ContentType.BINARY)
                        .encodeContentTypeAs("text/plain", io.restassured.http.ContentType.BINARY))
                .redirect(RedirectConfig.redirectConfig().followRedirects(false));
    }

    /** Failed sign-ins are counted per client address; the fuzzed sign-ins must not lock out later tests. */
    private void resetClientThrottle() {
        try {
            TestSupport.update(ds, "UPDATE login_client_throttle SET failures = 0");
        } catch (RuntimeException ignored) {
            // nothing counted yet
        }
    }

    private static Map<Integer, Boolean> digestPreferences(List<String> tokensByRole) {
        Map<Integer, Boolean> saved = new HashMap<>();
        for (int i = 0; i < tokensByRole.size(); i++) {
            String token = tokensByRole.get(i);
            if (token == null) {
                continue;
            }
            try {
                Response r = given().auth().oauth2(token).get("/api/me/posting-digest");
                if (r.statusCode() == 200) {
                    Object enabled = r.path("enabled");
                    if (enabled instanceof Boolean) {
                        saved.put(i, (Boolean) enabled);
                    }
                }
            } catch (RuntimeException ignored) {
                // no preference to keep
            }
        }
        return saved;
    }

    private static void restoreDigest(List<String> tokensByRole, Map<Integer, Boolean> saved) {
        for (Map.Entry<Integer, Boolean> e : saved.entrySet()) {
            try {
                given().auth().oauth2(tokensByRole.get(e.getKey())).contentType(ContentType.JSON)
                        .body(Map.of("enabled", e.getValue())).put("/api/me/posting-digest");
            } catch (RuntimeException ignored) {
                // best effort
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : null;
    }
}
