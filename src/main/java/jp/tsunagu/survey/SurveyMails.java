package jp.tsunagu.survey;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.time.JapaneseCalendar;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;

/**
 * The mails of a survey: the request with the organization's personal link, and the reminder to
 * those who have not answered. Both languages in one mail (an office's shared address may be read
 * by anyone there). Prepared inside the transaction that issued the links, sent after it commits.
 */
@ApplicationScoped
public class SurveyMails {

    private static final Logger LOG = Logger.getLogger(SurveyMails.class);

    /** One mail ready to go. */
    public record OutMail(String to, String subject, String body) {
    }

    /** A transaction's result with the mails to send once it has committed. */
    public record Sent<T>(T value, List<OutMail> mails) {
    }

    enum Kind { REQUEST, REMINDER }

    @Inject
    ReactiveMailer mailer;

    @ConfigProperty(name = "tsunagu.base-url")
    String baseUrl;

    OutMail mail(Kind kind, String to, String organization, String owner, String titleJa, String titleEn, LocalDate deadline,
                 String token) {
        String link = baseUrl + "/survey/" + token;
        String key = kind == Kind.REQUEST ? "survey.mail.request" : "survey.mail.reminder";
        String subject = Messages.get(Messages.JA, key + ".subject", titleJa) + " / " + Messages.get(Messages.EN, key + ".subject", titleEn);
        String body = Messages.get(Messages.JA, key + ".body", organization, owner, titleJa,
                JapaneseCalendar.date(deadline, Messages.JA), link)
                + "\n\n----\n\n" + Messages.get(Messages.EN, key + ".body", organization, owner, titleEn,
                JapaneseCalendar.date(deadline, Messages.EN), link);
        return new OutMail(to, subject, body);
    }

    /** Sends prepared mails one by one; a failure is logged (the office can still be asked on paper) and undoes nothing. */
    public Uni<Void> send(List<OutMail> mails) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OutMail o : mails) {
            chain = chain.chain(() -> mailer.send(Mail.withText(o.to(), o.subject(), o.body()))
                    .onFailure().invoke(e -> LOG.warnf("Survey mail failed: %s", e.getMessage()))
                    .onFailure().recoverWithNull());
        }
        return chain;
    }
}
