package jp.tsunagu.pairing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

import java.util.List;

/** Replacing a parent's ordered child rows (template steps, itinerary, assessment items) as a whole. */
final class Rows {

    private Rows() {
    }

    /** Deletes the old rows (flushed first, so positions can be reused) and stores the new ones. */
    static Uni<Void> replace(List<? extends PanacheEntityBase> old, List<? extends PanacheEntityBase> fresh) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PanacheEntityBase row : old) {
            chain = chain.chain(row::delete);
        }
        return chain.chain(Panache::flush).chain(() -> PanacheEntityBase.persist(fresh));
    }
}
