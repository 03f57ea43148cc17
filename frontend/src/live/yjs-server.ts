// The server's side of the live minutes, run by GraalJS inside Tsunagu (LiveDocuments.java): it
// holds one Yjs document per open minutes, takes in updates from browsers after checking them,
// answers sync requests, and reads the plain text the rest of Tsunagu stores. Bytes cross the
// boundary as Latin-1 strings (one char per byte); nothing here reaches the network or files.
import * as Y from 'yjs';
import { type Field, itemsOf, mark, problem, read, reconcile, replaceText, type Row, textOf } from './minutes-doc';

const docs = new Map<string, Y.Doc>();

function bytes(latin1: string): Uint8Array {
  const out = new Uint8Array(latin1.length);
  for (let i = 0; i < latin1.length; i++) {
    out[i] = latin1.charCodeAt(i) & 0xff;
  }
  return out;
}

function latin1(data: Uint8Array): string {
  let s = '';
  for (let i = 0; i < data.length; i += 4096) {
    s += String.fromCharCode.apply(null, Array.from(data.subarray(i, i + 4096)));
  }
  return s;
}


/**
 * What an update brings, before it touches a document: only texts, maps, plain values and
 * deletions. Answers the reason to refuse it, or whether it deletes anything.
 */
function screen(update: Uint8Array): { reason: string } | { deletes: boolean; structs: Array<Y.Item | Y.GC | Y.Skip> } {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return { reason: 'malformed' };
  }
  const LIMIT = 2 ** 31;
  for (const s of decoded.structs) {
    // clocks and lengths stay small numbers (the mark and state vectors are sums of them)
    if (s.id.clock + s.length > LIMIT || s.length > 1 << 21) {
      return { reason: 'too-large' };
    }
    if (s instanceof Y.Item && s.content instanceof Y.ContentString && CONTROL.test(s.content.str)) {
      return { reason: 'control-character' };
    }
    if (s instanceof Y.Item) {
      const c = s.content;
      if (!(c instanceof Y.ContentString || c instanceof Y.ContentDeleted || c instanceof Y.ContentType || c instanceof Y.ContentAny)) {
        return { reason: 'content-type' };
      }
      if (s.content instanceof Y.ContentType) {
        const t = s.content.type;
        if (!(t instanceof Y.Map) && !(t instanceof Y.Text)) {
          return { reason: 'content-type' };
        }
      }
      if (typeof s.parent === 'string' && s.parent !== 'items') {
        return { reason: 'unknown-root' };
      }
    }
  }
  for (const ranges of decoded.ds.clients.values()) {
    for (const r of ranges) {
      if (r.clock + r.len > LIMIT) {
        return { reason: 'too-large' };
      }
    }
  }
  return { deletes: decoded.ds.clients.size > 0, structs: decoded.structs };
}

/** Characters no minutes hold (the database refuses NUL; the others are invisible): tab and line breaks are fine. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const TEXT_FIELDS = new Set(['theme', 'content', 'results']);
const VALUE_FIELDS = new Set(['key', 'agenda']);

/**
 * Where the update's new pieces landed, once applied: an item map only in the root list, texts only
 * as an item's three fields, plain values only as its key and agenda, characters only inside those
 * texts. Anything else (a map inside a text, an entry on the list, a value in a text) is refused.
 */
function misplaced(doc: Y.Doc, structs: Array<Y.Item | Y.GC | Y.Skip>): string | null {
  const root = doc.getArray('items') as unknown as Y.AbstractType<unknown>;
  for (const s of structs) {
    if (!(s instanceof Y.Item) || s.content instanceof Y.ContentDeleted) {
      continue;
    }
    const item = Y.getItem(doc.store, s.id) as Y.Item;
    if (item.deleted) {
      continue;
    }
    const parent = item.parent as Y.AbstractType<unknown>;
    const sub = item.parentSub;
    const c = item.content;
    const inItem = parent instanceof Y.Map && parent._item !== null && parent._item.parent === root;
    const ok = c instanceof Y.ContentType
      ? (c.type instanceof Y.Map && parent === root && sub === null) || (c.type instanceof Y.Text && inItem && sub !== null && TEXT_FIELDS.has(sub))
      : c instanceof Y.ContentAny
        ? inItem && sub !== null && VALUE_FIELDS.has(sub)
        : c instanceof Y.ContentString && sub === null && parent instanceof Y.Text && parent._item !== null
          && parent._item.parentSub !== null && TEXT_FIELDS.has(parent._item.parentSub);
    if (!ok) {
      return 'misplaced';
    }
  }
  return null;
}

