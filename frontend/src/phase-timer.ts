// Phase timer island: counts down the current phase of a case conference from the server's end
// time, shows overtime, and announces one minute left and time up through a polite live region
// (once each, not every second). The server-rendered text stays correct without JavaScript.
export function formatRemaining(ms: number, left: string, over: string): string {
  const overtime = ms < 0;
  const total = Math.floor(Math.abs(ms) / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  const clock = `${m}:${s.toString().padStart(2, '0')}`;
  return overtime ? `${over} ${clock}` : `${left} ${clock}`;
}

/** Which announcement is due at {@code ms} left, given what was already said (each is said once). */
export function dueAnnouncement(ms: number, saidOne: boolean, saidEnd: boolean): 'one' | 'end' | null {
  if (!saidEnd && ms <= 0) {
    return 'end';
  }
  if (!saidOne && ms <= 60_000 && ms > 0) {
    return 'one';
  }
  return null;
}

export function mountPhaseTimer(el: HTMLElement, now: () => number = Date.now): () => void {
  const endsAt = Date.parse(el.dataset.endsAt ?? '');
  const clock = el.querySelector<HTMLElement>('.timer-clock');
  const announce = el.querySelector<HTMLElement>('[data-announce]');
  if (Number.isNaN(endsAt) || !clock) {
    return () => undefined;
  }
  let saidOne = false;
  let saidEnd = false;
  const tick = (): void => {
    const ms = endsAt - now();
    clock.textContent = formatRemaining(ms, el.dataset.labelLeft ?? '', el.dataset.labelOver ?? '');
    el.classList.toggle('overtime', ms < 0);
    const due = dueAnnouncement(ms, saidOne, saidEnd);
    if (announce && due === 'one') {
      saidOne = true;
      announce.textContent = el.dataset.labelOne ?? '';
    } else if (announce && due === 'end') {
      saidEnd = true;
      saidOne = true;
      announce.textContent = el.dataset.labelEnd ?? '';
    }
  };
  tick();
  const timer = window.setInterval(tick, 1000);
  return () => window.clearInterval(timer);
}
