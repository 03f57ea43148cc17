package jp.tsunagu.platform.db;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

import java.util.List;

/** Storing lists of rows: all at once (an empty list is fine), or replacing a parent's ordered child rows. */
public final class Rows {

    private Rows() {
    }

    /** Persists every row in one go; nothing to do for an empty list. */
    public static Uni<Void> persistAll(List<? extends PanacheEntityBase> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : PanacheEntityBase.persist(rows);
    }

    /** Deletes the old rows (flushed first, so unique positions can be reused) and stores the new ones. */
    public static Uni<Void> replace(List<? extends PanacheEntityBase> old, List<? extends PanacheEntityBase> fresh) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PanacheEntityBase row : old) {
            chain = chain.chain(row::delete);
        }
        return chain.chain(Panache::flush).chain(() -> persistAll(fresh));
    }
}
