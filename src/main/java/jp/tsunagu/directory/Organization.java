package jp.tsunagu.directory;

import jp.tsunagu.access.OrgType;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;

/** A center, partner agency, company or public body in the directory. */
@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    public String name;
    public String shortName;
    @Enumerated(EnumType.STRING)
    public OrgType orgType;
    public Short prefectureCode;
    public String municipality;
    public String address;
    public String operatingCorporation;
    public LocalDate openedOn;
    public String website;
    public String identityStatement;
    public Integer staffTotal;
    public String staffComposition;
    @Version
    public int version;

}
