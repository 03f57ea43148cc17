package jp.tsunagu.platform.web;

import io.quarkus.qute.TemplateData;
import jp.tsunagu.platform.i18n.Messages;

import java.util.List;
import java.util.Locale;

/**
 * A refused form, ready for the error summary of a page ({#errorSummary errors=errors /}): one message
 * per field, each pointing at the field's id. List fields ({@code items[0].after}) point at
 * {@code items0-after}, the id the forms give such inputs.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /** A form field's error message, ready to show; {@code field} is the id of the input, or null. */
    @TemplateData
    public record FieldMessage(String field, String message) {
    }

    public static List<FieldMessage> of(ProblemException e, Locale locale) {
        if (e.fieldErrors().isEmpty()) {
            return List.of(new FieldMessage(null, Messages.get(locale, "problem." + e.key(), e.args())));
        }
        return e.fieldErrors().stream().map(f -> new FieldMessage(anchor(f.field()),
                Messages.get(locale, "field." + f.key(), f.args().toArray()))).toList();
    }

    static String anchor(String field) {
        return field == null ? null : field.replaceAll("\\[(\\d+)]\\.?", "$1-").replaceAll("-$", "");
    }
}
