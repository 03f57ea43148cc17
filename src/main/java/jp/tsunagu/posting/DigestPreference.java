package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.platform.web.ProblemException;

/** A person's choice to receive the weekly posting digest (on by default; one click to stop). */
@ApplicationScoped
public class DigestPreference {

    public record Input(Boolean enabled) {
    }

    public record State(boolean enabled) {
    }

    @WithSession
    public Uni<State> get(Viewer viewer) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT posting_digest FROM account WHERE id = ?1", Boolean.class)
                .setParameter(1, viewer.accountId()).getSingleResult()).map(State::new);
    }

    @WithTransaction
    public Uni<State> set(Viewer viewer, Input in) {
        if (!viewer.signedIn()) {
            throw ProblemException.unauthorized();
        }
        if (in == null || in.enabled() == null) {
            throw ProblemException.field("enabled", "required");
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE account SET posting_digest = ?1 WHERE id = ?2")
                .setParameter(1, in.enabled()).setParameter(2, viewer.accountId()).executeUpdate()).map(x -> new State(in.enabled()));
    }
}
