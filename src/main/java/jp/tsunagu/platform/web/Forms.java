package jp.tsunagu.platform.web;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Plain HTML forms: their fields as a flat map (first value, bounded names) and the redirect after a post. */
public final class Forms {

    private Forms() {
    }

    /** The first value of each field; field names longer than 40 characters are ignored. */
    public static Map<String, String> flat(MultivaluedMap<String, String> raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            raw.forEach((k, vs) -> {
                if (k != null && k.length() <= 40 && vs != null && !vs.isEmpty()) {
                    out.put(k, vs.get(0));
                }
            });
        }
        return out;
    }

    /** 303 See Other, so a reload does not post again. */
    public static Response redirect(String to) {
        return Response.seeOther(URI.create(to)).build();
    }

    /** Every value of a repeated field (checkbox groups), blanks left out, at most {@code max}. */
    public static List<String> all(MultivaluedMap<String, String> raw, String field, int max) {
        List<String> values = raw == null ? null : raw.get(field);
        return values == null ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).limit(max).toList();
    }

    /** The collected field errors as a failed Uni (so a page can recover and show them), or an empty item. */
    public static Uni<Void> checked(Params p) {
        return Uni.createFrom().item(() -> {
            p.check();
            return null;
        });
    }

    /** A "saved=…" key from a redirect, if it looks like one. */
    public static String savedKey(String saved) {
        return saved != null && saved.matches("^[a-z-]{1,30}$") ? saved : null;
    }

    /** The bytes of an uploaded file; none when no file was sent or it cannot be read (the import then says "required"). */
    public static byte[] bytes(FileUpload file) {
        try {
            return file == null ? new byte[0] : Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
