package jp.tsunagu.platform.web;

import jp.tsunagu.platform.i18n.Messages;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Declares the problem+json answers of every operation in the OpenAPI document, each with an
 * example in both languages, so generated clients know them: 400 where there is input, 401 where a
 * session is needed, 403 for unsafe requests (the origin check), 404 where a path names something
 * (or for anything the policy hides), 409 for writes (a stale version, a state that does not allow
 * it, a duplicate), 410 for personal links and case material that can end, 429 for sign-in, 503
 * while the database is out of reach. Runs once, when the application is built (not at every
 * start: applied at start, the document was built and written out there, about a second).
 */
@io.quarkus.smallrye.openapi.OpenApiFilter(stages = io.quarkus.smallrye.openapi.OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {

    static final String SCHEMA = "Problem";
    static final String REF = "#/components/schemas/" + SCHEMA;

    /** Operations anyone may call without a session: sign-in, personal links, feeds, public pages. */
    static boolean open(String path) {
        return path.startsWith("/api/auth/login") || path.contains("{token}") || path.startsWith("/ical/")
                || path.equals("/login") || path.startsWith("/lang") || path.startsWith("/p/") || path.equals("/")
                || path.startsWith("/directory") || path.startsWith("/api/directory") || path.startsWith("/q/");
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        components.addSchema(SCHEMA, problemSchema());
        api.setComponents(components);
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> declare(path, method, op)));
    }

    static void declare(String path, PathItem.HttpMethod method, Operation op) {
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                && method != PathItem.HttpMethod.OPTIONS;
        List<Parameter> params = op.getParameters() == null ? List.of() : op.getParameters();
        boolean pathParam = path.contains("{");
        boolean input = write || !params.isEmpty() || op.getRequestBody() != null;
        if (input) {
            add(responses, "400", "Bad input: the fields named in errors[] are refused, nothing is stored.", "invalid",
                    List.of(Map.of("field", "title", "code", "required", "message", Problems.both("field.required"))));
        }
        if (!open(path)) {
            add(responses, "401", "Sign in first (no session, or the session has ended).", "unauthorized", null);
        }
        if (write) {
            add(responses, "403", "An unsafe request with the session cookie from another site (the origin check).", "csrf", null);
        }
        if (pathParam || !open(path)) {
            add(responses, "404", "Not found, or not for this person: what the policy hides answers as if it did not exist.",
                    "not-found", null);
        }
        if (write) {
            add(responses, "409", "Conflict: a stale version (the current state is in current), a state that does not allow this,"
                    + " or a duplicate.", "conflict", null);
        }
        if (path.contains("{token}") || path.contains("/case") || path.startsWith("/api/invitations")) {
            add(responses, "410", "Gone: a personal link that has ended, or case material deleted after its retention time.",
                    "material-deleted", null);
        }
        if (path.startsWith("/api/auth/login") || path.equals("/login")) {
            add(responses, "429", "Too many sign-in attempts: wait for Retry-After seconds.", "sign-in-wait", null);
        }
        add(responses, "503", "The database is out of reach for a moment: try again (Retry-After).", "database-unavailable", null);
        op.setResponses(responses);
    }

    static void add(APIResponses responses, String code, String description, String key, List<Map<String, Object>> errors) {
        APIResponse existing = responses.hasAPIResponse(code) ? responses.getAPIResponse(code) : null;
        if (existing != null && existing.getContent() != null
                && existing.getContent().hasMediaType(Problems.MEDIA_TYPE)) {
            return;
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "https://tsunagu.jp/problems/" + key);
        example.put("title", Messages.get(Messages.EN, "problem." + key + ".title"));
        example.put("status", Integer.parseInt(code));
        example.put("detail", Messages.get(Messages.JA, "problem." + key));
        example.put("message", Problems.both("problem." + key));
        if (errors != null) {
            example.put("errors", errors);
        }
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF)).example(example);
        if (existing != null) {
            // a response the framework declared (Bean Validation's 400, the security 401/403): give it the body it has
            Content content = existing.getContent() == null ? OASFactory.createContent() : existing.getContent();
            existing.content(content.addMediaType(Problems.MEDIA_TYPE, media));
            return;
        }
        Content content = OASFactory.createContent().addMediaType(Problems.MEDIA_TYPE, media);
        APIResponse response = OASFactory.createAPIResponse().description(description).content(content);
        responses.addAPIResponse(code, response);
    }

    static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema both = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description("The message in Japanese and English")
                .addProperty("ja", text).addProperty("en", text).required(List.of("ja", "en"));
        Schema field = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The refused field, as named in the request (items[0].start)"))
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING).description("The rule, e.g. required"))
                .addProperty("message", both);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, with the message in both languages")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The message in the request's language"))
                .addProperty("instance", text)
                .addProperty("message", both)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(field))
                .addProperty("current", OASFactory.createSchema().description("With 409 for a stale version: what is stored now"))
                .required(List.of("type", "title", "status"));
    }
}
