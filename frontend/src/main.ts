// Mounts each island on the elements that ask for it (data-island="name"). Pages work without
// JavaScript; islands only make them quicker to use.
import './style.css';
import { mountDirectoryFilter } from './directory-filter';
import { mountAvailabilityGrid } from './availability-grid';
import { mountAgendaEditor } from './agenda-editor';
import { mountMinutesEditor } from './minutes-editor';
import { mountPrintButton } from './print-button';
import { mountPhaseTimer } from './phase-timer';
import { mountSiteMenu } from './site-menu';

const islands: Record<string, (el: HTMLElement) => void> = {
  'directory-filter': mountDirectoryFilter,
  'availability-grid': mountAvailabilityGrid,
  'agenda-editor': mountAgendaEditor,
  'minutes-editor': (el) => mountMinutesEditor(el as HTMLFormElement),
  'print-button': mountPrintButton,
  'site-menu': (el) => mountSiteMenu(el),
  'phase-timer': (el) => {
    mountPhaseTimer(el);
  },
};

function mountAll(): void {
  document.querySelectorAll<HTMLElement>('[data-island]').forEach((el) => {
    const mount = islands[el.dataset.island ?? ''];
    if (mount) {
      mount(el);
    }
  });
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', mountAll);
} else {
  mountAll();
}
