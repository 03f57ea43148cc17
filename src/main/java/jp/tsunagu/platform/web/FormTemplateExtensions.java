package jp.tsunagu.platform.web;

import io.quarkus.qute.TemplateExtension;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;

import java.util.List;
import java.util.StringJoiner;

/**
 * For the field tag ({@code templates/tags/field.html}): {form:error(errors, id)} is this field's message, or null;
 * {form:describedBy(id, hint, error, extra)} the ids its control is described by, or null.
 */
@TemplateExtension(namespace = "form")
public class FormTemplateExtensions {

    private FormTemplateExtensions() {
    }

    static String error(List<FieldMessage> errors, String id) {
        if (errors == null || id == null) {
            return null;
        }
        return errors.stream().filter(e -> id.equals(e.field())).map(FieldMessage::message).findFirst().orElse(null);
    }

    /**
     * The control's aria-describedby: its hint ({@code id-hint}) when it has one, its inline error
     * ({@code id-error}) when it has one, then any further ids the page names; null when none, so no
     * attribute points at an element that is not there.
     */
    static String describedBy(String id, Object hint, Object error, Object extra) {
        StringJoiner ids = new StringJoiner(" ");
        if (present(hint)) {
            ids.add(id + "-hint");
        }
        if (present(error)) {
            ids.add(id + "-error");
        }
        if (present(extra)) {
            ids.add(extra.toString().strip());
        }
        return ids.length() == 0 ? null : ids.toString();
    }

    private static boolean present(Object value) {
        return value != null && !value.toString().isBlank();
    }
}
