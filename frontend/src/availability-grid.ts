// Availability grid island: fast ○/△/× entry on the scheduling poll. The page already works with
// plain radio buttons (arrow keys move within one slot); the island adds one-key entry — O/1, T/2,
// X/3 choose ○/△/× for the slot in focus and move to the next slot — and a live count of the
// slots still unanswered, so nobody submits half a grid.
import { formatNamed } from './messages';

export type Choice = 'YES' | 'MAYBE' | 'NO';

/** The choice a key stands for, or null. Works with IME-free keys and the full-width marks. */
export function choiceForKey(key: string): Choice | null {
  switch (key.toLowerCase()) {
    case 'o':
    case 'y':
    case '1':
    case '○':
      return 'YES';
    case 't':
    case 'm':
    case '2':
    case '△':
      return 'MAYBE';
    case 'x':
    case 'n':
    case '3':
    case '×':
      return 'NO';
    default:
      return null;
  }
}

/** "あと {n} 件" style text for the number of unanswered slots, or the done text. */
export function progressText(unanswered: number, remaining: string, done: string): string {
  return unanswered === 0 ? done : formatNamed(remaining, { n: unanswered });
}

export function mountAvailabilityGrid(form: HTMLElement): void {
  const groups = Array.from(form.querySelectorAll<HTMLFieldSetElement>('fieldset.choices'));
  if (groups.length === 0) {
    return;
  }
  const status = document.createElement('p');
  status.className = 'muted';
  status.setAttribute('role', 'status');
  const hint = document.createElement('p');
  hint.className = 'hint';
  hint.textContent = form.dataset.msgKeys ?? '';
  const table = form.querySelector('.table-wrap');
  table?.before(hint);
  table?.after(status);

  const update = (): void => {
    const unanswered = groups.filter((g) => !g.querySelector('input:checked')).length;
    status.textContent = progressText(unanswered, form.dataset.msgRemaining ?? '{n}', form.dataset.msgDone ?? '');
  };

  groups.forEach((group, index) => {
    group.addEventListener('keydown', (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey) {
        return;
      }
      const choice = choiceForKey(event.key);
      if (!choice) {
        return;
      }
      const radio = group.querySelector<HTMLInputElement>(`input[value="${choice}"]`);
      if (!radio) {
        return;
      }
      event.preventDefault();
      radio.checked = true;
      radio.dispatchEvent(new Event('change', { bubbles: true }));
      const next = groups[index + 1];
      const target = next?.querySelector<HTMLInputElement>('input:checked') ?? next?.querySelector<HTMLInputElement>('input');
      (target ?? radio).focus();
    });
  });
  form.addEventListener('change', update);
  update();
}
