package jp.tsunagu.platform.web;

import io.smallrye.mutiny.Uni;

/**
 * The optimistic lock of every write that carries the version its client read: a stale version
 * answers 409 with what is stored now, so the client can merge instead of overwriting.
 */
public final class Versions {

    private Versions() {
    }

    /** True when the version the client read is not the one stored (someone saved in between). */
    public static boolean stale(Number stored, Integer sent) {
        return stored.intValue() != sent.intValue();
    }

    /** The 409 of a stale write, carrying the current state (loaded by {@code current}). */
    public static <T> Uni<T> conflict(Uni<?> current) {
        return current.map(c -> {
            throw ProblemException.conflict(c);
        });
    }
}
