package jp.tsunagu.directory;

import jp.tsunagu.access.OrgType;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
    @Column(name = "short_name")
    public String shortName;
    @Column(name = "org_type")
    public String orgType;
    @Column(name = "prefecture_code")
    public Short prefectureCode;
    public String municipality;
    public String address;
    @Column(name = "operating_corporation")
    public String operatingCorporation;
    @Column(name = "opened_on")
    public LocalDate openedOn;
    public String website;
    @Column(name = "identity_statement")
    public String identityStatement;
    @Column(name = "staff_total")
    public Integer staffTotal;
    @Column(name = "staff_composition")
    public String staffComposition;
    @Version
    public int version;

    public OrgType type() {
        return OrgType.parse(orgType).orElse(OrgType.OTHER);
    }
}
