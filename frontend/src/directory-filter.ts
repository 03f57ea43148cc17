// Directory filter island: refreshes the result list as the filters change. The rows come from the
// server (/directory/results, the page's own template block and access policy), not built here.

export interface AreaView {
  id: number;
  name: string;
}

/** Builds the query string from the filter values, leaving out empty ones. */
export function buildQuery(values: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    const v = (value ?? '').trim();
    if (v !== '') {
      params.set(key, v);
    }
  }
  return params.toString();
}

/** An option whose label is text, never markup. */
function option(label: string, value: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

export function mountDirectoryFilter(form: HTMLElement): void {
  const results = document.getElementById('directory-results');
  const q = form.querySelector<HTMLInputElement>('#q');
  const prefecture = form.querySelector<HTMLSelectElement>('#prefecture');
  const type = form.querySelector<HTMLSelectElement>('#type');
  const area = form.querySelector<HTMLSelectElement>('#area');
  if (!results || !q || !prefecture || !type || !area) {
    return;
  }
  const any = form.dataset.msgAny ?? '';
  let timer: number | undefined;
  let seq = 0;

  const refresh = async (): Promise<void> => {
    const mine = ++seq;
    const query = buildQuery({ q: q.value, prefecture: prefecture.value, type: type.value, area: area.value });
    // the server renders the rows with the page's own template (and escaping), under the same policy
    const response = await fetch(`/directory/results${query ? `?${query}` : ''}`, { headers: { Accept: 'text/html' } });
    if (!response.ok || mine !== seq) {
      return;
    }
    const html = await response.text();
    if (mine !== seq) {
      return;
    }
    results.innerHTML = html;
    history.replaceState(null, '', query ? `/directory?${query}` : '/directory');
  };

  const loadAreas = async (): Promise<void> => {
    area.replaceChildren(option(any, ''));
    if (!prefecture.value) {
      area.disabled = true;
      return;
    }
    const response = await fetch(`/api/areas?prefecture=${encodeURIComponent(prefecture.value)}`);
    if (!response.ok) {
      return;
    }
    const areas = (await response.json()) as AreaView[];
    area.append(...areas.map((a) => option(a.name, String(a.id))));
    area.disabled = areas.length === 0;
  };

  q.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void refresh(), 250);
  });
  type.addEventListener('change', () => void refresh());
  area.addEventListener('change', () => void refresh());
  prefecture.addEventListener('change', () => {
    void loadAreas().then(refresh);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void refresh();
  });
}
