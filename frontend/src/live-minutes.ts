// Live minutes island (/meetings/{id}/minutes/edit): every organizer writes the same minutes at
// once. The text lives in a Yjs document; each change is sent over /live/minutes/{id} and shown
// as "saved" only when the server says it is stored. Edits made offline stay in the page's
// document and are sent when the connection comes back (the server answers what it lacks and Yjs
// merges both ways). The version-checked form underneath stays the way in without JavaScript,
// and takes over again if the socket cannot be opened at all.
import * as Y from 'yjs';
import { FIELDS, type Field, LIMITS, itemsOf, newItem, replaceText, textOf } from './live/minutes-doc';

type Status = 'connecting' | 'saved' | 'saving' | 'offline' | 'closed';

interface Person {
  id: string;
  name: string;
  field: string | null;
  /** the viewer's own account (another tab of theirs) */
  mine?: boolean;
}

/** Moves a caret over a remote change (a Yjs delta): text inserted before it pushes it on, at it does not. */
export function moveCaret(pos: number, delta: Array<{ insert?: unknown; retain?: number; delete?: number }>): number {
  let index = 0;
  let p = pos;
  for (const op of delta) {
    if (op.retain !== undefined) {
      index += op.retain;
    } else if (op.insert !== undefined) {
      const len = typeof op.insert === 'string' ? op.insert.length : 1;
      if (index < p) {
        p += len;
      }
      index += len;
    } else if (op.delete !== undefined) {
      if (index < p) {
        p -= Math.min(op.delete, p - index);
      }
    }
    if (index > p) {
      break;
    }
  }
  return p;
}

function b64(data: Uint8Array): string {
  let s = '';
  for (let i = 0; i < data.length; i += 4096) {
    s += String.fromCharCode(...data.subarray(i, i + 4096));
  }
  return btoa(s);
}

function unb64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) {
    out[i] = bin.charCodeAt(i);
  }
  return out;
}

const REMOTE = 'remote';