function state(doc: Y.Doc): string {
  return JSON.stringify({ rows: read(doc), mark: mark(doc) });
}

function open(key: string): void {
  docs.set(key, new Y.Doc({ gc: true }));
}

/** Applies a stored update (from the database: trusted, already checked when it came in). */
function load(key: string, update: string): void {
  const doc = docs.get(key);
  if (!doc) {
    throw new Error('no document ' + key);
  }
  Y.applyUpdate(doc, bytes(update), 'store');
}

/**
 * Applies several stored updates at once (another instance's, already checked there): merged into
 * one update first, so the document runs one transaction for all of them rather than one each.
 */
function loadMany(key: string, updatesJson: string): void {
  const doc = docs.get(key);
  if (!doc) {
    throw new Error('no document ' + key);
  }
  const updates = (JSON.parse(updatesJson) as string[]).map(bytes);
  if (updates.length === 1) {
    Y.applyUpdate(doc, updates[0], 'store');
  } else if (updates.length > 1) {
    Y.applyUpdate(doc, Y.mergeUpdates(updates), 'store');
  }
}

/** The state vector as a comparable string (a few bytes per writer): it moves when an update brings something new. */
function vector(doc: Y.Doc): string {
  return latin1(Y.encodeStateVector(doc));
}

/**
 * Takes in an update from a browser. Answers JSON: {ok:true, changed} or {ok:false, reason}. On
 * a refusal after applying (a shape or limit broken, or a dependency missing) the document is
 * dropped: the caller reloads it from the database, where the update never went. The work per
 * update stays small (no reading of the whole text): the text is read when it is stored.
 */
function apply(key: string, update: string): string {
  const doc = docs.get(key);
  if (!doc) {
    return JSON.stringify({ ok: false, reason: 'not-open' });
  }
  const data = bytes(update);
  const screened = screen(data);
  if ('reason' in screened) {
    return JSON.stringify({ ok: false, reason: screened.reason });
  }
  const before = vector(doc);
  try {
    Y.applyUpdate(doc, data, 'peer');
  } catch {
    docs.delete(key);
    return JSON.stringify({ ok: false, reason: 'malformed', dropped: true });
  }
  const pending = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
  const broken = pending ? 'missing-dependency' : misplaced(doc, screened.structs) ?? problem(doc);
  if (broken) {
    docs.delete(key);
    return JSON.stringify({ ok: false, reason: broken, dropped: true });
  }
  // a deletion brings no new clock: an update with one counts as a change (storing it twice is harmless)
  return JSON.stringify({ ok: true, changed: screened.deletes || vector(doc) !== before });
}

/**
 * Takes in several updates from browsers at once, in one document transaction (one pass of the
 * document's bookkeeping instead of one per update): each is screened alone first, then all are
 * applied together and the document checked once. Answers {results:[{ok, changed}…]} when all
 * pass; {redo:true} when the document must be reloaded and the updates taken one by one (to find
 * which one is refused); a screening refusal names its update: {results:[…, {ok:false, reason}]}.
 */
function applyMany(key: string, updatesJson: string): string {
  const doc = docs.get(key);
  if (!doc) {
    return JSON.stringify({ redo: true });
  }
  const all = (JSON.parse(updatesJson) as string[]).map(bytes);
  const screened = all.map(screen);
  if (screened.some((x) => 'reason' in x)) {
    // nothing applied yet: the one-by-one path refuses exactly those
    return JSON.stringify({ redo: true, keep: true });
  }
  const changed: boolean[] = [];
  try {
    doc.transact(() => {
      all.forEach((data, k) => {
        const before = vector(doc);
        Y.applyUpdate(doc, data, 'peer');
        const s = screened[k] as { deletes: boolean };
        // left waiting for a later one of the batch: still new, so stored
        changed.push(s.deletes || vector(doc) !== before || doc.store.pendingStructs !== null);
      });
    }, 'peer');
  } catch {
    docs.delete(key);
    return JSON.stringify({ redo: true });
  }
  const pending = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
  const structs = screened.flatMap((x) => (x as { structs: Parameters<typeof misplaced>[1] }).structs);
  if (pending || misplaced(doc, structs) || problem(doc)) {
    docs.delete(key);
    return JSON.stringify({ redo: true });
  }
  return JSON.stringify({ results: changed.map((c) => ({ ok: true, changed: c })) });
}

