// Directory filter island: refreshes the result list as the filters change, using the same
// /api/organizations endpoint (and access policy) as everything else.

export interface OrgSummary {
  id: number;
  name: string;
  type: string;
  prefecture: string | null;
  areas: string[];
}

export interface OrgPage {
  items: OrgSummary[];
  total: number;
  page: number;
  size: number;
}

export interface AreaView {
  id: number;
  name: string;
}

export interface Labels {
  results: string; // contains {n}
  none: string;
  any: string;
  next: string;
  types: Record<string, string>;
  columns: { name: string; type: string; prefecture: string; area: string };
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

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The count line: "12 件" / "12 results", or the no-result message. */
export function countText(total: number, labels: Labels): string {
  return total === 0 ? labels.none : labels.results.replace('{n}', String(total));
}

/** Renders the result table (same markup as the server-rendered page). */
export function renderRows(page: OrgPage, labels: Labels): string {
  if (page.total === 0) {
    return '';
  }
  const c = labels.columns;
  const rows = page.items
    .map(
      (o) =>
        `<tr><td data-label="${escapeHtml(c.name)}"><a href="/directory/${o.id}">${escapeHtml(o.name)}</a></td>` +
        `<td data-label="${escapeHtml(c.type)}">${escapeHtml(labels.types[o.type] ?? o.type)}</td>` +
        `<td data-label="${escapeHtml(c.prefecture)}">${escapeHtml(o.prefecture ?? '')}</td>` +
        `<td data-label="${escapeHtml(c.area)}">${escapeHtml(o.areas.join('、'))}</td></tr>`,
    )
    .join('');
  return (
    `<div class="table-wrap"><table class="list"><thead><tr>` +
    `<th scope="col">${escapeHtml(c.name)}</th><th scope="col">${escapeHtml(c.type)}</th>` +
    `<th scope="col">${escapeHtml(c.prefecture)}</th><th scope="col">${escapeHtml(c.area)}</th>` +
    `</tr></thead><tbody>${rows}</tbody></table></div>`
  );
}

function labelsFrom(form: HTMLElement): Labels {
  const types: Record<string, string> = {};
  form.querySelectorAll<HTMLOptionElement>('#type option').forEach((o) => {
    if (o.value) {
      types[o.value] = o.textContent ?? o.value;
    }
  });
  const heads = Array.from(document.querySelectorAll<HTMLElement>('#directory-results thead th')).map(
    (th) => th.textContent ?? '',
  );
  return {
    results: form.dataset.msgResults ?? '{n}',
    none: form.dataset.msgNone ?? '',
    any: form.dataset.msgAny ?? '',
    next: form.dataset.msgNext ?? '',
    types,
    columns: { name: heads[0] ?? '', type: heads[1] ?? '', prefecture: heads[2] ?? '', area: heads[3] ?? '' },
  };
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
  const labels = labelsFrom(form);
  let timer: number | undefined;
  let seq = 0;

  const refresh = async (): Promise<void> => {
    const mine = ++seq;
    const query = buildQuery({ q: q.value, prefecture: prefecture.value, type: type.value, area: area.value });
    const response = await fetch(`/api/organizations?${query}`, { headers: { Accept: 'application/json' } });
    if (!response.ok || mine !== seq) {
      return;
    }
    const page = (await response.json()) as OrgPage;
    const pager =
      page.total > page.size
        ? `<nav class="pager" aria-label="${escapeHtml(labels.next)}"><a href="/directory?${query}${query ? '&' : ''}page=2" rel="next">${escapeHtml(labels.next)}</a></nav>`
        : '';
    results.innerHTML =
      `<p class="result-count" role="status" aria-live="polite">${escapeHtml(countText(page.total, labels))}</p>` +
      renderRows(page, labels) + pager;
    history.replaceState(null, '', query ? `/directory?${query}` : '/directory');
  };

  const loadAreas = async (): Promise<void> => {
    area.innerHTML = `<option value="">${escapeHtml(labels.any)}</option>`;
    if (!prefecture.value) {
      area.disabled = true;
      return;
    }
    const response = await fetch(`/api/areas?prefecture=${encodeURIComponent(prefecture.value)}`);
    if (!response.ok) {
      return;
    }
    const areas = (await response.json()) as AreaView[];
    area.insertAdjacentHTML(
      'beforeend',
      areas.map((a) => `<option value="${a.id}">${escapeHtml(a.name)}</option>`).join(''),
    );
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
