package jp.tsunagu.directory;

import io.quarkus.qute.TemplateData;

/** A person (account) named for display. */
@TemplateData
public record PersonRef(long id, String name) {
}
