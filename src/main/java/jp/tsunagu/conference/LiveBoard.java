package jp.tsunagu.conference;

import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.conference.CaseService.LiveView;
import jp.tsunagu.conference.ConferenceViews.BoardEntryView;
import jp.tsunagu.conference.ConferenceViews.BoardPhase;
import jp.tsunagu.conference.ConferenceViews.PhaseView;
import jp.tsunagu.platform.i18n.Messages;
import jp.tsunagu.platform.live.LiveBus;
import jp.tsunagu.platform.live.LiveSockets;
import jp.tsunagu.platform.web.ProblemException;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The case-conference board, live: every pledged attendee's open board page is sent what the board
 * and the run show now, whenever they change on any instance ({@link BoardNotices} through
 * {@link LiveBus}). Nothing is sent that the page would not show: before each send the access
 * policy is asked again for that person, as for the page, and a refusal (removed from the
 * attendees, the material deleted, the session ended) closes the socket at once. The first read of
 * a connection is written to the read log; what follows on the same connection is covered by it.
 * A sweep asks again every second, for what no notice announces (a session that expired, an
 * organization that left the circle).
 */
@ApplicationScoped
@Startup
public class LiveBoard {

    private static final Logger LOG = Logger.getLogger(LiveBoard.class);

    /** Close codes a browser reads: 44xx means "do not try again", the others "reconnect". */
    static final int SIGNED_OUT = 4401, NO_ACCESS = 4404, GONE = 4410, BAD_MESSAGE = 4400, TOO_LARGE = 4413,
            TOO_FAST = 4429, UNAVAILABLE = 1012;
    /** A browser sends only {"type":"sync"}; anything longer is not one of its messages (nor is a binary one). */
    static final int MAX_MESSAGE_CHARS = 256;
    /** Messages one socket may send in a second. */
    static final int MAX_PER_SECOND = 5;
    /** Sends that may fail in a row before the browser is told to reconnect. */
    static final int MAX_FAILURES = 10;
    /** Board sockets one account may hold at once on this instance (tabs, windows). */
    static final int MAX_PER_ACCOUNT = LiveSockets.DEFAULT_SOCKETS_PER_ACCOUNT;

    /** The same setting as the live minutes' ({@link LiveSockets#SOCKETS_PER_ACCOUNT}). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = LiveSockets.SOCKETS_PER_ACCOUNT,
            defaultValue = "" + LiveSockets.DEFAULT_SOCKETS_PER_ACCOUNT)
    int socketsPerAccount;
    /** How much of a new entry is read out. */
    static final int ANNOUNCE_CHARS = 80;

    static final UserData.TypedKey<Watcher> WATCHER = new UserData.TypedKey<>("tsunagu.live.board");

    @Inject
    LiveBus bus;

    @Inject
    ViewerService viewers;

    @Inject
    CaseService cases;

    @Inject
    Vertx vertx;

    /** The sockets open here, by conference. */
    final Map<Long, Map<String, Watcher>> rooms = new ConcurrentHashMap<>();

    /** Open board sockets on this instance, for the metrics ({@code tsunagu_live_connections{document="board"}}). */
    void gauge(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent start, io.micrometer.core.instrument.MeterRegistry registry) {
        io.micrometer.core.instrument.Gauge.builder("tsunagu.live.connections", rooms,
                        r -> r.values().stream().mapToInt(Map::size).sum())
                .tag("document", "board").description("open live sockets on this instance").register(registry);
    }

    /** One person's open board. */
    static final class Watcher {
        final WebSocketConnection connection;
        final long conferenceId;
        final UUID session;
        final long accountId;
        final Locale locale;
        /** A send is being prepared; {@code again}: something changed meanwhile, prepare another after it. */
        boolean busy;
        boolean again;
        /** The read log has this connection's read. */
        boolean logged;
        /** What was sent last: the sections' markup, the entries, the phase. */
        String run;
        String board;
        Set<Long> seen;
        String phaseKey;
        long windowStart;
        int inWindow;
        /** The browser asked for everything again. */
        boolean resync;
        /** Sends that failed in a row (the database away). */
        int failures;

