package jp.tsunagu.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jp.tsunagu.access.Role;

import java.time.Instant;

/** A person who can sign in. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String email;
    public String displayName;
    public String displayKana;
    public String passwordHash;
    public Role role;
    public String locale = "ja";
    public boolean active = true;
    @Column(insertable = false, updatable = false)
    public Instant createdAt;
    public Instant passwordChangedAt;
}
