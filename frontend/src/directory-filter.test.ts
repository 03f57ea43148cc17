import { describe, expect, it } from 'vitest';
import { buildQuery, countText, escapeHtml, renderRows, type Labels } from './directory-filter';

const labels: Labels = {
  results: '{n} 件',
  none: '条件に合う組織はありません。',
  any: 'すべて',
  next: '次へ',
  types: { NAKAPOTSU: '障害者就業・生活支援センター' },
  columns: { name: '名称', type: '種別', prefecture: '都道府県', area: '圏域' },
};

describe('buildQuery', () => {
  it('leaves out empty filters and trims values', () => {
    expect(buildQuery({ q: '  のいける ', prefecture: '1', type: '', area: undefined })).toBe(
      'q=%E3%81%AE%E3%81%84%E3%81%91%E3%82%8B&prefecture=1',
    );
  });

  it('is empty when nothing is chosen', () => {
    expect(buildQuery({ q: '', prefecture: null })).toBe('');
  });
});

describe('escapeHtml', () => {
  it('neutralises markup', () => {
    expect(escapeHtml('<script>alert("x")</script>&\'')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;',
    );
  });
});

describe('countText', () => {
  it('fills the count into the message', () => {
    expect(countText(11, labels)).toBe('11 件');
  });
  it('uses the no-result message for zero', () => {
    expect(countText(0, labels)).toBe('条件に合う組織はありません。');
  });
});

describe('renderRows', () => {
  it('renders one escaped row per organization with type labels', () => {
    const html = renderRows(
      {
        items: [{ id: 7, name: 'センター <b>', type: 'NAKAPOTSU', prefecture: '北海道', areas: ['札幌圏域', '後志圏域'] }],
        total: 1,
        page: 1,
        size: 50,
      },
      labels,
    );
    expect(html).toContain('<a href="/directory/7">センター &lt;b&gt;</a>');
    expect(html).toContain('障害者就業・生活支援センター');
    expect(html).toContain('札幌圏域、後志圏域');
    expect(html.match(/<tr>/g)?.length).toBe(2);
  });

  it('renders nothing for an empty page', () => {
    expect(renderRows({ items: [], total: 0, page: 1, size: 50 }, labels)).toBe('');
  });
});
