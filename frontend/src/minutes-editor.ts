// Minutes editor island: saves the draft a few seconds after typing stops, through the same
// PUT /api/meetings/{id}/minutes (and version check) as everything else. If someone else saved in
// between, the server answers 409: autosave stops, the text on screen is left exactly as typed,
// and the save button leads to the conflict view that shows the stored version beside it.
import { format } from './messages';

export interface MinutesItem {
  agendaItemPosition: number | null;
  theme: string;
  content: string | null;
  results: string | null;
}

export interface RowFields {
  agenda: string;
  theme: string;
  content: string;
  results: string;
}

export type Collected = { ok: true; items: MinutesItem[] } | { ok: false };

/** Rows as the server's form handler reads them: rows with nothing written left out; text without a theme blocks saving. */
export function collectItems(rows: RowFields[]): Collected {
  const items: MinutesItem[] = [];
  for (const r of rows) {
    // a theme alone (pre-filled from the agenda) with nothing written under it is left out, as the server's form does
    if (r.content.trim() === '' && r.results.trim() === '') {
      continue;
    }
    if (r.theme.trim() === '') {
      return { ok: false };
    }
    const position = Number.parseInt(r.agenda, 10);
    items.push({
      agendaItemPosition: Number.isFinite(position) ? position : null,
      theme: r.theme,
      content: r.content === '' ? null : r.content,
      results: r.results === '' ? null : r.results,
    });
  }
  return { ok: true, items };
}

/** HH:MM in Tokyo time, for "saved at" messages. */
export function tokyoTime(date: Date): string {
  return new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}

const DELAY_MS = 2500;

export function mountMinutesEditor(form: HTMLFormElement): void {
  const meeting = form.dataset.meeting;
  const versionField = form.querySelector<HTMLInputElement>('input[name="version"]');
  const status = form.querySelector<HTMLElement>('[data-autosave-status]');
  if (!meeting || !versionField || !status) {
    return;
  }
  const msg = (key: string, fallback: string): string => form.dataset[key] ?? fallback;
  let timer: number | undefined;
  let inFlight: Promise<void> | null = null;
  let stopped = false;
  let dirty = false;

  const rowFields = (): RowFields[] =>
    Array.from(form.querySelectorAll<HTMLElement>('.minutes-row')).map((row) => ({
      agenda: row.querySelector<HTMLInputElement>('[name^="agenda"]')?.value ?? '',
      theme: row.querySelector<HTMLInputElement>('[name^="theme"]')?.value ?? '',
      content: row.querySelector<HTMLTextAreaElement>('[name^="content"]')?.value ?? '',
      results: row.querySelector<HTMLTextAreaElement>('[name^="results"]')?.value ?? '',
    }));

  const show = (text: string, alert = false): void => {
    status.textContent = text;
    status.classList.toggle('alert', alert);
  };

  // while the live editor (live-minutes) holds the minutes, this form and its autosave stand aside
  const live = (): boolean => form.dataset.live !== undefined && form.dataset.live !== 'failed';

  const save = async (): Promise<void> => {
    if (stopped || !dirty || live()) {
      return;
    }
    const collected = collectItems(rowFields());
    if (!collected.ok) {
      show(msg('msgNeedsTheme', ''));
      return;
    }
    dirty = false;
    show(msg('msgSaving', '…'));
    try {
      const response = await fetch(`/api/meetings/${encodeURIComponent(meeting)}/minutes`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ version: Number.parseInt(versionField.value, 10), items: collected.items }),
      });
      if (response.ok) {
        const saved = (await response.json()) as { version: number };
        versionField.value = String(saved.version);
        show(format(msg('msgSaved', '{0}'), tokyoTime(new Date())));
        return;
      }
      dirty = true;
      if (response.status === 409) {
        stopped = true;
        show(msg('msgConflict', ''), true);
        return;
      }
      const problem = (await response.json().catch(() => ({}))) as { detail?: string; title?: string };
      show(format(msg('msgFailed', '{0}'), problem.detail ?? problem.title ?? String(response.status)), true);
    } catch {
      dirty = true;
      show(msg('msgOffline', ''), true);
    }
  };

  const schedule = (): void => {
    if (live()) {
      return;
    }
    dirty = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      inFlight = save().finally(() => {
        inFlight = null;
      });
    }, DELAY_MS);
  };

  form.addEventListener('input', schedule);
  form.addEventListener('submit', (event) => {
    window.clearTimeout(timer);
    if (inFlight) {
      // let the running autosave land first, so the form carries the version it produced
      event.preventDefault();
      void inFlight.then(() => form.submit());
    }
    dirty = false;
  });
  window.addEventListener('beforeunload', (event) => {
    if (dirty) {
      event.preventDefault();
    }
  });
}
