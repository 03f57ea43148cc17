package jp.tsunagu.directory;

import jp.tsunagu.access.OrgType;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    /** Name, short name, municipality and operating corporation in lower case (the database keeps it; V21). */
    @Column(name = "search_text", insertable = false, updatable = false)
    public String searchText;
    public LocalDate openedOn;
    public String website;
    public String identityStatement;
    public Integer staffTotal;
    public String staffComposition;
    /** Organizational contacts (an office's, never a person's). */
    public String phone;
    public String fax;
    public String email;
    public String services;
    public String specialties;
    public String openingHours;
    /** The 受給者証 types the office handles, as written. */
    public String certificateTypes;
    /** 定員 and 空き, with the day the vacancies were last confirmed. */
    public Integer capacity;
    public Integer vacancies;
    public LocalDate vacanciesConfirmedOn;
    /** False while an office registered by a center lead waits for the secretariat (shown as 未確認). */
    public boolean confirmed = true;
    public Long registeredBy;
    @Version
    public int version;

}
