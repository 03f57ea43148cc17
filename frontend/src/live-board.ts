// Live board island (the case conference's board page): a socket on /live/conference/{id} sends
// the run and the board as the server renders them for this person, whenever they change; the
// sections are morphed in place (idiomorph), so focus, the caret and a screen reader's position
// survive. The recorder's form posts through the API without reloading while the socket is up;
// anything the API refuses is posted as the plain form, so the page explains it as before.
// Without JavaScript, or when the socket cannot open, the page is the server-rendered one.
import { Idiomorph } from 'idiomorph';
import { mountPhaseTimer } from './phase-timer';

export interface BoardMessage {
  type: 'board';
  conference: number;
  now: string;
  phase: string | null;
  endsAt: string | null;
  run?: string;
  board?: string;
  announce?: string;
}

/** Close codes 4400–4499 mean "do not try again"; anything else is a dropped connection. */
export function isFinal(code: number): boolean {
  return code >= 4400 && code < 4500;
}

/** Seconds to wait before the n-th reconnect (1, 2, 4 … at most 30). */
export function backoff(attempt: number): number {
  return Math.min(30, 2 ** Math.max(0, attempt));
}

/** At most one announcement every few seconds: what arrives meanwhile is said together after. */
export class Announcer {
  private last = -Infinity;
  private pending: string[] = [];
  private timer: number | undefined;

  constructor(
    private readonly el: HTMLElement,
    private readonly gapMs = 3000,
    private readonly now: () => number = Date.now,
  ) {}

  say(text: string): void {
    if (!text) {
      return;
    }
    this.pending.push(text);
    const wait = this.last + this.gapMs - this.now();
    if (wait <= 0) {
      this.flush();
    } else if (this.timer === undefined) {
      this.timer = window.setTimeout(() => this.flush(), wait);
    }
  }

  /** Says nothing more of what was queued, and clears what was said (the board left the screen). */
  clear(): void {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
    this.el.textContent = '';
  }

  private flush(): void {
    this.timer = undefined;
    if (this.pending.length === 0) {
      return;
    }
    this.el.textContent = this.pending.join(' ');
    this.pending = [];
    this.last = this.now();
  }
}

export function mountLiveBoard(
  root: HTMLElement,
  open: (url: string) => WebSocket = (url) => new WebSocket(url),
): () => void {
  const state = root.querySelector<HTMLElement>('[data-live-state]');
  const region = root.querySelector<HTMLElement>('[data-live-announce]');
  const announcer = region ? new Announcer(region) : null;
  const path = root.dataset.socket ?? '';
  let skew = 0; // the server's clock minus ours
  let stopTimer: () => void = () => undefined;
  let socket: WebSocket | null = null;
  let attempt = 0;
  let stopped = false;
  let retry: number | undefined;
  let phaseChosen = false;

  const show = (text: string | undefined, kind: 'connecting' | 'live' | 'offline' | 'stopped'): void => {
    if (state) {
      state.textContent = text ?? '';
      state.hidden = !text;
      state.dataset.state = kind;
    }
  };

  const mountTimer = (): void => {
    stopTimer();
    const el = root.querySelector<HTMLElement>('[data-island="phase-timer"]');
    stopTimer = el ? mountPhaseTimer(el, () => Date.now() + skew) : () => undefined;
  };

  const morph = (selector: string, html: string | undefined): boolean => {
    const el = root.querySelector<HTMLElement>(selector);
    if (!el || html === undefined) {
      return false;
    }
    Idiomorph.morph(el, html.trim(), { morphStyle: 'outerHTML' });
    return true;
  };

  const apply = (m: BoardMessage): void => {
    const now = Date.parse(m.now);
    if (!Number.isNaN(now)) {
      skew = now - Date.now();
    }
    if (morph('#run', m.run)) {
      mountTimer();
    }
    morph('#board', m.board);
    const phase = root.querySelector<HTMLSelectElement>('[data-board-form] select[name="phase"]');
    if (phase && m.phase && !phaseChosen && Array.from(phase.options).some((o) => o.value === m.phase)) {
      phase.value = m.phase;
    }
    if (m.announce) {
      announcer?.say(m.announce);
    }
  };

  /** The board may no longer be shown here: what it showed is taken off the screen too. */
  const cut = (): void => {
    stopped = true;
    stopTimer();
    announcer?.clear();
    root.querySelectorAll('#run, #board, #add-entry').forEach((el) => el.remove());
    show(root.dataset.labelStopped, 'stopped');
  };

  const connect = (): void => {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = open(`${scheme}//${location.host}${path}`);
    socket = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      attempt = 0;
      show(root.dataset.labelLive, 'live');
    };
    ws.onmessage = (e) => {
      let m: BoardMessage;
      try {
        m = JSON.parse(String(e.data)) as BoardMessage;
      } catch {
        return;
      }
      if (m && m.type === 'board') {
        apply(m);
      }
    };
    ws.onclose = (e) => {
      socket = null;
      if (stopped) {
        return;
      }
      if (isFinal(e.code)) {
        cut();
        announcer?.say(root.dataset.labelStopped ?? '');
        return;
      }
      if (attempt === 0) {
        announcer?.say(root.dataset.labelOffline ?? '');
      }
      show(root.dataset.labelOffline, 'offline');
      const again = (): void => {
        retry = window.setTimeout(connect, backoff(attempt++) * 1000);
      };
      if (opened || !root.dataset.check) {
        again();
        return;
      }
      // refused before it opened: the board may no longer be this person's to see (nothing is logged by asking)
      fetch(root.dataset.check, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then((res) => {
          if (res.status === 401 || res.status === 403 || res.status === 404 || res.status === 410) {
            cut();
            announcer?.say(root.dataset.labelStopped ?? '');
          } else if (!stopped) {
            again();
          }
        })
        .catch(() => again());
    };
  };

  // the recorder's form: through the API while live, the plain form for anything else
  const form = root.querySelector<HTMLFormElement>('[data-board-form]');
  form?.querySelector('select[name="phase"]')?.addEventListener('change', () => {
    phaseChosen = true;
  });
  form?.addEventListener('submit', (e) => {
    if (!socket || socket.readyState !== WebSocket.OPEN || !root.dataset.api) {
      return;
    }
    e.preventDefault();
    const data = new FormData(form);
    const body = String(data.get('body') ?? '');
    const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (submit) {
      submit.disabled = true;
    }
    fetch(root.dataset.api, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ phase: data.get('phase') || null, kind: data.get('kind') || null, body }),
    })
      .then((res) => {
        if (res.status >= 400 && res.status < 500) {
          // refused (an identifying detail, a lost right …): the plain form shows why, with the text marked
          form.submit();
          return;
        }
        if (res.status !== 201) {
          throw new Error(String(res.status));
        }
        const text = form.querySelector<HTMLTextAreaElement>('textarea[name="body"]');
        if (text) {
          text.value = '';
          text.focus();
        }
        announcer?.say(root.dataset.labelAdded ?? '');
      })
      .catch(() => {
        // not sent, or the server failed: it may or may not have been stored, so nothing is sent twice
        // on its own; the text stays for the recorder to send again
        show(root.dataset.labelFailed, 'offline');
        announcer?.say(root.dataset.labelFailed ?? '');
      })
      .finally(() => {
        if (submit) {
          submit.disabled = false;
        }
      });
  });

  show(root.dataset.labelConnecting, 'connecting');
  mountTimer();
  connect();
  return () => {
    stopped = true;
    window.clearTimeout(retry);
    stopTimer();
    socket?.close();
  };
}
