// Agenda editor island: live total of the item lengths against the meeting length, and moving
// items up and down. The server reads rows by their field-name index (type0, title0, minutes0 …),
// so after a move the names are renumbered in the new order; ids stay as they are, so every label
// still points at its own field.
import { format } from './messages';

export interface RowValues {
  title: string;
  minutes: string;
  removed: boolean;
}

/** Sum of the minutes of the rows that will be kept (titled, not marked for removal). */
export function totalMinutes(rows: RowValues[]): number {
  return rows
    .filter((r) => !r.removed && r.title.trim() !== '')
    .reduce((sum, r) => {
      const n = Number.parseInt(r.minutes.trim(), 10);
      return Number.isFinite(n) && n > 0 ? sum + n : sum;
    }, 0);
}

export { format };

/** "title3" → "title1": replaces the trailing row index of a field name. */
export function renumber(name: string, index: number): string {
  return name.replace(/\d+$/, String(index));
}

export function mountAgendaEditor(form: HTMLElement): void {
  const list = form.querySelector<HTMLOListElement>('ol.agenda-rows');
  const totalEl = form.querySelector<HTMLElement>('[data-total]');
  if (!list || !totalEl) {
    return;
  }
  const length = Number.parseInt(form.dataset.length ?? '0', 10) || 0;
  const msgTotal = form.dataset.msgTotal ?? '{0} / {1}';
  const msgOver = form.dataset.msgOver ?? '';
  const msgItem = form.dataset.msgItem ?? '{0}';
  const msgUp = form.dataset.msgUp ?? '↑';
  const msgDown = form.dataset.msgDown ?? '↓';
  const msgMoved = form.dataset.msgMoved ?? '{0}';
  const announcer = document.createElement('p');
  announcer.className = 'visually-hidden';
  announcer.setAttribute('aria-live', 'polite');
  form.append(announcer);

  const rows = (): HTMLLIElement[] => Array.from(list.querySelectorAll<HTMLLIElement>(':scope > li.agenda-row'));

  const values = (row: HTMLElement): RowValues => ({
    title: row.querySelector<HTMLInputElement>('input[name^="title"]')?.value ?? '',
    minutes: row.querySelector<HTMLInputElement>('[data-minutes]')?.value ?? '',
    removed: row.querySelector<HTMLInputElement>('input[name^="remove"]')?.checked ?? false,
  });

  const refresh = (): void => {
    const total = totalMinutes(rows().map(values));
    const over = length > 0 && total > length;
    totalEl.textContent = format(msgTotal, total, length) + (over ? ` — ${format(msgOver, total, length)}` : '');
    totalEl.classList.toggle('over', over);
    rows().forEach((row, i) => {
      const name = values(row).title.trim() || format(msgItem, i + 1);
      row.querySelectorAll<HTMLButtonElement>('.row-tools button').forEach((b) => {
        b.setAttribute('aria-label', `${b.textContent ?? ''}: ${name}`);
      });
    });
  };

  const renumberAll = (): void => {
    rows().forEach((row, i) => {
      row.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[name]').forEach((field) => {
        field.name = renumber(field.name, i);
      });
      const legend = row.querySelector<HTMLElement>('legend[data-numbered]');
      if (legend) {
        legend.textContent = format(msgItem, i + 1);
      }
    });
  };

  const move = (row: HTMLLIElement, delta: number, button: HTMLButtonElement): void => {
    const all = rows();
    const at = all.indexOf(row);
    const to = at + delta;
    if (to < 0 || to >= all.length) {
      return;
    }
    if (delta < 0) {
      all[to].before(row);
    } else {
      all[to].after(row);
    }
    renumberAll();
    refresh();
    button.focus();
    announcer.textContent = format(msgMoved, to + 1);
  };

  rows().forEach((row) => {
    const tools = document.createElement('div');
    tools.className = 'row-tools';
    for (const [label, delta] of [
      [msgUp, -1],
      [msgDown, 1],
    ] as const) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link-button';
      button.textContent = label;
      button.addEventListener('click', () => move(row, delta, button));
      tools.append(button);
    }
    row.prepend(tools);
  });
  form.addEventListener('input', refresh);
  form.addEventListener('change', refresh);
  refresh();
}