        Watcher(WebSocketConnection connection, long conferenceId, Viewer viewer) {
            this.connection = connection;
            this.conferenceId = conferenceId;
            this.session = viewer.sessionId();
            this.accountId = viewer.accountId();
            this.locale = viewer.locale();
        }
    }

    @PostConstruct
    void init() {
        LiveSockets.socketsPerAccount(socketsPerAccount);
        bus.listen(this::notice, this::catchUp, true);
    }

    // ------------------------------------------------------------------ sockets

    /** A socket opened: it is sent the board at once, if the policy lets the person read it (else it closes). */
    public Uni<Void> join(WebSocketConnection connection) {
        long id = conferenceId(connection);
        if (id < 0) {
            return connection.close(new CloseReason(NO_ACCESS, "not-found"));
        }
        return viewers.forToken(LiveSockets.token(connection), LiveSockets.locale(connection)).chain(viewer -> {
            if (!viewer.signedIn()) {
                return connection.close(new CloseReason(SIGNED_OUT, "signed-out"));
            }
            long held = rooms.values().stream().flatMap(r -> r.values().stream())
                    .filter(o -> o.accountId == viewer.accountId() && !o.connection.isClosed()).count();
            if (held >= socketsPerAccount) {
                return connection.close(new CloseReason(TOO_FAST, "too-many"));
            }
            Watcher w = new Watcher(connection, id, viewer);
            connection.userData().put(WATCHER, w);
            // in the room before the first read, so that no change made meanwhile is missed
            rooms.compute(id, (k, room) -> {
                Map<String, Watcher> r = room == null ? new ConcurrentHashMap<>() : room;
                r.put(connection.id(), w);
                return r;
            });
            push(w);
            return Uni.createFrom().voidItem();
        }).onFailure().recoverWithUni(e -> connection.close(new CloseReason(UNAVAILABLE, "unavailable")));
    }

    /** A message from the browser: only {"type":"sync"} (send me everything again), asked of the policy like any read. */
    public Uni<Void> receive(WebSocketConnection connection, String text) {
        Watcher w = connection.userData().get(WATCHER);
        if (w == null) {
            return connection.close(new CloseReason(BAD_MESSAGE, "not-ready"));
        }
        if (text.length() > MAX_MESSAGE_CHARS) {
            return close(w, new CloseReason(TOO_LARGE, "too-large"));
        }
        long now = System.currentTimeMillis();
        synchronized (w) {
            if (now - w.windowStart >= 1000) {
                w.windowStart = now;
                w.inWindow = 0;
            }
            if (++w.inWindow > MAX_PER_SECOND) {
                return close(w, new CloseReason(TOO_FAST, "too-fast"));
            }
        }
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (RuntimeException e) {
            return close(w, new CloseReason(BAD_MESSAGE, "malformed"));
        }
        Object about = message.getValue("conference");
        if (about != null && !(about instanceof Number n && n.longValue() == w.conferenceId)) {
            return close(w, new CloseReason(BAD_MESSAGE, "wrong-document"));
        }
        if (!"sync".equals(message.getValue("type"))) {
            return close(w, new CloseReason(BAD_MESSAGE, "unknown-type"));
        }
        synchronized (w) {
            w.resync = true;
        }
        push(w);
        return Uni.createFrom().voidItem();
    }

    /** A binary message: never one of the browser's. */
    public Uni<Void> binary(WebSocketConnection connection) {
        Watcher w = connection.userData().get(WATCHER);
        return w == null ? connection.close(new CloseReason(BAD_MESSAGE, "binary")) : close(w, new CloseReason(BAD_MESSAGE, "binary"));
    }

    public void leave(WebSocketConnection connection) {
        long id = conferenceId(connection);
        rooms.computeIfPresent(id, (k, room) -> {
            room.remove(connection.id());
            return room.isEmpty() ? null : room;
        });
    }

    // ------------------------------------------------------------------ what is sent

    /** Sends the board as it is now; one send at a time per socket, and one more if something changed meanwhile. */
    void push(Watcher w) {
        synchronized (w) {
            if (w.busy) {
                w.again = true;
                return;
            }
            w.busy = true;
        }
        pushNow(w);
    }

