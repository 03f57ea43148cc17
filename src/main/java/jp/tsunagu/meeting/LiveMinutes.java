package jp.tsunagu.meeting;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.tsunagu.access.Viewer;
import jp.tsunagu.access.ViewerService;
import jp.tsunagu.meeting.MeetingViews.MinutesItemView;
import jp.tsunagu.platform.live.LiveBus;
import jp.tsunagu.platform.live.LiveScript;
import jp.tsunagu.platform.live.LiveSockets;
import jp.tsunagu.platform.web.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Minutes written together, live: one Yjs document per meeting's minutes, held by every instance
 * that has a socket open on it, merged on the server by the same Yjs code the browsers run
 * ({@link LiveScript}). An update from a browser is checked (the access policy, its shape and
 * limits), stored in {@code minutes_update} and only then acknowledged, relayed to the other
 * sockets here and, through {@link LiveBus}, to the other instances. The plain text the rest of
 * Tsunagu reads (minutes_item) is derived from the document a moment after it changes.
 *
 * <p>Work on one document runs one step at a time (a queue per document), so the document here is
 * always what is stored plus what is being stored.
 */
@ApplicationScoped
@Startup
public class LiveMinutes {

    private static final Logger LOG = Logger.getLogger(LiveMinutes.class);

    /** The largest update taken from a browser (a whole document written offline fits well within it). */
    static final int MAX_UPDATE_BYTES = 1 << 20;
    /** The text is derived this long after the last change, and at least this often while people type. */
    static final long DERIVE_AFTER_MS = 400;
    static final long DERIVE_AT_LEAST_MS = 2000;
    /** A document nobody has open is let go after this long. */
    static final long IDLE_MS = 60_000;
    /** Close codes a browser reads: 44xx means "do not try again", the others "reconnect". */
    static final int SIGNED_OUT = 4401, NO_ACCESS = 4404, NOT_OPEN = 4409, BAD_MESSAGE = 4400, TOO_LARGE = 4413,
            NOT_SAVED = 1012, TOO_FAST = 4429;
    /** Live minutes sockets one account may hold at once on this instance (tabs, windows): the default. */
    static final int MAX_PER_ACCOUNT = LiveSockets.DEFAULT_SOCKETS_PER_ACCOUNT;
    /** Relayed messages one socket may leave unsent (a reader that stopped reading). */
    static final int MAX_UNSENT = 2000;
    /** What one socket may have waiting on a document (a browser waits for its acknowledgements long before). */
    static final long MAX_QUEUED_BYTES = 4L << 20;

    private static final Pattern FIELD = Pattern.compile("items\\.[0-9]{1,2}\\.(theme|content|results)");

    @Inject
    LiveScript script;

    @Inject
    LiveBus bus;

    @Inject
    Pool pool;

    @Inject
    ViewerService viewers;

    @Inject
    MeetingAccess access;

    @Inject
    MinutesService minutes;

    @Inject
    Vertx vertx;

    final Map<Long, Doc> docs = new ConcurrentHashMap<>();

    /** Open minutes sockets on this instance, for the metrics ({@code tsunagu_live_connections{document="minutes"}}). */
    void gauge(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent start, io.micrometer.core.instrument.MeterRegistry registry) {
        io.micrometer.core.instrument.Gauge.builder("tsunagu.live.connections", docs,
                        d -> d.values().stream().mapToInt(doc -> doc.members.size()).sum())
                .tag("document", "minutes").description("open live sockets on this instance").register(registry);
    }

    /** One person's socket on a document. */
    static final class Member {
        final WebSocketConnection connection;
        final long meetingId;
        final UUID session;
        final Locale locale;
        final long accountId;
        final String name;
        volatile String field;
        /** Bytes of this socket's updates waiting on the document: more than the cap closes it (too fast). */
        final java.util.concurrent.atomic.AtomicLong queuedBytes = new java.util.concurrent.atomic.AtomicLong();
        /** Relayed messages not yet written to this socket. */
        final java.util.concurrent.atomic.AtomicInteger unsent = new java.util.concurrent.atomic.AtomicInteger();
        volatile long lastFocusAt;
        /** The viewer and the meeting's facts as last read (at most a second old while messages come). */
        volatile Viewer viewer;
        volatile MeetingAccess.Loaded facts;
        volatile long checkedAt;
        volatile Uni<CloseReason> reading;

        Member(WebSocketConnection connection, long meetingId, Viewer viewer) {
            this.viewer = viewer;
            this.connection = connection;
            this.meetingId = meetingId;
            this.session = viewer.sessionId();
            this.locale = viewer.locale();
            this.accountId = viewer.accountId();
            this.name = viewer.displayName();
        }
    }

    /** An update a browser sent, waiting for its turn. */
    record Incoming(Member from, long id, String update) {
    }

    /** One minutes document on this instance. */
    final class Doc {
        final long meetingId;
        final String key;
        final Map<String, Member> members = new ConcurrentHashMap<>();
        final Map<String, JsonObject> remotePeople = new ConcurrentHashMap<>();
        final Queue<Incoming> incoming = new ConcurrentLinkedQueue<>();
        final Queue<JsonObject> remote = new ConcurrentLinkedQueue<>();
        final Queue<Supplier<Uni<Void>>> steps = new ConcurrentLinkedQueue<>();
        boolean running;
        volatile boolean drainQueued;
        volatile boolean loaded;
        volatile long lastUsed = System.currentTimeMillis();
        long deriveTimer = -1;
        /** The stored text is being written; {@code textAgain}: the document changed meanwhile. */
        boolean storingText;
        boolean textAgain;
        volatile int deriveFailures;
        long dirtySince;

        Doc(long meetingId) {
            this.meetingId = meetingId;
            this.key = "m" + meetingId;
        }
    }

    /**
     * Whether the script is loaded at start (a second or two of one core and about 60 MB) rather
     * than when the first live editor is opened ({@link #warmUp()}): off by default, so that an
     * instance nobody writes minutes on starts sooner and stays smaller.
     */
    @ConfigProperty(name = "tsunagu.live.warm-up", defaultValue = "false")
    boolean warmUp;

