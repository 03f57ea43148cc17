package jp.tsunagu.meeting;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** Private iCalendar feeds that calendar apps subscribe to: the secret URL is the credential. */
@Path("/ical")
public class CalendarFeedResource {

    @Inject
    CalendarService calendars;

    @GET
    @Path("/{token}.ics")
    @Produces("text/calendar")
    public Uni<Response> feed(@PathParam("token") String token) {
        return calendars.feed(token).map(text -> Response.ok(text).type("text/calendar; charset=UTF-8")
                .header("Cache-Control", "private, max-age=300").build());
    }
}
