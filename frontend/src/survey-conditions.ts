// Survey form island: a question asked only after a certain answer (data-shown-if="code",
// data-shown-if-options="a b") is hidden until that answer is chosen. Without JavaScript every
// question shows, each conditional one saying when to answer it; the server drops what a hidden
// question holds either way, so hiding never loses or sends anything it should not.
export function mountSurveyConditions(form: HTMLElement): void {
  const items = Array.from(form.querySelectorAll<HTMLElement>('[data-shown-if]'));
  if (items.length === 0) {
    return;
  }
  const update = (): void => {
    for (const item of items) {
      const on = item.dataset.shownIf ?? '';
      const wanted = (item.dataset.shownIfOptions ?? '').split(' ').filter((x) => x !== '');
      const chosen = Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="answers.${on}"]`))
        .filter((i) => i.checked)
        .map((i) => i.value);
      const parent = form.querySelector<HTMLElement>(`#item-${on}`);
      const shown = (parent === null || !parent.hidden) && wanted.some((w) => chosen.includes(w));
      item.hidden = !shown;
      // a hidden question's controls are neither checked by the browser nor sent
      item.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea').forEach((c) => {
        c.disabled = !shown;
      });
    }
  };
  form.addEventListener('change', update);
  update();
}
