package jp.tsunagu.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A person who can sign in. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String email;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "display_kana")
    public String displayKana;
    @Column(name = "password_hash")
    public String passwordHash;
    public String role;
    public String locale = "ja";
    public boolean active = true;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;
}
