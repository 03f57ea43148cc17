package jp.tsunagu.platform.web;

import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.tsunagu.platform.web.FormErrors.FieldMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one field tag ({@code templates/tags/field.html}) writes exactly the attributes its call
 * gives, reads nothing of the page for a parameter the call leaves out, and keeps the label, hint,
 * inline error and aria wiring of every control kind.
 */
@QuarkusTest
class FieldTagTest {

    @Inject
    Engine engine;

    private String render(String template, Map<String, Object> data) {
        var instance = engine.parse(template).instance();
        data.forEach(instance::data);
        return instance.render().replaceAll("\\s+", " ").strip();
    }

    @Test
    void aTextFieldWritesEveryAttributeItIsGiven() {
        String html = render("{#field id='email' name='mail' type='email' label='メール' value='a@b.jp' hint='職場の'"
                + " maxlength=200 minlength=3 min='1' max='9' inputmode='email' autocomplete='email' autocapitalize='off'"
                + " spellcheck='false' placeholder='例' required=true disabled=true data='picker' fieldClass='wide' /}", Map.of());
        assertTrue(html.startsWith("<div class=\"field wide\"> <label for=\"email\">メール</label>"), html);
        assertTrue(html.contains("<input id=\"email\" name=\"mail\" type=\"email\" value=\"a@b.jp\" maxlength=\"200\""
                + " minlength=\"3\" min=\"1\" max=\"9\" inputmode=\"email\" autocomplete=\"email\" autocapitalize=\"off\""
                + " spellcheck=\"false\" placeholder=\"例\" required disabled data-picker aria-describedby=\"email-hint\">"), html);
        assertTrue(html.contains("<p class=\"hint\" id=\"email-hint\">職場の</p>"), html);
        assertFalse(html.contains("field-error"), html);
    }

    @Test
    void aParameterNotGivenIsNotTakenFromThePage() {
        // the page has values under the names of optional parameters; a call without them writes none
        // (with _isolated=false, which select calls pass, the old tag took them all from the page)
        Map<String, Object> page = Map.of("maxlength", 5, "hint", "page hint", "required", true, "value", "page value",
                "name", "pageName", "type", "date");
        String bare = "<div class=\"field\"> <label for=\"title\">件名</label> <input id=\"title\" name=\"title\" type=\"text\" value=\"\"> </div>";
        assertEquals(bare, render("{#field id='title' label='件名' /}", page));
        assertEquals(bare, render("{#field _isolated=false id='title' label='件名' /}", page));
        // given, but false, null or zero: written as not given
        assertEquals(bare, render("{#field id='title' label='件名' value=null required=false min=0 hint='' /}", Map.of()));
        String unchecked = render("{#field id='agree' type='checkbox' label='同意' checked=false /}", Map.of());
        assertFalse(unchecked.contains("checked"), unchecked);
    }

    @Test
    void anErrorForTheFieldMarksItAndIsDescribed() {
        List<FieldMessage> errors = List.of(new FieldMessage("other", "別の欄"), new FieldMessage("title", "入力してください"));
        String html = render("{#field id='title' label='件名' hint='200字まで' describedby=' note ' errors=errors /}",
                Map.of("errors", errors));
        assertTrue(html.startsWith("<div class=\"field has-error\">"), html);
        assertTrue(html.contains("aria-invalid=\"true\" aria-describedby=\"title-hint title-error note\""), html);
        assertTrue(html.contains("<p class=\"field-error\" id=\"title-error\">入力してください</p>"), html);
        assertFalse(html.contains("別の欄"), html);
        String invalid = render("{#field id='x' label='X' invalid=true /}", Map.of());
        assertTrue(invalid.contains("aria-invalid=\"true\""), invalid);
        assertFalse(invalid.contains("aria-describedby"), invalid);
    }

    @Test
    void checkboxTextareaPasswordAndSelect() {
        String box = render("{#field id='agree' type='checkbox' label='同意' checked=true /}", Map.of());
        assertEquals("<div class=\"field check\"> <input id=\"agree\" name=\"agree\" type=\"checkbox\" value=\"on\" checked>"
                + " <label for=\"agree\">同意</label> </div>", box);
        String area = render("{#field id='body' type='textarea' label='本文' value='<b>' /}", Map.of());
        assertTrue(area.contains("<textarea id=\"body\" name=\"body\" rows=\"3\">&lt;b&gt;</textarea>"), area);
        assertTrue(render("{#field id='body' type='textarea' rows=8 label='本文' /}", Map.of()).contains("rows=\"8\""));
        String password = render("{#field id='pw' type='password' label='パスワード' value='secret' /}", Map.of());
        assertFalse(password.contains("secret"), password);
        assertFalse(password.contains("value="), password);
        // a select's options are its nested content; with _isolated=false they read the page's data
        String select = render("{#field _isolated=false id='kind' type='select' label='種別'}{#for k in kinds}<option>{k}</option>{/for}{/field}",
                Map.of("kinds", List.of("A", "B")));
        assertTrue(select.contains("<select id=\"kind\" name=\"kind\"><option>A</option><option>B</option></select>"), select);
    }
}
