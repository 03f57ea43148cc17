// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Announcer, backoff, isFinal, mountLiveBoard } from './live-board';

class FakeSocket {
  static last: FakeSocket | null = null;
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.last = this;
  }
  send(text: string): void {
    this.sent.push(text);
  }
  close(): void {
    this.readyState = 3;
  }
  opened(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(m: object): void {
    this.onmessage?.({ data: JSON.stringify(m) });
  }
  closed(code: number): void {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

function page(): HTMLElement {
  document.body.innerHTML = `<div data-island="live-board" data-socket="/live/conference/7" data-api="/api/conferences/7/board"
      data-label-live="live" data-label-offline="offline" data-label-stopped="stopped" data-label-connecting="connecting" data-label-added="added">
    <p data-live-state hidden></p><p aria-live="polite" data-live-announce></p>
    <section id="run"><h2>run</h2><p class="phase-now">導入</p></section>
    <section id="board"><ul><li id="entry-1">one <button type="submit">削除</button></li></ul></section>
    <section id="add-entry"><form data-board-form><select name="phase"><option value="INTRO">導入</option><option value="DISCUSSION">検討</option></select>
      <textarea name="body"></textarea><button type="submit">add</button></form></section></div>`;
  return document.querySelector<HTMLElement>('[data-island="live-board"]')!;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the live board', () => {
  it('morphs the sections it is sent and keeps the element that has focus', () => {
    const root = page();
    mountLiveBoard(root, (url) => new FakeSocket(url) as unknown as WebSocket);
    const ws = FakeSocket.last!;
    expect(ws.url).toMatch(/\/live\/conference\/7$/);
    ws.opened();
    expect(root.querySelector('[data-live-state]')!.textContent).toBe('live');
    const button = root.querySelector<HTMLButtonElement>('#entry-1 button')!;
    button.focus();
    ws.receive({
      type: 'board', conference: 7, now: new Date().toISOString(), phase: 'DISCUSSION', endsAt: null,
      run: '<section id="run"><h2>run</h2><p class="phase-now">検討</p></section>',
      board: '<section id="board"><ul><li id="entry-1">one <button type="submit">削除</button></li><li id="entry-2">two</li></ul></section>',
      announce: '段階が「検討」になりました',
    });
    expect(root.querySelector('.phase-now')!.textContent).toBe('検討');
    expect(root.querySelectorAll('#board li')).toHaveLength(2);
    expect(root.querySelector('#entry-1 button')).toBe(button);
    expect(document.activeElement).toBe(button);
    expect(root.querySelector('[data-live-announce]')!.textContent).toBe('段階が「検討」になりました');
    expect(root.querySelector<HTMLSelectElement>('select[name="phase"]')!.value).toBe('DISCUSSION');
  });

  it('leaves the phase the recorder chose', () => {
    const root = page();
    mountLiveBoard(root, (url) => new FakeSocket(url) as unknown as WebSocket);
    const select = root.querySelector<HTMLSelectElement>('select[name="phase"]')!;
    select.value = 'INTRO';
    select.dispatchEvent(new Event('change'));
    FakeSocket.last!.receive({ type: 'board', conference: 7, now: new Date().toISOString(), phase: 'DISCUSSION', endsAt: null });
    expect(select.value).toBe('INTRO');
  });

  it('takes the board off the screen when it may no longer be shown, and does not reconnect', () => {
    vi.useFakeTimers();
    const root = page();
    let opened = 0;
    mountLiveBoard(root, (url) => {
      opened++;
      return new FakeSocket(url) as unknown as WebSocket;
    });
    FakeSocket.last!.opened();
    FakeSocket.last!.closed(4404);
    expect(root.querySelector('#board')).toBeNull();
    expect(root.querySelector('#run')).toBeNull();
    expect(root.querySelector('#add-entry')).toBeNull();
    expect(root.querySelector('[data-live-state]')!.textContent).toBe('stopped');
    vi.advanceTimersByTime(60_000);
    expect(opened).toBe(1);
  });

  it('reconnects after a dropped connection and keeps what it shows meanwhile', () => {
    vi.useFakeTimers();
    const root = page();
    let opened = 0;
    mountLiveBoard(root, (url) => {
      opened++;
      return new FakeSocket(url) as unknown as WebSocket;
    });
    FakeSocket.last!.opened();
    FakeSocket.last!.closed(1006);
    expect(root.querySelector('[data-live-state]')!.textContent).toBe('offline');
    expect(root.querySelector('#entry-1')).not.toBeNull();
    vi.advanceTimersByTime(1000);
    expect(opened).toBe(2);
  });
});

describe('when access may be gone or a post fails', () => {
  it('asks, without logging a read, when a reconnect is refused, and takes the board away on 404', async () => {
    vi.useFakeTimers();
    const root = page();
    root.dataset.check = '/api/conferences/7/board/live';
    root.querySelector('[data-live-announce]')!.textContent = '板書に 1 件追加されました：質問 ご本人の希望';
    const asked: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      asked.push(url);
      return Promise.resolve({ status: 404 } as Response);
    });
    mountLiveBoard(root, (url) => new FakeSocket(url) as unknown as WebSocket);
    FakeSocket.last!.closed(1006); // never opened: the upgrade was refused
    await vi.runAllTimersAsync();
    expect(asked).toEqual(['/api/conferences/7/board/live']);
    expect(root.querySelector('#board')).toBeNull();
    expect(root.querySelector('[data-live-announce]')!.textContent).not.toContain('ご本人の希望');
    vi.unstubAllGlobals();
  });

  it('keeps the text and says so when the line could not be sent, without posting it twice', async () => {
    const root = page();
    root.dataset.labelFailed = 'failed';
    let posts = 0;
    vi.stubGlobal('fetch', () => {
      posts++;
      return Promise.reject(new Error('network'));
    });
    mountLiveBoard(root, (url) => new FakeSocket(url) as unknown as WebSocket);
    const ws = FakeSocket.last!;
    ws.opened();
    const form = root.querySelector<HTMLFormElement>('[data-board-form]')!;
    const submitted = vi.spyOn(form, 'submit').mockImplementation(() => undefined);
    root.querySelector<HTMLTextAreaElement>('textarea[name="body"]')!.value = '送れなかった行';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    expect(posts).toBe(1);
    expect(submitted).not.toHaveBeenCalled();
    expect(root.querySelector<HTMLTextAreaElement>('textarea[name="body"]')!.value).toBe('送れなかった行');
    expect(root.querySelector('[data-live-state]')!.textContent).toBe('failed');
    vi.unstubAllGlobals();
  });
});

describe('its small parts', () => {
  it('reads 44xx as final and backs off up to 30 s', () => {
    expect(isFinal(4404)).toBe(true);
    expect(isFinal(4410)).toBe(true);
    expect(isFinal(1012)).toBe(false);
    expect(isFinal(1006)).toBe(false);
    expect([0, 1, 2, 3, 4, 5, 9].map(backoff)).toEqual([1, 2, 4, 8, 16, 30, 30]);
  });

  it('says at most one thing every few seconds, and what came meanwhile together', () => {
    vi.useFakeTimers();
    const el = document.createElement('p');
    const a = new Announcer(el, 3000);
    a.say('one');
    expect(el.textContent).toBe('one');
    a.say('two');
    a.say('three');
    expect(el.textContent).toBe('one');
    vi.advanceTimersByTime(3000);
    expect(el.textContent).toBe('two three');
  });
});
