package jp.tsunagu.conference;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.platform.live.LiveBus;

import java.util.Collection;

/**
 * Tells every instance, when the caller's transaction commits, that what a conference's live board
 * shows may have changed: its entries, its run, its attendees or its material. Each instance then
 * asks the policy again for every socket it holds on that board and sends what it now shows.
 */
@ApplicationScoped
public class BoardNotices {

    /** The notice's type on the bus. */
    static final String TYPE = "c";

    @Inject
    LiveBus bus;

    public Uni<Void> changed(long conferenceId) {
        return Panache.getSession().chain(s -> bus.send(s, new JsonObject().put("t", TYPE).put("c", conferenceId)));
    }

    public Uni<Void> changed(Collection<Long> conferenceIds) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (long id : conferenceIds) {
            all = all.chain(() -> changed(id));
        }
        return all;
    }
}
