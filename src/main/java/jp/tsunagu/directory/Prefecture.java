package jp.tsunagu.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the 47 prefectures (reference data). */
@Entity
@Table(name = "prefecture")
public class Prefecture extends PanacheEntityBase {
    @Id
    public Short code;
    @Column(name = "name_ja")
    public String nameJa;
    @Column(name = "name_en")
    public String nameEn;
    @Column(name = "region_ja")
    public String regionJa;
    @Column(name = "region_en")
    public String regionEn;
    @Column(name = "tile_col")
    public Integer tileCol;
    @Column(name = "tile_row")
    public Integer tileRow;
    @Column(name = "capital_lat")
    public java.math.BigDecimal capitalLat;
    @Column(name = "capital_lon")
    public java.math.BigDecimal capitalLon;

    public String name(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameJa;
    }
}
