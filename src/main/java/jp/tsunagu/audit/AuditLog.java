package jp.tsunagu.audit;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Writes security events. Call inside the transaction of the action it records. */
@ApplicationScoped
public class AuditLog {

    public Uni<AuditEvent> record(AuditType type, Long actorId, String actorEmail, String subject, String ip, String detail) {
        AuditEvent e = new AuditEvent();
        e.occurredAt = Instant.now();
        e.eventType = type;
        e.actorId = actorId;
        e.actorEmail = actorEmail;
        e.subject = subject;
        e.ip = ip;
        e.detail = detail;
        return e.persist();
    }
}
