package jp.tsunagu.posting;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A posting shared into a circle: by which organization and person, and when. */
@Entity
@Table(name = "posting_share")
@IdClass(PostingShare.Key.class)
public class PostingShare extends PanacheEntityBase {
    @Id
    public Long postingId;
    @Id
    public Long circleId;
    public Long sharedByOrgId;
    public Long sharedByAccountId;
    public Instant sharedAt;

    public static class Key implements Serializable {
        public Long postingId;
        public Long circleId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(postingId, k.postingId) && Objects.equals(circleId, k.circleId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(postingId, circleId);
        }
    }
}
