package jp.tsunagu.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 圏域: a welfare region or a center's catchment area, with local resource counts. */
@Entity
@Table(name = "catchment_area")
public class CatchmentArea extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public Short prefectureCode;
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public AreaKind kind;
    public Integer population;
    public Integer countTransition;
    public Integer countRetention;
    @Column(name = "count_type_a")
    public Integer countTypeA;
    @Column(name = "count_type_b")
    public Integer countTypeB;
    public Integer countHelloWork;
    public String countsAsOf;
    public String note;
}
