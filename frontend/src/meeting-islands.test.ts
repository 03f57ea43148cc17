import { describe, expect, it } from 'vitest';
import { choiceForKey, progressText } from './availability-grid';
import { format, renumber, totalMinutes } from './agenda-editor';
import { collectItems, tokyoTime } from './minutes-editor';

describe('availability grid', () => {
  it('maps letter, digit and mark keys to answers', () => {
    expect(['o', 'O', '1', '○', 'y'].map(choiceForKey)).toEqual(['YES', 'YES', 'YES', 'YES', 'YES']);
    expect(['t', '2', '△', 'm'].map(choiceForKey)).toEqual(['MAYBE', 'MAYBE', 'MAYBE', 'MAYBE']);
    expect(['x', 'X', '3', '×', 'n'].map(choiceForKey)).toEqual(['NO', 'NO', 'NO', 'NO', 'NO']);
  });

  it('ignores navigation and other keys', () => {
    expect(['Tab', 'ArrowDown', ' ', 'Enter', '4', 'a'].map(choiceForKey)).toEqual([null, null, null, null, null, null]);
  });

  it('counts what is left to answer', () => {
    expect(progressText(2, 'あと {n} 件', '完了')).toBe('あと 2 件');
    expect(progressText(0, 'あと {n} 件', '完了')).toBe('完了');
  });
});

describe('agenda editor', () => {
  it('totals kept, titled rows and skips removed, untitled and non-numeric ones', () => {
    expect(
      totalMinutes([
        { title: '開会', minutes: '5', removed: false },
        { title: '情報交換', minutes: ' 60 ', removed: false },
        { title: '削除する', minutes: '30', removed: true },
        { title: '', minutes: '15', removed: false },
        { title: '質疑', minutes: 'abc', removed: false },
        { title: '負の値', minutes: '-10', removed: false },
      ]),
    ).toBe(65);
  });

  it('fills numbered placeholders, repeated ones too', () => {
    expect(format('合計 {0}分／会議の長さ {1}分', 95, 90)).toBe('合計 95分／会議の長さ 90分');
    expect(format('{0}-{0}', 'a')).toBe('a-a');
  });

  it('renumbers the trailing index of a field name only', () => {
    expect(renumber('title3', 0)).toBe('title0');
    expect(renumber('minutes12', 4)).toBe('minutes4');
    expect(renumber('type1', 10)).toBe('type10');
  });
});

describe('minutes editor', () => {
  it('sends rows with something written and leaves blank and theme-only rows out', () => {
    const result = collectItems([
      { agenda: '1', theme: '各機関からの報告', content: '求人が増えた', results: '' },
      { agenda: '', theme: '', content: '', results: '' },
      { agenda: '2', theme: '休憩', content: ' ', results: '' },
      { agenda: '', theme: '次回', content: '', results: '2月に開催' },
    ]);
    expect(result).toEqual({
      ok: true,
      items: [
        { agendaItemPosition: 1, theme: '各機関からの報告', content: '求人が増えた', results: null },
        { agendaItemPosition: null, theme: '次回', content: null, results: '2月に開催' },
      ],
    });
  });

  it('waits while a row has text but no theme', () => {
    expect(collectItems([{ agenda: '', theme: ' ', content: '書きかけ', results: '' }])).toEqual({ ok: false });
  });

  it('shows the time in Tokyo whatever the browser zone', () => {
    expect(tokyoTime(new Date('2026-11-23T01:05:00Z'))).toBe('10:05');
  });
});

describe('message placeholders (one helper for every island)', () => {
  it('fills named placeholders and leaves unknown ones', async () => {
    const { formatNamed } = await import('./messages');
    expect(formatNamed('あと {n} 件（{x}）', { n: 3 })).toBe('あと 3 件（{x}）');
  });
});
