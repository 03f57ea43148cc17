package jp.tsunagu.survey;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.web.Params;
import jp.tsunagu.questionnaire.Answers;
import jp.tsunagu.survey.SurveyInputs.CreateInput;
import jp.tsunagu.survey.SurveyInputs.PaperInput;
import jp.tsunagu.survey.SurveyInputs.RecipientsInput;
import jp.tsunagu.survey.SurveyInputs.ShareInput;
import jp.tsunagu.survey.SurveyInputs.UpdateInput;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Surveys over JSON: one route per use case; every read and write goes through the access policy. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class SurveyApi {

    static final String XLSX = jp.tsunagu.platform.web.Spreadsheet.MEDIA_TYPE;

    @Inject
    ViewerService viewers;

    @Inject
    SurveyService surveys;

    @Inject
    SurveyWrites writes;

    @Inject
    SurveyResults results;

    @Inject
    SurveyLinks links;

    @Inject
    SurveyMails mails;

    @GET
    @Path("/surveys")
    public Uni<List<SurveyService.Row>> list() {
        return viewers.signedIn().chain(surveys::list);
    }

    @POST
    @Path("/surveys")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(CreateInput body) {
        return viewers.signedIn().chain(v -> writes.create(v, body).chain(id -> surveys.detail(v, id))
                .map(d -> Response.created(URI.create("/api/surveys/" + d.id())).entity(d).build()));
    }

    @GET
    @Path("/surveys/{id}")
    public Uni<SurveyService.Detail> detail(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> surveys.detail(v, id));
    }

    @PUT
    @Path("/surveys/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SurveyService.Detail> update(@PathParam("id") String rawId, UpdateInput body) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> writes.update(v, id, body).chain(() -> surveys.detail(v, id)));
    }

    @POST
    @Path("/surveys/{id}/recipients")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SurveyWrites.Added> recipients(@PathParam("id") String rawId, RecipientsInput body) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> writes.addRecipients(v, id, body));
    }

    @DELETE
    @Path("/surveys/{id}/recipients/{recipientId}")
    public Uni<Response> removeRecipient(@PathParam("id") String rawId, @PathParam("recipientId") String rawRecipient) {
        long id = Params.pathId(rawId);
        long recipient = Params.pathId(rawRecipient);
        return viewers.signedIn().chain(v -> writes.removeRecipient(v, id, recipient)).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/surveys/{id}/send")
    public Uni<SurveyWrites.Mailed> send(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> writes.send(v, id)).call(sent -> mails.send(sent.mails()))
                .map(SurveyMails.Sent::value);
    }

    @POST
    @Path("/surveys/{id}/remind")
    public Uni<SurveyWrites.Mailed> remind(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> writes.remind(v, id)).call(sent -> mails.send(sent.mails()))
                .map(SurveyMails.Sent::value);
    }

    @POST
    @Path("/surveys/{id}/shares")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SurveyService.Detail> share(@PathParam("id") String rawId, ShareInput body) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> writes.share(v, id, body).chain(() -> surveys.detail(v, id)));
    }

    @GET
    @Path("/surveys/{id}/responses")
    public Uni<SurveyService.Responses> responses(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> surveys.responses(v, id));
    }

    @POST
    @Path("/surveys/{id}/paper-responses")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> paper(@PathParam("id") String rawId, PaperInput body) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> writes.paper(v, id, body))
                .map(responseId -> Response.status(201).entity(Map.of("responseId", responseId)).build());
    }

    @GET
    @Path("/surveys/{id}/results")
    public Uni<SurveyResults.Results> results(@PathParam("id") String rawId, @QueryParam("compare") String compare,
                                              @QueryParam("orgType") String orgType) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> results.results(v, id, compare, orgType));
    }

    @GET
    @Path("/surveys/{id}/results.csv")
    @Produces("text/csv")
    public Uni<Response> csv(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> results.export(v, id, "csv")).map(s -> Response.ok(SurveyResults.csv(s))
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"survey-" + id + ".csv\"").build());
    }

    @GET
    @Path("/surveys/{id}/results.xlsx")
    @Produces(XLSX)
    public Uni<Response> xlsx(@PathParam("id") String rawId) {
        long id = Params.pathId(rawId);
        return viewers.signedIn().chain(v -> results.export(v, id, "xlsx")).map(s -> Response.ok(SurveyResults.xlsx(s, "answers"))
                .type(XLSX).header("Content-Disposition", "attachment; filename=\"survey-" + id + ".xlsx\"").build());
    }

    /** A recipient's own survey and answer, through its personal link (no sign-in). */
    @GET
    @Path("/survey/{token}")
    public Uni<SurveyLinks.Opened> opened(@PathParam("token") String token) {
        return viewers.current().chain(v -> links.open(token, "en".equals(v.locale().getLanguage())));
    }

    @POST
    @Path("/survey/{token}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SurveyLinks.Opened> answer(@PathParam("token") String token, Answers body) {
        return viewers.current().chain(v -> links.answer(token, body, "en".equals(v.locale().getLanguage())));
    }
}
