package jp.tsunagu.pairing;

import io.quarkus.qute.TemplateExtension;

import java.util.Arrays;
import java.util.List;

/** The pairing vocabularies for forms and tables: {pair:themes()}, {pair:pairingStatuses()}, {pair:overviewColumns()}. */
@TemplateExtension(namespace = "pair")
public class PairingTemplateExtensions {

    private PairingTemplateExtensions() {
    }

    static List<String> themes() {
        return Arrays.stream(Terms.Theme.values()).map(Enum::name).toList();
    }

    static List<String> pairingStatuses() {
        return Arrays.stream(Terms.PairingStatus.values()).map(Enum::name).toList();
    }

    static List<String> overviewColumns() {
        return OverviewService.Filter.SORTS;
    }
}