    /** Live sockets one account may hold at once on this instance (the benchmark's editors share two accounts). */
    @ConfigProperty(name = LiveSockets.SOCKETS_PER_ACCOUNT, defaultValue = "" + LiveSockets.DEFAULT_SOCKETS_PER_ACCOUNT)
    int socketsPerAccount;

    private final java.util.concurrent.atomic.AtomicBoolean warming = new java.util.concurrent.atomic.AtomicBoolean();

    /** Listens to the other instances from the start, so that no notice of a document opened later is missed. */
    @PostConstruct
    void init() {
        LiveSockets.socketsPerAccount(socketsPerAccount);
        bus.listen(this::notice, this::catchUp);
        bus.listen(this::sessionsEnded, () -> { }, true);
        if (warmUp) {
            warmUp();
        }
    }

    /**
     * Loads and warms the script in the background, once: called when the live editor's page is
     * served, so that the engine is ready by the time the page's socket opens.
     */
    public void warmUp() {
        if (warming.compareAndSet(false, true)) {
            warmPart(0);
        }
    }

    /** The warm-up runs in parts (see yjs-server.ts), each queued behind what real documents asked meanwhile. */
    private void warmPart(int part) {
        script.call("warm").subscribe().with(answer -> {
            if ("more".equals(answer) && part < 1000) {
                warmPart(part + 1);
            } else {
                LOG.infof("Live documents warm after %d parts", part + 1);
            }
        }, e -> {
            warming.set(false);
            LOG.warnf(e, "Live documents not ready: %s", e.toString());
        });
    }

    // ------------------------------------------------------------------ sockets

    /** A socket opened: the viewer it carries must run the meeting and the minutes be open. */
    public Uni<Void> join(WebSocketConnection connection) {
        long meetingId = meetingId(connection);
        if (meetingId < 0) {
            return connection.close(new CloseReason(NO_ACCESS, "not-found"));
        }
        Locale locale = LiveSockets.locale(connection);
        return viewers.forToken(token(connection), locale).chain(viewer -> authorize(viewer, meetingId)
                .chain(ok -> {
                    if (ok != null) {
                        return connection.close(ok);
                    }
                    long held = docs.values().stream().flatMap(x -> x.members.values().stream())
                            .filter(o -> o.accountId == viewer.accountId() && !o.connection.isClosed()).count();
                    if (held >= socketsPerAccount) {
                        return connection.close(new CloseReason(TOO_FAST, "too-many"));
                    }
                    Member member = new Member(connection, meetingId, viewer);
                    member.checkedAt = 0; // the first message reads the facts
                    Doc d = docs.computeIfAbsent(meetingId, Doc::new);
                    boolean first = d.members.isEmpty();
                    d.members.put(connection.id(), member);
                    if (first) {
                        // the other instances say who is on this document there
                        bus.send(new JsonObject().put("t", "w").put("m", meetingId)).subscribe().with(x -> { }, e -> { });
                    }
                    d.lastUsed = System.currentTimeMillis();
                    connection.userData().put(MEMBER, member);
                    step(d, () -> ensureLoaded(d).chain(() -> script.call("stateVector", d.key)).chain(sv -> send(member,
                            new JsonObject().put("type", "welcome").put("you", connection.id()).put("sv", b64(sv))))
                            .onFailure().recoverWithUni(e -> unavailable(d, member, e)));
                    presenceChanged(d);
                    return Uni.createFrom().voidItem();
                }));
    }

    static final io.quarkus.websockets.next.UserData.TypedKey<Member> MEMBER =
            new io.quarkus.websockets.next.UserData.TypedKey<>("tsunagu.live.member");

    /** A message on a socket: checked again against the policy, then handled. */
    public Uni<Void> receive(WebSocketConnection connection, String text) {
        Member member = connection.userData().get(MEMBER);
        if (member == null) {
            return connection.close(new CloseReason(NO_ACCESS, "not-joined"));
        }
        Doc d = docs.get(member.meetingId);
        if (d == null) {
            return connection.close(new CloseReason(NOT_SAVED, "reconnect"));
        }
        d.lastUsed = System.currentTimeMillis();
        if (text.length() > MAX_UPDATE_BYTES * 2) {
            return connection.close(new CloseReason(TOO_LARGE, "too-large"));
        }
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (RuntimeException e) {
            return connection.close(new CloseReason(BAD_MESSAGE, "malformed"));
        }
        Object doc = message.getValue("doc");
        if (doc != null && !String.valueOf(doc).equals(String.valueOf(member.meetingId))) {
            return connection.close(new CloseReason(BAD_MESSAGE, "other-document"));
        }
        return check(member).chain(refused -> refused != null ? close(d, member, refused) : handle(d, member, message));
    }

    private Uni<Void> handle(Doc d, Member member, JsonObject message) {
        String type = message.getValue("type") instanceof String s ? s : "";
        switch (type) {
            case "hello" -> {
                byte[] sv = decode(message.getValue("sv"), 64 * 1024);
                if (sv == null) {
                    return close(d, member, new CloseReason(BAD_MESSAGE, "malformed"));
                }
                step(d, () -> ensureLoaded(d).chain(() -> script.call("diff", d.key, LiveScript.latin1(sv)))
                        .chain(missing -> missing == null || missing.isEmpty()
                                ? close(d, member, new CloseReason(BAD_MESSAGE, "malformed"))
                                : send(member, new JsonObject().put("type", "sync").put("update", b64(missing))))
                        .onFailure().recoverWithUni(e -> unavailable(d, member, e)));
                return Uni.createFrom().voidItem();
            }
            case "update" -> {
                Object id = message.getValue("id");
                if (!(id instanceof Number n) || n.longValue() < 0 || n.doubleValue() != Math.floor(n.doubleValue())) {
                    return close(d, member, new CloseReason(BAD_MESSAGE, "malformed"));
                }
                Object raw = message.getValue("update");
                if (raw instanceof String s && s.length() > MAX_UPDATE_BYTES * 4 / 3 + 4) {
                    return close(d, member, new CloseReason(TOO_LARGE, "too-large"));
                }
                byte[] update = decode(raw, MAX_UPDATE_BYTES);
                if (update == null || update.length == 0) {
                    return close(d, member, new CloseReason(BAD_MESSAGE, "malformed"));
                }
                if (member.queuedBytes.addAndGet(update.length) > MAX_QUEUED_BYTES) {
                    member.queuedBytes.addAndGet(-update.length);
                    return close(d, member, new CloseReason(TOO_FAST, "too-fast"));
                }
                d.incoming.add(new Incoming(member, n.longValue(), LiveScript.latin1(update)));
                if (!d.drainQueued) {
                    d.drainQueued = true; // one drain waiting at a time takes everything that came
                    step(d, () -> {
                        d.drainQueued = false;
                        return drain(d);
                    });
                }
                return Uni.createFrom().voidItem();
            }
            case "focus" -> {
                Object f = message.getValue("field");
                if (f != null && !(f instanceof String s && FIELD.matcher(s).matches())) {
                    return close(d, member, new CloseReason(BAD_MESSAGE, "malformed"));
                }
                member.field = (String) f;
                long now = System.currentTimeMillis();
                if (now - member.lastFocusAt > 100) { // presence moves at most ten times a second per socket
                    member.lastFocusAt = now;
                    presenceChanged(d);
                }
                return Uni.createFrom().voidItem();
            }
            default -> {
                return close(d, member, new CloseReason(BAD_MESSAGE, "unknown-type"));
            }
        }
    }

