package jp.tsunagu.audit;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Writes security events. Call inside the transaction of the action it records. */
@ApplicationScoped
public class AuditLog {

    public static final String SIGN_IN = "SIGN_IN";
    public static final String SIGN_IN_FAILED = "SIGN_IN_FAILED";
    public static final String SIGN_IN_LOCKED = "SIGN_IN_LOCKED";
    public static final String SIGN_OUT = "SIGN_OUT";
    public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
    public static final String INVITATION_ISSUED = "INVITATION_ISSUED";
    public static final String INVITATION_USED = "INVITATION_USED";
    public static final String INVITATION_REQUESTED = "INVITATION_REQUESTED";
    public static final String INVITATION_APPROVED = "INVITATION_APPROVED";
    public static final String INVITATION_DECLINED = "INVITATION_DECLINED";
    public static final String ROLE_CHANGED = "ROLE_CHANGED";
    public static final String PROGRAM_CREATED = "PROGRAM_CREATED";
    public static final String PROGRAM_CHANGED = "PROGRAM_CHANGED";
    public static final String APPLICATION_SUBMITTED = "APPLICATION_SUBMITTED";
    public static final String APPLICATION_CHANGED = "APPLICATION_CHANGED";
    public static final String PAIRING_CREATED = "PAIRING_CREATED";
    public static final String PROGRAM_EXPORTED = "PROGRAM_EXPORTED";
    public static final String MEETING_ATTENDANCE_EXPORTED = "MEETING_ATTENDANCE_EXPORTED";
    public static final String POSTINGS_EXPORTED = "POSTINGS_EXPORTED";

    public Uni<AuditEvent> record(String type, Long actorId, String actorEmail, String subject, String ip, String detail) {
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