function rows(key: string): string {
  const doc = docs.get(key);
  return doc ? state(doc) : 'null';
}

function stateVector(key: string): string {
  return latin1(Y.encodeStateVector(docs.get(key)!));
}

/** What a browser with the given state vector lacks. */
function diff(key: string, vector: string): string {
  let sv: Uint8Array;
  try {
    sv = bytes(vector);
    Y.decodeStateVector(sv);
  } catch {
    return '';
  }
  return latin1(Y.encodeStateAsUpdate(docs.get(key)!, sv));
}

/** The whole document as one update (compaction, and a new document's first update). */
function whole(key: string): string {
  return latin1(Y.encodeStateAsUpdate(docs.get(key)!));
}

let counter = 0;
function newKey(): string {
  counter++;
  return 's' + Date.now().toString(36) + '-' + counter.toString(36) + '-' + Math.floor(Math.random() * 1e9).toString(36);
}

/** Brings the document to the given rows; answers the update that does it (empty when nothing changed). */
function reconcileTo(key: string, rowsJson: string): string {
  const doc = docs.get(key)!;
  const target = JSON.parse(rowsJson) as Omit<Row, 'key'>[];
  const updates: Uint8Array[] = [];
  const listener = (u: Uint8Array): void => {
    updates.push(u);
  };
  doc.on('update', listener);
  try {
    reconcile(doc, target, newKey);
  } finally {
    doc.off('update', listener);
  }
  return updates.length === 0 ? '' : latin1(Y.mergeUpdates(updates));
}

/**
 * One field of the item the stored minutes number `position` (items with nothing written are not
 * stored, so not counted) set to `text` — an accepted proposal. Answers the update ('' if none).
 */
function setStoredField(key: string, position: number, field: string, text: string): string {
  const doc = docs.get(key)!;
  const stored = itemsOf(doc).toArray().filter((item) => textOf(item, 'content').toString().trim() !== ''
    || textOf(item, 'results').toString().trim() !== '');
  const item = stored[position - 1];
  if (!item || !TEXT_FIELDS.has(field)) {
    return '';
  }
  const updates: Uint8Array[] = [];
  const listener = (u: Uint8Array): void => {
    updates.push(u);
  };
  doc.on('update', listener);
  try {
    replaceText(textOf(item, field as Field), text);
  } finally {
    doc.off('update', listener);
  }
  return updates.length === 0 ? '' : latin1(Y.mergeUpdates(updates));
}

function close(key: string): void {
  docs.get(key)?.destroy();
  docs.delete(key);
}

/**
 * For tests and the benchmark only: an edit as a browser would make it, against a copy of the
 * document built from `base` (an update), inserting `text` at `index` of one item's field, by the
 * given Yjs client. Answers the update.
 */
function clientEdit(base: string, clientId: number, item: number, field: string, index: number, text: string): string {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  if (base) {
    Y.applyUpdate(doc, bytes(base));
  }
  const sv = Y.encodeStateVector(doc);
  // item -1: a text at the root named `field` (what no browser of Tsunagu makes: for tests of refusals)
  const target = item < 0 ? doc.getText(field) : doc.getArray<Y.Map<unknown>>('items').get(item)?.get(field);
  if (target instanceof Y.Text) {
    target.insert(Math.min(index, target.length), text);
  }
  const out = latin1(Y.encodeStateAsUpdate(doc, sv));
  doc.destroy();
  return out;
}

