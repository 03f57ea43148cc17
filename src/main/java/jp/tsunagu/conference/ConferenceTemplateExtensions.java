package jp.tsunagu.conference;

import io.quarkus.qute.TemplateExtension;
import jp.tsunagu.access.AttendeeRole;

import java.util.List;

/** The conference vocabularies for forms: {conf:formats()}, {conf:bases()}, {conf:roles()} … */
@TemplateExtension(namespace = "conf")
public class ConferenceTemplateExtensions {

    private ConferenceTemplateExtensions() {
    }

    static List<String> formats() {
        return ConferenceTerms.names(ConferenceTerms.Format.class);
    }

    static List<String> bases() {
        return ConferenceTerms.names(ConferenceTerms.LegalBasis.class);
    }

    static List<String> roles() {
        return ConferenceTerms.names(AttendeeRole.class);
    }

    static List<String> sexes() {
        return ConferenceTerms.names(ConferenceTerms.Sex.class);
    }

    static List<String> certificateTypes() {
        return ConferenceTerms.names(ConferenceTerms.CertificateType.class);
    }

    static List<String> grades() {
        return ConferenceTerms.GRADES;
    }

    static List<Integer> ageBands() {
        return ConferenceTerms.AGE_BANDS;
    }

    static List<String> diagnoses() {
        return ConferenceTerms.names(ConferenceTerms.Diagnosis.class);
    }

    static List<String> agencyTypes() {
        return ConferenceTerms.names(ConferenceTerms.AgencyType.class);
    }

    static List<String> frequencies() {
        return ConferenceTerms.names(ConferenceTerms.Frequency.class);
    }

    static List<String> relations() {
        return ConferenceTerms.names(ConferenceTerms.Relation.class);
    }

    static List<String> boardKinds() {
        return ConferenceTerms.names(ConferenceTerms.BoardKind.class);
    }

    static List<String> learningKinds() {
        return ConferenceTerms.names(ConferenceTerms.LearningKind.class);
    }

    static List<String> tags() {
        return ConferenceTerms.names(ConferenceTerms.Tag.class);
    }

    static int retentionMax() {
        return ConferenceSetup.RETENTION_MAX;
    }

    static int ecomapWidth() {
        return Ecomap.WIDTH;
    }

    static int ecomapHeight() {
        return Ecomap.HEIGHT;
    }

    /** Age band label argument: 60 → "60". */
    static String band(Integer band) {
        return band == null ? "" : String.valueOf(band);
    }
}
