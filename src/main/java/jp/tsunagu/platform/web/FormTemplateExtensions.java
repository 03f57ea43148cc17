package jp.tsunagu.platform.web;

import io.quarkus.qute.TemplateExtension;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;

import java.util.List;

/** For the field tag ({@code templates/tags/field.html}): {form:error(errors, id)} is this field's message, or null. */
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
}
