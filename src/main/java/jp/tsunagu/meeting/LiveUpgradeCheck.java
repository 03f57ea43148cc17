package jp.tsunagu.meeting;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.live.LiveSockets;
import jp.tsunagu.platform.web.OriginCheck;
import jp.tsunagu.platform.web.RequestLocale;

import java.util.regex.Pattern;

/**
 * Decides a live socket before it opens, as a page would be decided: another site's page may not
 * open one with the visitor's cookie (403); without a live session 401; someone the policy does
 * not let write these minutes gets 404, as the editing page answers them; minutes not open 409.
 */
@ApplicationScoped
public class LiveUpgradeCheck implements HttpUpgradeCheck {

    private static final Pattern PATH = Pattern.compile("/live/minutes/([0-9]{1,18})");

    @Inject
    OriginCheck origins;

    @Inject
    ViewerService viewers;

    @Inject
    LiveMinutes live;

    @Override
    public boolean appliesTo(String endpointId) {
        return LiveMinutesSocket.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        return LiveSockets.upgrade(request, PATH, origins, (token, meetingId) -> viewers.forToken(token, RequestLocale.of(request))
                .chain(viewer -> live.authorize(viewer, meetingId))
                .chain(refused -> refused == null ? CheckResult.permitUpgrade()
                        : CheckResult.rejectUpgrade(switch (refused.getCode()) {
                            case LiveMinutes.SIGNED_OUT -> 401;
                            case LiveMinutes.NOT_OPEN -> 409;
                            case LiveMinutes.NOT_SAVED -> 503;
                            default -> 404;
                        })));
    }
}
