package jp.tsunagu.directory;

import io.quarkus.qute.TemplateData;

/** An organization named for display, with its prefecture. */
@TemplateData
public record OrgRef(long id, String name, String prefecture) {
    /** The id as form values carry it. */
    public String key() {
        return String.valueOf(id);
    }
}