    /** A socket closed. */
    public void leave(WebSocketConnection connection) {
        Member member = connection.userData().get(MEMBER);
        if (member == null) {
            return;
        }
        Doc d = docs.get(member.meetingId);
        if (d != null && d.members.remove(connection.id()) != null) {
            presenceChanged(d);
        }
    }

    // ------------------------------------------------------------------ the policy, on every message

    /** Null when the viewer may write these minutes now; the reason to close otherwise. */
    Uni<CloseReason> authorize(Viewer viewer, long meetingId) {
        return facts(viewer, meetingId, null);
    }

    /** Reads the meeting's facts and asks the policy; keeps the facts on the member (if any) for its next messages. */
    private Uni<CloseReason> facts(Viewer viewer, long meetingId, Member member) {
        if (!viewer.signedIn()) {
            return Uni.createFrom().item(new CloseReason(SIGNED_OUT, "signed-out"));
        }
        // on a context of its own: the caller may be resuming on a database client's thread
        return onContext(() -> Panache.withSession(() -> access.minutesWritable(viewer, meetingId))).map(l -> {
            if (member != null) {
                member.viewer = viewer;
                member.facts = l;
                member.checkedAt = System.currentTimeMillis();
            }
            return (CloseReason) null;
        }).onFailure().recoverWithItem(LiveMinutes::reason);
    }

    private static CloseReason reason(Throwable e) {
        if (e instanceof ProblemException p) {
            return p.status() == 409 ? new CloseReason(NOT_OPEN, "minutes-not-open")
                    : p.status() == 401 ? new CloseReason(SIGNED_OUT, "signed-out")
                    : new CloseReason(NO_ACCESS, "not-found");
        }
        LOG.infof("A live socket's check could not be made now: %s", e.toString());
        return new CloseReason(NOT_SAVED, "unavailable");
    }

    /**
     * The policy for a message: asked on every message, on the session and meeting facts read at
     * most a second before (the sweep reads them again every second, and so does a message that
     * finds them older), so a removal, a cancellation or a revoked session counts within a second.
     */
    Uni<CloseReason> check(Member member) {
        if (System.currentTimeMillis() - member.checkedAt < 1000) {
            return Uni.createFrom().item(onFacts(member));
        }
        // the database did not answer: facts up to five seconds old still decide, older ones do not
        return recheck(member).map(r -> r != null && r.getCode() == NOT_SAVED && member.facts != null
                && System.currentTimeMillis() - member.checkedAt < 5000 ? onFacts(member) : r);
    }

    private CloseReason onFacts(Member member) {
        try {
            access.requireMinutesWritable(member.viewer, member.facts);
            return null;
        } catch (ProblemException e) {
            return reason(e);
        }
    }

    /** Reads the session and the meeting's facts again (one reading at a time per socket). */
    Uni<CloseReason> recheck(Member member) {
        Uni<CloseReason> running = member.reading;
        if (running != null) {
            return running;
        }
        Uni<CloseReason> reading = viewers.forSession(member.session, member.locale)
                .chain(v -> v.signedIn() && v.accountId() == member.accountId ? facts(v, member.meetingId, member)
                        : Uni.createFrom().item(new CloseReason(SIGNED_OUT, "signed-out")))
                // the database did not answer: that is no reason to think the person signed out
                .onFailure().recoverWithItem(e -> new CloseReason(NOT_SAVED, "unavailable"))
                .eventually(() -> {
                    member.reading = null;
                })
                .memoize().indefinitely();
        member.reading = reading;
        return reading;
    }

    /**
     * Every second: each open socket is asked again, so that an organizer removed, a meeting
     * cancelled or a session revoked closes it at once, even when its browser sends nothing.
     * Documents nobody has open are let go.
     */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        List<Uni<Void>> checks = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (Doc d : docs.values()) {
            for (Member m : d.members.values()) {
                if (m.connection.isClosed()) {
                    d.members.remove(m.connection.id());
                    presenceChanged(d);
                    continue;
                }
                checks.add(recheckOrClose(d, m));
            }
            d.remotePeople.entrySet().removeIf(e -> now - e.getValue().getLong("at", 0L) > 45_000);
            if (d.members.isEmpty() && now - d.lastUsed > IDLE_MS && d.incoming.isEmpty()) {
                step(d, () -> {
                    if (!d.members.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    docs.remove(d.meetingId, d);
                    d.loaded = false;
                    return script.call("close", d.key).replaceWithVoid();
                });
            }
        }
        return checks.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(checks).andCollectFailures().replaceWithVoid().onFailure().recoverWithNull();
    }

    /** Asks the policy again for one socket and closes it on a refusal (a database that does not answer is none). */
    private Uni<Void> recheckOrClose(Doc d, Member m) {
        return recheck(m).chain(refused -> refused == null || refused.getCode() == NOT_SAVED
                ? Uni.createFrom().voidItem() : close(d, m, refused));
    }

