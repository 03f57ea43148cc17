package jp.tsunagu.directory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the 47 prefectures (reference data). */
@Entity
@Table(name = "prefecture")
public class Prefecture extends PanacheEntityBase {
    @Id
    public Short code;
    public String nameJa;
    public String nameEn;
    public String regionJa;
    public String regionEn;
    public Integer tileCol;
    public Integer tileRow;
    public java.math.BigDecimal capitalLat;
    public java.math.BigDecimal capitalLon;

    public String name(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameJa;
    }
}
