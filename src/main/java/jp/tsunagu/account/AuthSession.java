package jp.tsunagu.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One signed-in session; its id is the token's jti. */
@Entity
@Table(name = "auth_session")
public class AuthSession extends PanacheEntityBase {
    @Id
    public UUID id;
    public Long accountId;
    public Instant createdAt;
    public Instant expiresAt;
    public Instant revokedAt;
}