    /** An account's sessions ended (on any instance): its sockets here are asked again now, not at the next sweep. */
    private void sessionsEnded(JsonObject n) {
        if (!LiveSockets.SESSIONS_ENDED.equals(n.getString("t")) || !(n.getValue("a") instanceof Number account)) {
            return;
        }
        for (Doc d : docs.values()) {
            for (Member m : d.members.values()) {
                if (m.accountId == account.longValue()) {
                    recheckOrClose(d, m).subscribe().with(x -> { }, e -> { });
                }
            }
        }
    }

    // ------------------------------------------------------------------ one step at a time per document

    void step(Doc d, Supplier<Uni<Void>> work) {
        d.steps.add(work);
        boolean start;
        synchronized (d) {
            start = !d.running;
            d.running = true;
        }
        if (start) {
            next(d);
        }
    }

    /**
     * Runs the document's steps one after another, as a loop (not a recursion): steps that finish
     * at once follow in the same call, a step that waits resumes the loop when it ends.
     */
    private void next(Doc d) {
        while (true) {
            Supplier<Uni<Void>> work = d.steps.poll();
            if (work == null) {
                synchronized (d) {
                    if (d.steps.isEmpty()) {
                        d.running = false;
                        return;
                    }
                }
                continue;
            }
            Uni<Void> u;
            try {
                u = work.get();
            } catch (RuntimeException e) {
                u = Uni.createFrom().failure(e);
            }
            java.util.concurrent.atomic.AtomicBoolean returned = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicBoolean finishedAtOnce = new java.util.concurrent.atomic.AtomicBoolean();
            u.subscribe().with(x -> done(d, returned, finishedAtOnce), e -> {
                LOG.debugf("A live step failed: %s", e.toString());
                done(d, returned, finishedAtOnce);
            });
            synchronized (finishedAtOnce) {
                returned.set(true);
                if (!finishedAtOnce.get()) {
                    return; // the step resumes the loop when it ends
                }
            }
        }
    }

    private void done(Doc d, java.util.concurrent.atomic.AtomicBoolean returned, java.util.concurrent.atomic.AtomicBoolean finishedAtOnce) {
        synchronized (finishedAtOnce) {
            if (!returned.get()) {
                finishedAtOnce.set(true); // finished inside subscribe: the loop goes on
                return;
            }
        }
        next(d);
    }

    /** Reads the document from the database (creating it from the stored minutes the first time). */
    Uni<Void> ensureLoaded(Doc d) {
        if (d.loaded) {
            return Uni.createFrom().voidItem();
        }
        return stored(d.meetingId).chain(rows -> rows.isEmpty() ? seed(d).chain(() -> stored(d.meetingId))
                        : Uni.createFrom().item(rows))
                .chain(rows -> script.batch(calls -> {
                    calls.call("close", d.key);
                    calls.call("open", d.key);
                    // merged a few hundred at a time (at most 4 MB): one document transaction each, not one per keystroke
                    JsonArray chunk = new JsonArray();
                    long size = 0;
                    for (String u : rows) {
                        if (!chunk.isEmpty() && (chunk.size() >= 500 || size + u.length() > (4L << 20))) {
                            calls.call("loadMany", d.key, chunk.encode());
                            chunk = new JsonArray();
                            size = 0;
                        }
                        chunk.add(u);
                        size += u.length();
                    }
                    if (!chunk.isEmpty()) {
                        calls.call("loadMany", d.key, chunk.encode());
                    }
                    return null;
                })).invoke(() -> d.loaded = true).replaceWithVoid();
    }

