// The minutes as one Yjs document, shared by the browser island and the server (which runs the
// same code under GraalJS): a root array "items" of maps, each with a stable key, the agenda
// position it belongs to, and three texts — テーマ / 内容 / 結果. Everything that reads or checks
// the shape lives here so both sides agree on it.
import * as Y from 'yjs';

export const FIELDS = ['theme', 'content', 'results'] as const;
export type Field = (typeof FIELDS)[number];

export interface Row {
  key: string;
  agenda: number | null;
  theme: string;
  content: string;
  results: string;
}

/** The same limits as the version-checked form (MinutesInput / MinutesItemView). */
export const LIMITS = { items: 40, theme: 300, content: 8000, results: 8000 } as const;

const KEYS = new Set(['key', 'agenda', ...FIELDS]);

export function itemsOf(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>('items');
}

export function newItem(key: string, agenda: number | null, texts: Partial<Record<Field, string>> = {}): Y.Map<unknown> {
  const item = new Y.Map<unknown>();
  item.set('key', key);
  item.set('agenda', agenda);
  for (const f of FIELDS) {
    item.set(f, new Y.Text(texts[f] ?? ''));
  }
  return item;
}

export function textOf(item: Y.Map<unknown>, field: Field): Y.Text {
  return item.get(field) as Y.Text;
}

/** The document's rows as plain text, in order. */
export function read(doc: Y.Doc): Row[] {
  return itemsOf(doc)
    .toArray()
    .map((item) => ({
      key: String(item.get('key')),
      agenda: typeof item.get('agenda') === 'number' ? (item.get('agenda') as number) : null,
      theme: textOf(item, 'theme').toString(),
      content: textOf(item, 'content').toString(),
      results: textOf(item, 'results').toString(),
    }));
}

/**
 * Whether the document has the minutes' shape and limits; the reason when it has not. The server
 * asks this after every update from a browser and refuses the update when it fails.
 */
export function problem(doc: Y.Doc): string | null {
  for (const name of doc.share.keys()) {
    if (name !== 'items') {
      return 'unknown-root';
    }
  }
  const items = itemsOf(doc).toArray();
  if (items.length > LIMITS.items) {
    return 'too-many-items';
  }
  for (const item of items) {
    if (!(item instanceof Y.Map)) {
      return 'not-an-item';
    }
    for (const k of item.keys()) {
      if (!KEYS.has(k)) {
        return 'unknown-field';
      }
    }
    const key = item.get('key');
    const agenda = item.get('agenda');
    if (typeof key !== 'string' || key.length === 0 || key.length > 64) {
      return 'bad-key';
    }
    if (agenda !== null && agenda !== undefined && !(Number.isInteger(agenda) && (agenda as number) > 0 && (agenda as number) < 1000)) {
      return 'bad-agenda';
    }
    for (const f of FIELDS) {
      const t = item.get(f);
      if (!(t instanceof Y.Text)) {
        return 'bad-text';
      }
      if (t.length > LIMITS[f]) {
        return 'too-long';
      }
    }
  }
  return null;
}

/** Changes a shared text into `next` by one deletion and one insertion around the common prefix and suffix. */
export function replaceText(text: Y.Text, next: string): void {
  const prev = text.toString();
  if (prev === next) {
    return;
  }
  let start = 0;
  while (start < prev.length && start < next.length && prev[start] === next[start]) {
    start++;
  }
  let endPrev = prev.length;
  let endNext = next.length;
  while (endPrev > start && endNext > start && prev[endPrev - 1] === next[endNext - 1]) {
    endPrev--;
    endNext--;
  }
  if (endPrev > start) {
    text.delete(start, endPrev - start);
  }
  if (endNext > start) {
    text.insert(start, next.slice(start, endNext));
  }
}

/**
 * Brings the document to the given rows (the version-checked form saved them): row by row the
 * texts are changed where they differ, rows beyond are added or removed at the end.
 */
export function reconcile(doc: Y.Doc, rows: Omit<Row, 'key'>[], newKey: () => string): void {
  const items = itemsOf(doc);
  doc.transact(() => {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (i < items.length) {
        const item = items.get(i);
        if (item.get('agenda') !== row.agenda) {
          item.set('agenda', row.agenda);
        }
        for (const f of FIELDS) {
          replaceText(textOf(item, f), row[f]);
        }
      } else {
        items.push([newItem(newKey(), row.agenda, row)]);
      }
    }
    if (items.length > rows.length) {
      items.delete(rows.length, items.length - rows.length);
    }
  });
}

/**
 * A number that grows with every change a document has taken in, and is equal for two copies that
 * took in the same changes: the sum of its state vector (insertions) and of its deleted lengths.
 * The server stores it beside the text it derived, so an older copy never overwrites a newer one.
 */
export function mark(doc: Y.Doc): number {
  let sum = 0;
  Y.decodeStateVector(Y.encodeStateVector(doc)).forEach((clock) => {
    sum += clock;
  });
  const ds = Y.createDeleteSetFromStructStore(doc.store);
  ds.clients.forEach((ranges) => {
    for (const r of ranges) {
      sum += r.len;
    }
  });
  return sum;
}
