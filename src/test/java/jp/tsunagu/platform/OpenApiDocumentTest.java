package jp.tsunagu.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document declares every operation's problem+json answers with examples in both
 * languages, so API clients can be generated from it.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    @Test
    void everyOperationDeclaresItsProblemAnswers() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(jp.tsunagu.support.TestSupport.management().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        JsonNode problem = doc.path("components").path("schemas").path("Problem");
        assertTrue(problem.path("properties").has("errors") && problem.path("properties").has("message"), "the Problem schema");
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = op.getValue().path("responses");
                boolean write = !op.getKey().equals("get");
                List<String> wanted = new ArrayList<>(List.of("503"));
                if (path.getKey().contains("{")) {
                    wanted.add("404");
                }
                if (write) {
                    wanted.addAll(List.of("400", "403", "409"));
                }
                if (path.getKey().contains("{token}")) {
                    wanted.add("410");
                }
                if (path.getKey().startsWith("/api/meetings") || path.getKey().startsWith("/api/postings")) {
                    wanted.add("401");
                }
                for (String code : wanted) {
                    JsonNode media = responses.path(code).path("content").path("application/problem+json");
                    if (media.isMissingNode()) {
                        missing.add(name + " " + code);
                        continue;
                    }
                    JsonNode example = media.path("example");
                    if (!example.path("message").has("ja") || !example.path("message").has("en")
                            || example.path("status").asInt() != Integer.parseInt(code)) {
                        missing.add(name + " " + code + " (example)");
                    }
                }
            }
        }
        assertTrue(operations > 150, "operations in the document: " + operations);
        assertEquals(List.of(), missing, "operations without their problem answers");
    }
}