    private void pushNow(Watcher w) {
        render(w).subscribe().with(x -> pushed(w), e -> pushed(w));
    }

    private void pushed(Watcher w) {
        synchronized (w) {
            if (!w.again || w.connection.isClosed()) {
                w.busy = false;
                w.again = false;
                return;
            }
            w.again = false;
        }
        pushNow(w);
    }

    private Uni<Void> render(Watcher w) {
        if (w.connection.isClosed()) {
            return Uni.createFrom().voidItem();
        }
        boolean first = !w.logged;
        return LiveSockets.onContext(vertx, () -> viewers.forSession(w.session, w.locale)
                        .chain(v -> {
                            if (!v.signedIn() || v.accountId() != w.accountId) {
                                return Uni.createFrom().failure(ProblemException.unauthorized());
                            }
                            // the read is logged (and committed) before anything is sent on the connection
                            Uni<Void> logged = first ? cases.logLiveRead(v, w.conferenceId).invoke(() -> w.logged = true)
                                    : Uni.createFrom().voidItem();
                            return logged.chain(() -> cases.liveBoard(v, w.conferenceId, view -> send(w, message(w, view))));
                        }))
                .invoke(() -> w.failures = 0)
                .onFailure().recoverWithUni(e -> {
                    if (e instanceof ProblemException p) {
                        return close(w, reason(p));
                    }
                    if (first || ++w.failures > MAX_FAILURES) {
                        // the browser tries again a moment later
                        LOG.infof("Live board of conference %d not readable now (%s)", w.conferenceId, e.toString());
                        return close(w, new CloseReason(UNAVAILABLE, "unavailable"));
                    }
                    // the database is away for a moment (a restart): try again, the page keeps what it shows
                    vertx.setTimer(1000, t -> push(w));
                    return Uni.createFrom().voidItem();
                });
    }

    /** The message for one person: the sections that changed since the last send, and what to read out. */
    JsonObject message(Watcher w, LiveView view) {
        ConferenceViews.ConferenceDetail d = view.detail();
        String run = CasePages.Templates.board$run(d, view.remainingSeconds()).setLocale(w.locale).render();
        String board = CasePages.Templates.board$entries(d, view.board()).setLocale(w.locale).render();
        PhaseView r = d.run();
        JsonObject m = new JsonObject().put("type", "board").put("conference", w.conferenceId)
                .put("now", Instant.now().toString())
                .put("phase", r == null ? null : r.phase())
                .put("endsAt", r == null || r.endsAt() == null || r.finished() ? null : r.endsAt().toString());
        synchronized (w) {
            if (!run.equals(w.run)) {
                m.put("run", run);
            }
            if (!board.equals(w.board)) {
                m.put("board", board);
            }
        }
        String said = announcement(w, view);
        if (!said.isEmpty()) {
            m.put("announce", said);
        }
        synchronized (w) {
            if (w.resync) {
                // the browser asked for everything again
                w.resync = false;
                m.put("run", run).put("board", board);
            }
            w.run = run;
            w.board = board;
        }
        return m;
    }

    /** What a screen reader hears: a phase change, how many entries others added (the first one read out), how many went. */
    String announcement(Watcher w, LiveView view) {
        PhaseView run = view.detail().run();
        String phaseKey = run == null ? "" : run.finished() ? "#finished" : run.phase() == null ? "#waiting"
                : run.current() + ":" + run.phase();
        Set<Long> ids = new HashSet<>();
        List<BoardEntryView> added = new ArrayList<>();
        for (BoardPhase ph : view.board()) {
            for (BoardEntryView e : ph.entries()) {
                ids.add(e.id());
                if (w.seen != null && !w.seen.contains(e.id()) && !view.mine().contains(e.id())) {
                    added.add(e);
                }
            }
        }
        List<String> parts = new ArrayList<>();
        if (w.seen != null) {
            if (!phaseKey.equals(w.phaseKey) && run != null) {
                parts.add(run.finished() ? Messages.get(w.locale, "board.live.finished")
                        : run.phase() == null ? Messages.get(w.locale, "board.live.not-started")
                        : Messages.get(w.locale, "board.live.phase", Messages.get(w.locale, "conf-phase." + run.phase())));
            }
            if (!added.isEmpty()) {
                BoardEntryView e = added.get(0);
                String body = e.body().strip();
                if (body.codePointCount(0, body.length()) > ANNOUNCE_CHARS) {
                    body = body.substring(0, body.offsetByCodePoints(0, ANNOUNCE_CHARS)) + "…";
                }
                parts.add(Messages.get(w.locale, "board.live.new", added.size(),
                        Messages.get(w.locale, "board-kind." + e.kind()) + " " + body));
            }
            long removed = w.seen.stream().filter(id -> !ids.contains(id)).count();
            if (removed > 0) {
                parts.add(Messages.get(w.locale, "board.live.removed", removed));
            }
        }
        w.seen = ids;
        w.phaseKey = phaseKey;
        return String.join(" ", parts);
    }