    private Uni<List<String>> stored(long meetingId) {
        return pool.preparedQuery("SELECT body FROM minutes_update WHERE meeting_id = $1 ORDER BY seq")
                .execute(Tuple.of(meetingId)).map(rows -> {
                    List<String> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(LiveScript.latin1(r.getBuffer("body").getBytes()));
                    }
                    return out;
                });
    }

    /**
     * The document's first update, from what the minutes hold (or the agenda's titles when they
     * hold nothing), made once: the meeting row is locked and the log checked empty again.
     */
    private Uni<Void> seed(Doc d) {
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT id FROM meeting WHERE id = $1 FOR UPDATE")
                .execute(Tuple.of(d.meetingId))
                .chain(() -> tx.preparedQuery("SELECT count(*) FROM minutes_update WHERE meeting_id = $1").execute(Tuple.of(d.meetingId)))
                .chain(count -> count.iterator().next().getLong(0) > 0 ? Uni.createFrom().voidItem()
                        : startingRows(tx, d.meetingId).chain(rows -> script.batch(calls -> {
                            String tmp = "seed-" + d.meetingId;
                            calls.call("close", tmp);
                            calls.call("open", tmp);
                            String update = calls.call("reconcileTo", tmp, rows.encode());
                            if (update == null || update.isEmpty()) {
                                update = calls.call("whole", tmp);
                            }
                            calls.call("close", tmp);
                            return update;
                        })).chain(update -> tx.preparedQuery("INSERT INTO minutes_update (meeting_id, body) VALUES ($1, $2)")
                                .execute(Tuple.of(d.meetingId, Buffer.buffer(LiveScript.bytes(update)))).replaceWithVoid())));
    }

    private Uni<JsonArray> startingRows(SqlConnection tx, long meetingId) {
        return tx.preparedQuery("SELECT a.position AS agenda, m.theme, m.content, m.results FROM minutes_item m"
                        + " LEFT JOIN agenda_item a ON a.id = m.agenda_item_id WHERE m.meeting_id = $1 ORDER BY m.position")
                .execute(Tuple.of(meetingId)).chain(items -> {
                    if (items.size() > 0) {
                        JsonArray out = new JsonArray();
                        items.forEach(r -> out.add(row(r.getInteger("agenda"), r.getString("theme"), r.getString("content"),
                                r.getString("results"))));
                        return Uni.createFrom().item(out);
                    }
                    return tx.preparedQuery("SELECT position, title FROM agenda_item WHERE meeting_id = $1 ORDER BY position")
                            .execute(Tuple.of(meetingId)).map(agenda -> {
                                JsonArray out = new JsonArray();
                                agenda.forEach(r -> out.add(row(r.getInteger("position"), r.getString("title"), null, null)));
                                if (out.isEmpty()) {
                                    out.add(row(null, null, null, null));
                                }
                                return out;
                            });
                });
    }

    private static JsonObject row(Integer agenda, String theme, String content, String results) {
        return new JsonObject().put("agenda", agenda).put("theme", theme == null ? "" : theme)
                .put("content", content == null ? "" : content).put("results", results == null ? "" : results);
    }

    /**
     * Takes in every update waiting on the document: each is checked by Yjs against the shape and
     * limits, the good ones are stored in one transaction (with the notices to the other
     * instances), then acknowledged and relayed. If storing fails the document is let go and its
     * sockets told to reconnect: their browsers still hold the edits and send them again.
     */
    Uni<Void> drain(Doc d) {
        List<Incoming> batch = new ArrayList<>();
        for (Incoming i; (i = d.incoming.poll()) != null; ) {
            i.from().queuedBytes.addAndGet(-i.update().length());
            if (d.members.containsKey(i.from().connection.id())) {
                batch.add(i); // a socket closed meanwhile (refused, gone) sends nothing more
            }
        }
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // what other instances stored (and may be relayed already) is taken in first: a browser's update
        // may build on it
        return ensureLoaded(d).chain(() -> d.remote.isEmpty() ? Uni.createFrom().voidItem() : drainRemote(d))
                .onFailure().recoverWithUni(e -> {
                    LOG.infof("Live minutes of meeting %d not readable now (%s): reconnecting its sockets", d.meetingId, e.toString());
                    d.loaded = false;
                    List<Uni<Void>> out = new ArrayList<>();
                    d.members.values().forEach(m -> out.add(close(d, m, new CloseReason(NOT_SAVED, "not-saved"))));
                    return join(out).chain(() -> Uni.createFrom().failure(e));
                })
                .chain(() -> screen(d, batch)).chain(results -> {
            List<Incoming> toStore = new ArrayList<>();
            List<Uni<Void>> after = new ArrayList<>();
            boolean dropped = false;
            for (int k = 0; k < batch.size(); k++) {
                Incoming i = batch.get(k);
                JsonObject r = results.get(k);
                if (r.getBoolean("ok", false)) {
                    if (r.getBoolean("changed", false)) {
                        toStore.add(i);
                    } else {
                        after.add(send(i.from(), new JsonObject().put("type", "ack").put("id", i.id())));
                    }
                } else if ("not-open".equals(r.getString("reason"))) {
                    d.incoming.add(i); // the document was let go by an earlier refusal in this batch: again after reloading
                } else {
                    after.add(close(d, i.from(), new CloseReason(BAD_MESSAGE, r.getString("reason", "malformed"))));
                }
                dropped |= r.getBoolean("dropped", false);
            }
            if (dropped) {
                d.loaded = false;
            }
            if (!d.incoming.isEmpty()) {
                step(d, () -> drain(d));
            }
            Uni<Void> stored = toStore.isEmpty() ? Uni.createFrom().voidItem() : store(d, toStore).chain(kept -> {
                List<Uni<Void>> out = new ArrayList<>();
                for (Incoming i : kept) {
                    out.add(send(i.from(), new JsonObject().put("type", "ack").put("id", i.id())));
                }
                // stored: each other socket gets the batch in one message (its own updates left out); nothing
                // is relayed before it is stored, so a refusal at storing time reaches no one
                relayStored(d, kept);
                for (Incoming i : toStore) {
                    if (!kept.contains(i)) {
                        out.add(close(d, i.from(), new CloseReason(NO_ACCESS, "not-found")));
                    }
                }
                changed(d);
                return join(out);
            }).onFailure().recoverWithUni(e -> {
                LOG.infof("Live minutes of meeting %d not stored (%s): reconnecting its sockets", d.meetingId, e.toString());
                d.loaded = false;
                List<Uni<Void>> out = new ArrayList<>();
                d.members.values().forEach(m -> out.add(close(d, m, new CloseReason(NOT_SAVED, "not-saved"))));
                return join(out);
            });
            return stored.chain(() -> join(after));
        });
    }

    /**
     * Checks and applies a batch: several at once in one document transaction ({@code applyMany});
     * when that refuses anything, the document is read again and each is taken alone ({@code apply}),
     * so the refused one is named and the others kept.
     */
    private Uni<List<JsonObject>> screen(Doc d, List<Incoming> batch) {
        Uni<List<JsonObject>> together = Uni.createFrom().nullItem();
        if (batch.size() > 1) {
            JsonArray all = new JsonArray();
            batch.forEach(i -> all.add(i.update()));
            together = script.call("applyMany", d.key, all.encode()).map(r -> {
                JsonObject answer = new JsonObject(r);
                if (answer.getBoolean("redo", false)) {
                    if (!answer.getBoolean("keep", false)) {
                        d.loaded = false;
                    }
                    return null;
                }
                List<JsonObject> results = new ArrayList<>();
                answer.getJsonArray("results").forEach(o -> results.add((JsonObject) o));
                return results;
            });
        }
        return together.chain(results -> results != null ? Uni.createFrom().item(results)
                : ensureLoaded(d).chain(() -> script.batch(calls -> {
                    List<JsonObject> one = new ArrayList<>();
                    for (Incoming i : batch) {
                        one.add(new JsonObject(calls.call("apply", d.key, i.update())));
                    }
                    return one;
                })));
    }

    /**
     * Stores checked updates in one transaction with their notices; answers those stored. A sender
     * who writes as a recorder (not running the meeting) is asked again here, with the meeting and
     * their invitation held FOR SHARE: once the minutes are published, or the role taken back or the
     * invitation revoked, their update is not stored (the document is read again, where it never went).
     */
    private Uni<List<Incoming>> store(Doc d, List<Incoming> updates) {
        return pool.withTransaction(tx -> recordersStill(tx, d, updates).chain(kept -> {
            if (kept.size() < updates.size()) {
                d.loaded = false;
            }
            return kept.isEmpty() ? Uni.createFrom().item(kept) : insert(tx, d, kept).replaceWith(kept);
        }));
    }

    private Uni<List<Incoming>> recordersStill(SqlConnection tx, Doc d, List<Incoming> updates) {
        // asked per socket: the same account may run the meeting in one tab on facts newer than another's
        java.util.Set<Member> asRecorder = new java.util.HashSet<>();
        updates.stream().map(Incoming::from).filter(m -> m.facts == null || !access.canEdit(m.viewer, m.facts)).forEach(asRecorder::add);
        List<Long> recorders = asRecorder.stream().map(m -> m.accountId).distinct().toList();
        if (recorders.isEmpty()) {
            return Uni.createFrom().item(updates);
        }
        return tx.preparedQuery("SELECT i.account_id FROM meeting m JOIN meeting_invitee i ON i.meeting_id = m.id"
                        + " WHERE m.id = $1 AND m.minutes_published_at IS NULL AND m.status NOT IN ('DRAFT', 'SCHEDULING', 'CANCELLED')"
                        + " AND i.account_id = ANY($2) AND i.revoked_at IS NULL AND i.records_minutes FOR SHARE")
                .execute(Tuple.of(d.meetingId, recorders.toArray(new Long[0]))).map(rows -> {
                    java.util.Set<Long> still = new java.util.HashSet<>();
                    rows.forEach(r -> still.add(r.getLong(0)));
                    return updates.stream().filter(i -> !asRecorder.contains(i.from()) || still.contains(i.from().accountId)).toList();
                });
    }

    private Uni<Void> insert(SqlConnection tx, Doc d, List<Incoming> updates) {
        {
            List<Tuple> rows = new ArrayList<>();
            for (Incoming i : updates) {
                rows.add(Tuple.of(d.meetingId, Buffer.buffer(LiveScript.bytes(i.update())), i.from().accountId));
            }
            return tx.preparedQuery("INSERT INTO minutes_update (meeting_id, body, account_id) VALUES ($1, $2, $3) RETURNING seq")
                    .executeBatch(rows).chain(result -> {
                        List<Uni<Void>> notices = new ArrayList<>();
                        var set = result;
                        int k = 0;
                        while (set != null) {
                            notices.add(bus.send(tx, notice(d, set.iterator().next().getLong(0), updates.get(k).update())));
                            set = set.next();
                            k++;
                        }
                        return join(notices);
                    });
        }
    }

    // ------------------------------------------------------------------ other instances

    private void notice(JsonObject n) {
        Object m = n.getValue("m");
        if (!(m instanceof Number meetingId)) {
            return;
        }
        Doc d = docs.get(meetingId.longValue());
        if (d == null) {
            return;
        }
        switch (n.getString("t", "")) {
            case "u" -> {
                // stored and checked by the other instance: relayed to the sockets here at once, taken
                // into this instance's document in its turn (Yjs takes updates in any order)
                // queued before it is relayed: a browser's answer to it finds it waiting ahead of itself
                String u = n.getString("u");
                n.put("relayed", u != null);
                d.remote.add(n);
                if (u != null) {
                    String text = updatesMessage(List.of(u));
                    for (Member member : d.members.values()) {
                        relay(member, text);
                    }
                }
                step(d, () -> drainRemote(d));
            }
            case "w" -> {
                if (!d.members.isEmpty()) {
                    presenceChanged(d);
                }
            }
            case "p" -> {
                JsonArray people = n.getJsonArray("people", new JsonArray());
                d.remotePeople.put(n.getString("i", "?"), new JsonObject().put("at", System.currentTimeMillis()).put("people", people));
                broadcastPresence(d);
            }
            default -> {
            }
        }
    }

    /** Takes in every update the other instances stored meanwhile, in one call of the script, and relays them. */
    private Uni<Void> drainRemote(Doc d) {
        List<JsonObject> batch = new ArrayList<>();
        for (JsonObject n; (n = d.remote.poll()) != null; ) {
            batch.add(n);
        }
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (!d.loaded) {
            // let go meanwhile: read again (it then holds these too), and relay what was not relayed yet
            return ensureLoaded(d).chain(() -> {
                d.remote.addAll(batch);
                return drainRemote(d);
            });
        }
        List<Uni<String>> bodies = new ArrayList<>();
        for (JsonObject n : batch) {
            bodies.add(n.getString("u") != null ? Uni.createFrom().item(LiveScript.latin1(Base64.getDecoder().decode(n.getString("u"))))
                    : pool.preparedQuery("SELECT body FROM minutes_update WHERE seq = $1").execute(Tuple.of(n.getLong("s")))
                            .map(rows -> rows.size() == 0 ? null : LiveScript.latin1(rows.iterator().next().getBuffer("body").getBytes())));
        }
        return Uni.join().all(bodies).andFailFast().chain(list -> {
            JsonArray all = new JsonArray();
            List<String> late = new ArrayList<>();
            for (int k = 0; k < batch.size(); k++) {
                String u = list.get(k);
                if (u != null) {
                    all.add(u);
                    // those that came by reference (too large for a notice) are relayed now; the others were at once
                    if (!batch.get(k).getBoolean("relayed", false)) {
                        late.add(u);
                    }
                }
            }
            return script.call("loadMany", d.key, all.encode()).replaceWith(late);
        }).chain(late -> {
            changed(d);
            if (!late.isEmpty()) {
                String text = updatesMessage(late.stream().map(LiveMinutes::b64).toList());
                for (Member m : d.members.values()) {
                    relay(m, text);
                }
            }
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * Relays a batch just stored to every socket on the document but its senders' own updates:
     * each update is encoded once, and one message serves every socket that sent none of them.
     */
    private void relayStored(Doc d, List<Incoming> kept) {
        if (kept.isEmpty()) {
            return; // nothing was stored (every sender refused at storing time): nothing to tell
        }
        List<String> encoded = kept.stream().map(i -> b64(i.update())).toList();
        java.util.Set<Member> senders = kept.stream().map(Incoming::from).collect(java.util.stream.Collectors.toSet());
        String toOthers = null;
        for (Member m : d.members.values()) {
            if (!senders.contains(m)) {
                if (toOthers == null) {
                    toOthers = updatesMessage(encoded);
                }
                relay(m, toOthers);
                continue;
            }
            List<String> theirs = new ArrayList<>();
            for (int k = 0; k < kept.size(); k++) {
                if (kept.get(k).from() != m) {
                    theirs.add(encoded.get(k));
                }
            }
            if (!theirs.isEmpty()) {
                relay(m, updatesMessage(theirs));
            }
        }
    }

    /** Relays a message to a socket without waiting; one that lets too many wait unsent is closed (it reconnects and syncs). */
    private void relay(Member m, String message) {
        if (m.unsent.incrementAndGet() > MAX_UNSENT) {
            m.unsent.decrementAndGet();
            Doc d = docs.get(m.meetingId);
            if (d != null) {
                // told to reconnect (not a final 44xx): it syncs what it lacks when it comes back
                close(d, m, new CloseReason(NOT_SAVED, "too-slow")).subscribe().with(x -> { }, e -> { });
            }
            return;
        }
        sendText(m, message).eventually(() -> {
            m.unsent.decrementAndGet();
        }).subscribe().with(x -> { }, e -> { });
    }

    /** Updates (base64) as one message: {"type":"update"} for one, {"type":"updates"} for several. */
    private static String updatesMessage(List<String> encoded) {
        if (encoded.size() == 1) {
            return new JsonObject().put("type", "update").put("update", encoded.get(0)).encode();
        }
        return new JsonObject().put("type", "updates").put("updates", new JsonArray(new ArrayList<Object>(encoded))).encode();
    }

    /** The notices' connection came back (the database restarted): what was missed is read again. */
    private void catchUp() {
        for (Doc d : docs.values()) {
            step(d, () -> {
                d.loaded = false;
                return ensureLoaded(d).chain(() -> {
                    List<Uni<Void>> out = new ArrayList<>();
                    // each browser asks for what it lacks when it reconnects
                    d.members.values().forEach(m -> out.add(close(d, m, new CloseReason(NOT_SAVED, "reconnect"))));
                    return join(out);
                });
            });
        }
    }

    // ------------------------------------------------------------------ presence

    private void presenceChanged(Doc d) {
        JsonArray people = localPeople(d);
        bus.send(new JsonObject().put("t", "p").put("m", d.meetingId).put("people", people)).subscribe()
                .with(x -> { }, e -> LOG.debugf("Presence not sent: %s", e.toString()));
        broadcastPresence(d);
    }

    private JsonArray localPeople(Doc d) {
        JsonArray people = new JsonArray();
        d.members.values().forEach(m -> people.add(new JsonObject().put("id", m.connection.id()).put("name", m.name)
                .put("field", m.field).put("account", m.accountId)));
        return people;
    }

    /**
     * Everyone on the document, here and on the other instances, as each socket is told: names,
     * where they are, and whether an entry is the recipient's own account (another tab or a
     * connection not yet timed out), which a browser does not list as someone else.
     */
    private void broadcastPresence(Doc d) {
        JsonArray all = localPeople(d);
        d.remotePeople.values().forEach(r -> r.getJsonArray("people").forEach(all::add));
        for (Member m : d.members.values()) {
            JsonArray people = new JsonArray();
            all.forEach(o -> {
                JsonObject p = (JsonObject) o;
                people.add(new JsonObject().put("id", p.getString("id")).put("name", p.getString("name"))
                        .put("field", p.getString("field")).put("mine", Long.valueOf(m.accountId).equals(p.getLong("account"))));
            });
            send(m, new JsonObject().put("type", "presence").put("people", people)).subscribe().with(x -> { }, e -> { });
        }
    }

    /** Every 20 seconds the people here are told again, so the other instances' lists do not expire. */
    @Scheduled(every = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void announce() {
        docs.values().stream().filter(d -> !d.members.isEmpty()).forEach(this::presenceChanged);
    }

    // ------------------------------------------------------------------ the stored text

    /** Derives the text a moment after the document changed (and at least every two seconds while it does). */
    private void changed(Doc d) {
        long now = System.currentTimeMillis();
        synchronized (d) {
            if (d.deriveTimer >= 0) {
                if (now - d.dirtySince < DERIVE_AT_LEAST_MS) {
                    vertx.cancelTimer(d.deriveTimer);
                } else {
                    return;
                }
            } else {
                d.dirtySince = now;
            }
            d.deriveTimer = vertx.setTimer(DERIVE_AFTER_MS, t -> {
                synchronized (d) {
                    d.deriveTimer = -1;
                }
                step(d, () -> derive(d));
            });
        }
    }

    Uni<Void> derive(Doc d) {
        if (docs.get(d.meetingId) != d) {
            return Uni.createFrom().voidItem(); // let go meanwhile: the text was derived before it was
        }
        if (!d.loaded) {
            // read again after a refusal let it go: what was stored meanwhile still reaches the text
            return ensureLoaded(d).chain(() -> derive(d)).onFailure().invoke(e -> vertx.setTimer(2000, t -> changed(d)))
                    .onFailure().recoverWithNull();
        }
        return script.call("rows", d.key).chain(json -> {
            if (json == null || "null".equals(json)) {
                return Uni.createFrom().voidItem();
            }
            JsonObject state = new JsonObject(json);
            List<MinutesItemView> rows = new ArrayList<>();
            state.getJsonArray("rows").forEach(o -> {
                JsonObject r = (JsonObject) o;
                rows.add(new MinutesItemView(r.getValue("agenda") == null ? null : r.getLong("agenda"), r.getString("theme"),
                        r.getString("content"), r.getString("results")));
            });
            // the snapshot is taken in the document's turn; storing it runs beside the next turns (the
            // mark keeps an older snapshot from overwriting a newer text, whichever commits last)
            synchronized (d) {
                if (d.storingText) {
                    d.textAgain = true; // one at a time: the newer snapshot is taken when this one is stored
                    return Uni.createFrom().voidItem();
                }
                d.storingText = true;
            }
            onContext(() -> minutes.storeLive(d.meetingId, rows, state.getLong("mark"))).replaceWithVoid()
                    .eventually(() -> {
                        boolean again;
                        synchronized (d) {
                            d.storingText = false;
                            again = d.textAgain;
                            d.textAgain = false;
                        }
                        if (again) {
                            changed(d);
                        }
                    })
                    .invoke(() -> d.deriveFailures = 0)
                    .onFailure().invoke(e -> {
                        // tried again a moment later, then less and less often (a database restart passes; a
                        // text the database refuses is told in the log, and the next edit tries again)
                        int failures = ++d.deriveFailures;
                        if (failures <= 5) {
                            LOG.infof("Minutes text of meeting %d not stored yet (%s)", d.meetingId, e.toString());
                            vertx.setTimer(1000L << failures, t -> changed(d));
                        } else {
                            LOG.warnf("Minutes text of meeting %d not stored after %d tries (%s)", d.meetingId, failures, e.toString());
                        }
                    }).onFailure().recoverWithNull().subscribe().with(x -> { }, e -> { });
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * After the version-checked form saved the minutes: the live document (if the minutes have
     * one) is brought to what the form stored, as one more update every socket receives.
     */
    public Uni<Void> formSaved(long meetingId, List<MinutesItemView> items) {
        JsonArray target = new JsonArray();
        items.forEach(i -> target.add(row(i.agendaItemPosition() == null ? null : i.agendaItemPosition().intValue(),
                i.theme(), i.content(), i.results())));
        return serverUpdate(meetingId, "the form's save", d -> script.call("reconcileTo", d.key, target.encode()));
    }

    /**
     * An accepted proposal: the one field goes into the live document (if the minutes have one),
     * as one more update; the item is the one the stored minutes number so.
     */
    public Uni<Void> fieldAccepted(long meetingId, int position, String field, String text) {
        return serverUpdate(meetingId, "an accepted proposal", d -> script.call("setStoredField", d.key, position, field, text));
    }

    /**
     * A change the server itself makes to a live document (nothing to do while the minutes have
     * none): made in the document's turn, stored with its notice, relayed to every socket here.
     * A failure is logged, never the caller's: the stored minutes are already saved.
     */
    private Uni<Void> serverUpdate(long meetingId, String what, java.util.function.Function<Doc, Uni<String>> make) {
        return pool.preparedQuery("SELECT 1 FROM minutes_update WHERE meeting_id = $1 LIMIT 1").execute(Tuple.of(meetingId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Doc d = docs.computeIfAbsent(meetingId, Doc::new);
                    d.lastUsed = System.currentTimeMillis();
                    return Uni.createFrom().<Void>emitter(em -> step(d, () -> ensureLoaded(d).chain(() -> make.apply(d))
                            .chain(update -> update == null || update.isEmpty() ? Uni.createFrom().voidItem()
                                    : storeServerUpdate(d, update).chain(() -> {
                                        changed(d);
                                        List<Uni<Void>> out = new ArrayList<>();
                                        String text = updatesMessage(List.of(b64(update)));
                                        d.members.values().forEach(m -> out.add(sendText(m, text)));
                                        return join(out);
                                    }))
                            .onItemOrFailure().invoke((x, e) -> {
                                if (e != null) {
                                    LOG.warnf("%s did not reach the live minutes of meeting %d (%s)", what, meetingId, e.toString());
                                }
                                em.complete(null);
                            }).replaceWithVoid()));
                }).onFailure().recoverWithNull();
    }

    private Uni<Void> storeServerUpdate(Doc d, String update) {
        return pool.withTransaction(tx -> tx.preparedQuery("INSERT INTO minutes_update (meeting_id, body) VALUES ($1, $2) RETURNING seq")
                .execute(Tuple.of(d.meetingId, Buffer.buffer(LiveScript.bytes(update))))
                .chain(r -> bus.send(tx, notice(d, r.iterator().next().getLong(0), update))))
                .onFailure().invoke(e -> d.loaded = false);
    }

    /** The notice of a stored update: its seq, and the update itself when it fits in a notice. */
    private static JsonObject notice(Doc d, long seq, String update) {
        String u = b64(update);
        JsonObject n = new JsonObject().put("t", "u").put("m", d.meetingId).put("s", seq);
        if (u.length() < LiveBus.MAX_PAYLOAD - 200) {
            n.put("u", u);
        }
        return n;
    }

    // ------------------------------------------------------------------ small parts

    private <T> Uni<T> onContext(Supplier<Uni<T>> work) {
        return LiveSockets.onContext(vertx, work);
    }

    private Uni<Void> send(Member m, JsonObject message) {
        return sendText(m, message.encode());
    }

    private Uni<Void> sendText(Member m, String message) {
        if (m.connection.isClosed()) {
            return Uni.createFrom().voidItem();
        }
        return m.connection.sendText(message).onFailure().recoverWithNull().replaceWithVoid();
    }

    /** The database could not be read: the browser is told to reconnect (it keeps its edits). */
    private Uni<Void> unavailable(Doc d, Member m, Throwable e) {
        LOG.infof("Live minutes of meeting %d not readable now (%s)", d.meetingId, e.toString());
        d.loaded = false;
        return close(d, m, new CloseReason(NOT_SAVED, "unavailable"));
    }

    Uni<Void> close(Doc d, Member m, CloseReason reason) {
        d.members.remove(m.connection.id());
        presenceChanged(d);
        if (m.connection.isClosed()) {
            return Uni.createFrom().voidItem();
        }
        return m.connection.close(reason).onFailure().recoverWithNull().replaceWithVoid();
    }

    private static Uni<Void> join(List<Uni<Void>> all) {
        return all.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(all).andCollectFailures().replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    static long meetingId(WebSocketConnection c) {
        try {
            return Long.parseLong(c.pathParam("meetingId"));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static String token(WebSocketConnection c) {
        return LiveSockets.token(c);
    }

    private static byte[] decode(Object value, int max) {
        if (!(value instanceof String s) || s.length() > max * 4 / 3 + 4) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String b64(String latin1) {
        return Base64.getEncoder().encodeToString(LiveScript.bytes(latin1));
    }
}
