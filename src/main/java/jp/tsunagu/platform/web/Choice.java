package jp.tsunagu.platform.web;

import io.quarkus.qute.TemplateData;

/** A value and its label, for selects and checkbox groups (one record for every form). */
@TemplateData
public record Choice(String value, String label) {
}
