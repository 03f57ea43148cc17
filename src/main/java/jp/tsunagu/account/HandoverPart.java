package jp.tsunagu.account;

import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.List;

/**
 * A feature's part of a hand-over (引継ぎ) and of retiring an account: what a leaver is responsible
 * for there, moved to a successor in the caller's transaction; and what must stop working at once
 * when the account is deactivated (the feature's private links). Each feature implements it; the
 * account layer knows none of them.
 */
public interface HandoverPart {

    /** One thing that moves: its kind (a message key), the row, what people call it, its date if any. */
    record Item(String kind, long id, String title, Instant when) {
    }

    /** What would move from {@code from} to {@code to} (the preview; nothing changes). */
    Uni<List<Item>> preview(long from, long to);

    /** Moves it; answers how many things moved. */
    Uni<Integer> handOver(long from, long to);

    /** The account is deactivated: end what would still let it in without signing in. */
    default Uni<Void> deactivated(long accountId) {
        return Uni.createFrom().voidItem();
    }
}