    private Uni<Void> send(Watcher w, JsonObject message) {
        if (w.connection.isClosed()) {
            return Uni.createFrom().voidItem();
        }
        return w.connection.sendText(message.encode()).onFailure().recoverWithNull().replaceWithVoid();
    }

    Uni<Void> close(Watcher w, CloseReason reason) {
        leave(w.connection);
        if (w.connection.isClosed()) {
            return Uni.createFrom().voidItem();
        }
        return w.connection.close(reason).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** A refusal as the browser reads it: signed out, gone (material deleted), or simply not there. */
    static CloseReason reason(ProblemException p) {
        return switch (p.status()) {
            case 401 -> new CloseReason(SIGNED_OUT, "signed-out");
            case 410 -> new CloseReason(GONE, "material-deleted");
            default -> new CloseReason(NO_ACCESS, "not-found");
        };
    }

    // ------------------------------------------------------------------ asked again

    /** The policy's answer for this person now (null: still allowed); a database that does not answer is no refusal. */
    Uni<CloseReason> check(Watcher w) {
        return LiveSockets.onContext(vertx, () -> viewers.forSession(w.session, w.locale)
                        .chain(v -> v.signedIn() && v.accountId() == w.accountId ? cases.liveCheck(v, w.conferenceId)
                                : Uni.createFrom().failure(ProblemException.unauthorized())))
                .map(x -> (CloseReason) null)
                .onFailure().recoverWithItem(e -> e instanceof ProblemException p ? reason(p) : null);
    }

    /** Every second each socket is asked again, for what no notice announces (a session expired, an organization left the circle). */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        List<Uni<Void>> checks = new ArrayList<>();
        for (Map<String, Watcher> room : rooms.values()) {
            for (Watcher w : room.values()) {
                if (w.connection.isClosed()) {
                    leave(w.connection);
                    continue;
                }
                checks.add(recheck(w));
            }
        }
        return checks.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(checks).andCollectFailures().replaceWithVoid().onFailure().recoverWithNull();
    }

    private Uni<Void> recheck(Watcher w) {
        return check(w).chain(refused -> refused == null ? Uni.createFrom().voidItem() : close(w, refused));
    }

    /** A committed change on some instance: everyone here watching that board is sent it (or cut off). */
    private void notice(JsonObject n) {
        String type = n.getString("t", "");
        if (BoardNotices.TYPE.equals(type) && n.getValue("c") instanceof Number c) {
            Map<String, Watcher> room = rooms.get(c.longValue());
            if (room != null) {
                room.values().forEach(this::push);
            }
        } else if (LiveSockets.SESSIONS_ENDED.equals(type) && n.getValue("a") instanceof Number a) {
            rooms.values().forEach(room -> room.values().stream().filter(w -> w.accountId == a.longValue())
                    .forEach(w -> recheck(w).subscribe().with(x -> { }, e -> { })));
        }
    }

    /** The notices' connection came back: what was missed meanwhile is sent to everyone. */
    private void catchUp() {
        rooms.values().forEach(room -> room.values().forEach(this::push));
    }

    static long conferenceId(WebSocketConnection c) {
        try {
            return Long.parseLong(c.pathParam("conferenceId"));
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