export function mountLiveMinutes(root: HTMLElement): void {
  const meeting = root.dataset.meeting;
  const form = root.querySelector<HTMLFormElement>('form[data-island="minutes-editor"]');
  const rowsBox = root.querySelector<HTMLElement>('[data-live-rows]');
  const statusBox = root.querySelector<HTMLElement>('[data-live-status]');
  const peopleBox = root.querySelector<HTMLElement>('[data-live-people]');
  const announcer = root.querySelector<HTMLElement>('[data-live-announce]');
  const addButton = root.querySelector<HTMLButtonElement>('[data-live-add]');
  if (!meeting || !form || !rowsBox || !statusBox || !peopleBox || !announcer || !addButton || typeof WebSocket === 'undefined') {
    return;
  }
  const msg = (key: string, ...args: string[]): string => {
    let text = root.dataset[key] ?? key;
    args.forEach((a, i) => {
      text = text.replace(`{${i}}`, a);
    });
    return text;
  };

  // the form waits (read-only) until the live document arrives, or takes over if it cannot
  const formFields = Array.from(form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input:not([type=hidden]), textarea'));
  const formWaits = (waiting: boolean): void => formFields.forEach((el) => {
    el.readOnly = waiting;
  });
  form.dataset.live = 'connecting';
  formWaits(true);
  const fallBack = (): void => {
    stopped = true;
    form.dataset.live = 'failed';
    formWaits(false);
  };
  const doc = new Y.Doc();
  const items = itemsOf(doc);
  let socket: WebSocket | null = null;
  let you = '';
  let synced = false;
  let everSynced = false;
  let nextId = 1;
  const unacked = new Set<number>();
  let dirtyOffline = false;
  let status: Status = 'connecting';
  let retry = 0;
  let stopped = false;
  let people: Person[] = [];
  const lastAnnounced = new Map<string, number>();

  const show = (s: Status, detail?: string): void => {
    status = s;
    statusBox.dataset.state = s;
    statusBox.textContent = detail ?? msg(`msg${s[0].toUpperCase()}${s.slice(1)}`);
  };
  const refreshStatus = (): void => {
    if (stopped) {
      return;
    }
    if (!socket || socket.readyState !== WebSocket.OPEN || !synced) {
      show(everSynced ? 'offline' : 'connecting');
    } else if (unacked.size > 0 || dirtyOffline) {
      show('saving');
    } else {
      show('saved');
    }
  };
  const say = (text: string): void => {
    announcer.textContent = '';
    window.setTimeout(() => {
      announcer.textContent = text;
    }, 50);
  };

  const send = (message: Record<string, unknown>): void => {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({ ...message, doc: Number(meeting) }));
    }
  };
  const sendUpdate = (update: Uint8Array): void => {
    if (!socket || socket.readyState !== WebSocket.OPEN || !synced) {
      dirtyOffline = true;
      refreshStatus();
      return;
    }
    const id = nextId++;
    unacked.add(id);
    send({ type: 'update', id, update: b64(update) });
    refreshStatus();
  };

  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) {
      sendUpdate(update);
    }
  });

  // ------------------------------------------------------------ rows on the page

  const fieldLabel = (f: Field): string => msg(`label${f[0].toUpperCase()}${f.slice(1)}`);

  const render = (): void => {
    const active = document.activeElement as HTMLElement | null;
    const focusKey = active?.dataset.liveKey;
    const focusField = active?.dataset.liveField;
    const selection = active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement
      ? [active.selectionStart ?? 0, active.selectionEnd ?? 0] : null;
    rowsBox.replaceChildren();
    items.toArray().forEach((item, index) => {
      const key = String(item.get('key'));
      const box = document.createElement('fieldset');
      box.className = 'card minutes-row live-row';
      const legend = document.createElement('legend');
      legend.id = `live-${key}-legend`;
      legend.textContent = msg('msgItem', String(index + 1));
      box.append(legend);
      for (const f of FIELDS) {
        const id = `live-${key}-${f}`;
        const wrap = document.createElement('div');
        wrap.className = 'field';
        const label = document.createElement('label');
        label.htmlFor = id;
        label.id = `${id}-label`;
        label.textContent = fieldLabel(f);
        const el = f === 'theme' ? document.createElement('input') : document.createElement('textarea');
        el.id = id;
        el.dataset.liveKey = key;
        el.dataset.liveField = f;
        el.dataset.liveIndex = String(index);
        el.setAttribute('aria-labelledby', `${legend.id} ${label.id}`);
        el.maxLength = LIMITS[f];
        if (el instanceof HTMLTextAreaElement) {
          el.rows = f === 'content' ? 4 : 3;
        } else {
          el.type = 'text';
        }
        const who = document.createElement('p');
        who.className = 'live-who muted';
        who.dataset.liveWho = `items.${index}.${f}`;
        who.setAttribute('aria-hidden', 'true');
        wrap.append(label, el, who);
        box.append(wrap);
        bind(el, textOf(item, f), index, f);
      }
      rowsBox.append(box);
    });
    showPeople();
    if (focusKey && focusField) {
      const again = document.getElementById(`live-${focusKey}-${focusField}`) as HTMLTextAreaElement | null;
      if (again) {
        again.focus();
        if (selection) {
          again.setSelectionRange(selection[0], selection[1]);
        }
      }
    }
  };

  const bind = (el: HTMLInputElement | HTMLTextAreaElement, text: Y.Text, index: number, f: Field): void => {
    let shown = text.toString();
    el.value = shown;
    let composing = false;
    let compositionStart: Y.RelativePosition | null = null;
    let compositionIndex = 0;

    const push = (): void => {
      const value = el.value;
      if (value === shown) {
        return;
      }
      // the user's own edit, from what was on screen to what is there now
      let start = 0;
      while (start < shown.length && start < value.length && shown[start] === value[start]) {
        start++;
      }
      let endOld = shown.length;
      let endNew = value.length;
      while (endOld > start && endNew > start && shown[endOld - 1] === value[endNew - 1]) {
        endOld--;
        endNew--;
      }
      // where that place is in the shared text now (remote changes may have come in meanwhile)
      let at = start;
      if (compositionStart) {
        const abs = Y.createAbsolutePositionFromRelativePosition(compositionStart, doc);
        if (abs) {
          at = Math.max(0, abs.index + (start - compositionIndex));
        }
        compositionStart = null;
      }
      at = Math.min(at, text.length);
      doc.transact(() => {
        if (endOld > start) {
          text.delete(at, Math.min(endOld - start, text.length - at));
        }
        if (endNew > start) {
          text.insert(at, value.slice(start, endNew));
        }
      });
      const caret = at + (endNew - start);
      shown = text.toString();
      if (el.value !== shown) {
        el.value = shown;
        el.setSelectionRange(caret, caret);
      }
    };
    el.addEventListener('compositionstart', () => {
      composing = true;
      compositionIndex = el.selectionStart ?? 0;
      compositionStart = Y.createRelativePositionFromTypeIndex(text, Math.min(compositionIndex, text.length));
    });
    el.addEventListener('compositionend', () => {
      composing = false;
      push();
    });
    el.addEventListener('input', (e) => {
      if (!composing && !(e as InputEvent).isComposing) {
        push();
      }
    });
    el.addEventListener('focus', () => send({ type: 'focus', field: `items.${index}.${f}` }));
    el.addEventListener('blur', () => send({ type: 'focus', field: null }));
    text.observe((event, transaction) => {
      if (transaction.origin !== REMOTE) {
        return;
      }
      if (composing) {
        return; // shown again when the composition ends
      }
      const focused = document.activeElement === el;
      const s = moveCaret(el.selectionStart ?? 0, event.delta as never);
      const e2 = moveCaret(el.selectionEnd ?? 0, event.delta as never);
      shown = text.toString();
      el.value = shown;
      if (focused) {
        el.setSelectionRange(s, e2);
      }
      const tag = `${index}.${f}`;
      const now = Date.now();
      if (now - (lastAnnounced.get(tag) ?? 0) > 10000) {
        lastAnnounced.set(tag, now);
        say(msg('msgChanged', String(index + 1), fieldLabel(f)));
      }
    });
  };

  const showPeople = (): void => {
    const others = people.filter((p) => p.id !== you && !p.mine);
    peopleBox.textContent = others.length === 0 ? msg('msgAlone') : msg('msgWith', others.map((p) => p.name).join('、'));
    rowsBox.querySelectorAll<HTMLElement>('[data-live-who]').forEach((w) => {
      const here = others.filter((p) => p.field === w.dataset.liveWho).map((p) => p.name);
      w.textContent = here.length === 0 ? '' : msg('msgTyping', here.join('、'));
    });
  };

  items.observe((_event, transaction) => {
    render();
    if (transaction.origin === REMOTE && everSynced) {
      say(msg('msgRowsChanged'));
    }
  });

  addButton.addEventListener('click', () => {
    if (items.length >= LIMITS.items) {
      return;
    }
    const key = `c${doc.clientID.toString(36)}-${Date.now().toString(36)}`;
    items.push([newItem(key, null)]);
    document.getElementById(`live-${key}-theme`)?.focus();
  });

  rowsBox.addEventListener('keydown', (e) => {
    const el = e.target as HTMLElement;
    if (!e.altKey || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') || !el.dataset.liveField) {
      return;
    }
    const all = Array.from(rowsBox.querySelectorAll<HTMLElement>(`[data-live-field="${el.dataset.liveField}"]`));
    const at = all.indexOf(el) + (e.key === 'ArrowDown' ? 1 : -1);
    if (at >= 0 && at < all.length) {
      e.preventDefault();
      all[at].focus();
    }
  });

  // ------------------------------------------------------------ the connection

  const connect = (): void => {
    if (stopped) {
      return;
    }
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${scheme}//${location.host}/live/minutes/${meeting}`);
    socket = ws;
    synced = false;
    ws.onmessage = (event) => {
      let m: Record<string, unknown>;
      try {
        m = JSON.parse(String(event.data));
      } catch {
        return;
      }
      switch (m.type) {
        case 'welcome': {
          you = String(m.you);
          send({ type: 'hello', sv: b64(Y.encodeStateVector(doc)) });
          // what this page wrote while the server did not have it
          const mine = Y.encodeStateAsUpdate(doc, unb64(String(m.sv)));
          if (everSynced && status === 'offline') {
            say(msg('msgBack'));
          }
          synced = true;
          retry = 0;
          if (everSynced && (dirtyOffline || mine.length > 2)) {
            dirtyOffline = false;
            sendUpdate(mine);
          }
          break;
        }
        case 'sync':
        case 'update':
        case 'updates': {
          const updates = m.type === 'updates' ? (m.updates as string[]) : [String(m.update)];
          doc.transact(() => updates.forEach((u) => Y.applyUpdate(doc, unb64(u), REMOTE)), REMOTE);
          if (!everSynced) {
            everSynced = true;
            form.dataset.live = 'on';
            form.hidden = true;
            root.querySelector<HTMLElement>('[data-live-editor]')?.removeAttribute('hidden');
            render();
          }
          break;
        }
        case 'ack':
          unacked.delete(Number(m.id));
          break;
        case 'presence': {
          const before = new Set(people.map((p) => p.id));
          people = (m.people as Person[]) ?? [];
          const joined = people.filter((p) => !before.has(p.id) && p.id !== you && !p.mine);
          const now = new Set(people.map((p) => p.id));
          const left = Array.from(before).filter((id) => !now.has(id));
          if (everSynced && joined.length > 0) {
            say(msg('msgJoined', joined.map((p) => p.name).join('、')));
          } else if (everSynced && left.length > 0) {
            say(msg('msgLeft'));
          }
          showPeople();
          break;
        }
        default:
      }
      refreshStatus();
    };
    ws.onclose = (event) => {
      if (socket !== ws) {
        return;
      }
      socket = null;
      synced = false;
      // whatever was sent and not acknowledged is sent again from the document after reconnecting
      if (unacked.size > 0) {
        dirtyOffline = true;
        unacked.clear();
      }
      if (event.code >= 4400 && event.code < 4500) {
        stopped = true;
        rowsBox.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea').forEach((el) => {
          el.readOnly = true;
        });
        addButton.disabled = true;
        show('closed', event.reason === 'too-many' ? msg('msgTooMany') : msg('msgClosed'));
        people = [];
        showPeople();
        peopleBox.textContent = '';
        statusBox.setAttribute('role', 'alert');
        if (!everSynced) {
          fallBack();
        }
        return;
      }
      if (everSynced && status !== 'offline') {
        say(msg('msgOffline'));
      }
      if (!everSynced && retry >= 2) {
        // the socket cannot be opened here at all: the form and its autosave take over
        fallBack();
      }
      refreshStatus();
      const wait = Math.min(8000, 500 * 2 ** retry);
      retry++;
      window.setTimeout(connect, wait);
    };
  };
  window.addEventListener('offline', () => {
    if (socket && !stopped) {
      socket.close();
    }
  });
  window.addEventListener('online', () => {
    if (!stopped && (!socket || socket.readyState !== WebSocket.OPEN)) {
      retry = 0;
      if (socket) {
        const old = socket;
        socket = null;
        old.close();
      }
      connect();
    }
  });
  window.addEventListener('beforeunload', (e) => {
    if (unacked.size > 0 || dirtyOffline) {
      e.preventDefault();
    }
  });
  show('connecting');
  connect();
}

// for tests
export { replaceText };
