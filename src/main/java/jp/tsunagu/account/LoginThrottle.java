package jp.tsunagu.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Failed sign-ins per e-mail address, known or unknown. */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle extends PanacheEntityBase {
    @Id
    public String email;
    public int failures;
    @Column(name = "last_failure_at")
    public Instant lastFailureAt;
    @Column(name = "locked_until")
    public Instant lockedUntil;
}