/** For tests only: an update that embeds a map inside the first item's content (what the server must refuse). */
function clientEmbed(base: string, clientId: number): string {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  Y.applyUpdate(doc, bytes(base));
  const sv = Y.encodeStateVector(doc);
  (doc.getArray<Y.Map<unknown>>('items').get(0).get('content') as Y.Text).insertEmbed(0, new Y.Map());
  const out = latin1(Y.encodeStateAsUpdate(doc, sv));
  doc.destroy();
  return out;
}

/** For tests: applies updates to a fresh document and reads it. */
function readUpdates(updatesJson: string): string {
  const doc = new Y.Doc();
  for (const u of JSON.parse(updatesJson) as string[]) {
    Y.applyUpdate(doc, bytes(u));
  }
  const out = state(doc);
  doc.destroy();
  return out;
}

/**
 * Warming the engine, a part at a time: GraalJS runs interpreted on this JDK, and its interpreter
 * is compiled by the JVM only once it has run the same paths many times. Each call runs one part
 * of a minutes session as it happens (ten items, thirty writers typing in turn, their keystrokes
 * taken in as a browser's batch here and as another instance's there, the text read, a late
 * browser synced) and answers 'more' until the session is over ('ok'); the caller calls again
 * after anything else waiting on the engine, so real documents never wait long behind it.
 */
interface Warming {
  writers: Y.Doc[];
  part: number;
}
let warming: Warming | null = null;
const WARM_PARTS = 20;
const WARM_WRITERS = 30;
const WARM_ROUNDS_PER_PART = 2;

function warm(): string {
  try {
    return warmPart();
  } catch (e) {
    // a part that failed leaves nothing behind: the next warm-up starts afresh
    stopWarming();
    throw e;
  }
}

function stopWarming(): void {
  warming?.writers.forEach((doc) => doc.destroy());
  close('warm-here');
  close('warm-there');
  close('warm-seed');
  warming = null;
}

function warmPart(): string {
  const here = 'warm-here';
  const there = 'warm-there';
  if (warming === null) {
    open('warm-seed');
    const items = [];
    for (let i = 0; i < 10; i++) {
      items.push({ agenda: i + 1, theme: 'テーマ' + i, content: '内容', results: '' });
    }
    const seed = reconcileTo('warm-seed', JSON.stringify(items));
    close('warm-seed');
    open(here);
    load(here, seed);
    open(there);
    load(there, seed);
    const writers: Y.Doc[] = [];
    for (let w = 0; w < WARM_WRITERS; w++) {
      const doc = new Y.Doc();
      doc.clientID = 2_000_000 + w;
      Y.applyUpdate(doc, bytes(seed));
      writers.push(doc);
    }
    warming = { writers, part: 0 };
  }
  const state = warming;
  for (let round = 0; round < WARM_ROUNDS_PER_PART; round++) {
    const batch: string[] = [];
    state.writers.forEach((doc, w) => {
      const text = itemsOf(doc).get(w % 10).get('content') as Y.Text;
      const sv = Y.encodeStateVector(doc);
      text.insert(Math.floor(Math.random() * (text.length + 1)), String.fromCharCode(0x4e00 + w));
      batch.push(latin1(Y.encodeStateAsUpdate(doc, sv)));
    });
    // the browsers' batch here (checked and applied), one writer alone, and the same stored updates there
    applyMany(here, JSON.stringify(batch.slice(1)));
    apply(here, batch[0]);
    loadMany(there, JSON.stringify(batch));
    // each writer sees the keystrokes of the others in its item, as the relay brings them
    state.writers.forEach((doc, w) => {
      batch.forEach((u, v) => {
        if (v !== w && v % 10 === w % 10) {
          Y.applyUpdate(doc, bytes(u), 'remote');
        }
      });
    });
  }
  rows(here);
  diff(here, latin1(Y.encodeStateVector(state.writers[0])));
  stateVector(there);
  state.part++;
  if (state.part < WARM_PARTS) {
    return 'more';
  }
  whole(here);
  stopWarming();
  return 'ok';
}

(globalThis as Record<string, unknown>).TsunaguLive = {
  warm,
  open,
  load,
  loadMany,
  apply,
  applyMany,
  rows,
  stateVector,
  diff,
  whole,
  reconcileTo,
  setStoredField,
  close,
  clientEdit,
  clientEmbed,
  readUpdates,
};
