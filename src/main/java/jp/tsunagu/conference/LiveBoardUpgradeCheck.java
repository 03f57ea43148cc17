package jp.tsunagu.conference;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.platform.live.LiveSockets;
import jp.tsunagu.platform.web.OriginCheck;
import jp.tsunagu.platform.web.ProblemException;
import jp.tsunagu.platform.web.RequestLocale;

import java.util.regex.Pattern;

/**
 * Decides a live board socket before it opens, as the board page is decided: another site's page
 * may not open one with the visitor's cookie (403); without a live session 401; someone the policy
 * does not let read the board (not an attendee, not pledged, removed) 404; deleted material 410.
 */
@ApplicationScoped
public class LiveBoardUpgradeCheck implements HttpUpgradeCheck {

    private static final Pattern PATH = Pattern.compile("/live/conference/([0-9]{1,18})");

    @Inject
    OriginCheck origins;

    @Inject
    ViewerService viewers;

    @Inject
    CaseService cases;

    @Inject
    Vertx vertx;

    @Override
    public boolean appliesTo(String endpointId) {
        return LiveBoardSocket.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        return LiveSockets.upgrade(request, PATH, origins, (token, id) -> viewers.forToken(token, RequestLocale.of(request))
                .chain(viewer -> {
                    if (!viewer.signedIn()) {
                        return CheckResult.rejectUpgrade(401);
                    }
                    return LiveSockets.onContext(vertx, () -> cases.liveCheck(viewer, id)).chain(x -> CheckResult.permitUpgrade())
                            .onFailure().recoverWithUni(e -> CheckResult.rejectUpgrade(e instanceof ProblemException p
                                    ? (p.status() == 410 ? 410 : p.status() == 401 ? 401 : 404) : 503));
                }).onFailure().recoverWithUni(e -> CheckResult.rejectUpgrade(503)));
    }
}
