// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildQuery, mountDirectoryFilter } from './directory-filter';

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

describe('mountDirectoryFilter', () => {
  afterEach(() => vi.unstubAllGlobals());

  function page(): HTMLFormElement {
    document.body.innerHTML = `<form data-msg-any="すべて">
      <input id="q"><select id="prefecture"><option value="">すべて</option><option value="1">北海道</option></select>
      <select id="type"><option value="">すべて</option><option value="NAKAPOTSU">センター</option></select>
      <select id="area" disabled><option value="">すべて</option></select></form>
      <div id="directory-results"><p>11 件</p></div>`;
    const form = document.querySelector('form')!;
    mountDirectoryFilter(form);
    return form;
  }

  it('asks the server for the rendered rows and shows them as they come', async () => {
    const fetch = vi.fn(async () => new Response('<p class="result-count">3 件（サーバー）</p><table class="list"></table>', { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    const replace = vi.spyOn(window.history, 'replaceState').mockImplementation(() => undefined);
    page();
    const type = document.querySelector<HTMLSelectElement>('#type')!;
    type.value = 'NAKAPOTSU';
    type.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(document.querySelector('#directory-results')!.innerHTML).toContain('3 件（サーバー）'));
    expect(fetch).toHaveBeenCalledWith('/directory/results?type=NAKAPOTSU', { headers: { Accept: 'text/html' } });
    // the address follows the filter, so a reload or a shared link shows the same rows
    expect(replace).toHaveBeenCalledWith(null, '', '/directory?type=NAKAPOTSU');
  });

  it('keeps the rows it has when the server refuses', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('', { status: 503 })));
    const form = page();
    form.dispatchEvent(new Event('submit'));
    await new Promise((r) => setTimeout(r, 10));
    expect(document.querySelector('#directory-results')!.textContent).toContain('11 件');
  });

  it('fills the areas of a prefecture as text, never as markup', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => url.startsWith('/api/areas')
      ? new Response(JSON.stringify([{ id: 5, name: '札幌圏域 <b>' }]), { status: 200 })
      : new Response('<p>2 件</p>', { status: 200 })));
    page();
    const prefecture = document.querySelector<HTMLSelectElement>('#prefecture')!;
    prefecture.value = '1';
    prefecture.dispatchEvent(new Event('change'));
    const area = document.querySelector<HTMLSelectElement>('#area')!;
    await vi.waitFor(() => expect(area.options.length).toBe(2));
    expect(area.options[1].textContent).toBe('札幌圏域 <b>');
    expect(area.querySelector('b')).toBeNull();
    expect(area.disabled).toBe(false);
    expect(area.options[0].textContent).toBe('すべて');
  });
});
