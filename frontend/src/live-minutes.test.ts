import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { moveCaret } from './live-minutes';
import { itemsOf, mark, newItem, problem, read, reconcile, replaceText, textOf } from './live/minutes-doc';

describe('the caret over a remote change', () => {
  it('moves on for text inserted before it, not for text inserted at it', () => {
    expect(moveCaret(5, [{ retain: 2 }, { insert: 'abc' }])).toBe(8);
    expect(moveCaret(5, [{ retain: 5 }, { insert: 'abc' }])).toBe(5);
    expect(moveCaret(5, [{ retain: 7 }, { insert: 'abc' }])).toBe(5);
  });
  it('moves back for text deleted before it, to the start of a deletion around it', () => {
    expect(moveCaret(5, [{ delete: 2 }])).toBe(3);
    expect(moveCaret(5, [{ retain: 3 }, { delete: 5 }])).toBe(3);
  });
});

function doc(rows: Array<[string, string, string]>): Y.Doc {
  const d = new Y.Doc();
  d.transact(() => rows.forEach(([t, c, r], i) => itemsOf(d).push([newItem(`k${i}`, i + 1, { theme: t, content: c, results: r })])));
  return d;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('the minutes document', () => {
  it('keeps both writers’ text when two type at the same place at once', () => {
    const a = doc([['テーマ', '', '']]);
    const b = new Y.Doc();
    sync(a, b);
    textOf(itemsOf(a).get(0), 'content').insert(0, 'Aの記録');
    textOf(itemsOf(b).get(0), 'content').insert(0, 'Bの記録');
    sync(a, b);
    const text = read(a)[0].content;
    expect(text).toContain('Aの記録');
    expect(text).toContain('Bの記録');
    expect(read(b)).toEqual(read(a));
  });

  it('changes only what differs when a text is replaced, so a concurrent edit elsewhere survives', () => {
    const a = doc([['', '今日は晴れ。明日は雨。', '']]);
    const b = new Y.Doc();
    sync(a, b);
    replaceText(textOf(itemsOf(a).get(0), 'content'), '今日は晴れ。明後日は雨。');
    textOf(itemsOf(b).get(0), 'content').insert(0, '【速報】');
    sync(a, b);
    expect(read(a)[0].content).toBe('【速報】今日は晴れ。明後日は雨。');
  });

  it('brings the document to the form’s rows: changed texts, rows added and removed at the end', () => {
    const d = doc([['一', 'a', ''], ['二', 'b', ''], ['三', 'c', '']]);
    reconcile(d, [{ agenda: 1, theme: '一', content: 'a2', results: 'r' }, { agenda: null, theme: '新', content: '', results: '' }], () => 'n1');
    expect(read(d).map((r) => [r.theme, r.content, r.results, r.agenda])).toEqual([['一', 'a2', 'r', 1], ['新', '', '', null]]);
  });

  it('refuses shapes and sizes the form would refuse', () => {
    expect(problem(doc([['t', 'c', 'r']]))).toBeNull();
    const long = doc([['t'.repeat(301), '', '']]);
    expect(problem(long)).toBe('too-long');
    const other = doc([['t', '', '']]);
    other.getText('elsewhere').insert(0, 'x');
    expect(problem(other)).toBe('unknown-root');
    const many = doc(Array.from({ length: 41 }, () => ['t', '', ''] as [string, string, string]));
    expect(problem(many)).toBe('too-many-items');
    const stray = doc([['t', '', '']]);
    itemsOf(stray).get(0).set('script', 'x');
    expect(problem(stray)).toBe('unknown-field');
  });

  it('has a mark that grows with every change, deletions too, and is equal for equal documents', () => {
    const a = doc([['t', 'abc', '']]);
    const b = new Y.Doc();
    sync(a, b);
    expect(mark(b)).toBe(mark(a));
    const before = mark(a);
    textOf(itemsOf(a).get(0), 'content').delete(0, 1);
    expect(mark(a)).toBeGreaterThan(before);
  });
});
