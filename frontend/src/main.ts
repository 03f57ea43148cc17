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
import { mountSurveyConditions } from './survey-conditions';

const islands: Record<string, (el: HTMLElement) => void> = {
  // Yjs is loaded only on the page that writes minutes live
  'live-minutes': (el) => {
    const form = el.querySelector<HTMLFormElement>('form[data-island="minutes-editor"]');
    if (form && typeof WebSocket !== 'undefined') {
      form.dataset.live = 'connecting'; // before the form's autosave sees a keystroke
    }
    void import('./live-minutes').then((m) => m.mountLiveMinutes(el));
  },
  // the board page's run and entries, live (idiomorph is loaded only there)
  'live-board': (el) => {
    if (typeof WebSocket !== 'undefined') {
      el.dataset.live = 'on'; // its timer is its own
      void import('./live-board').then((m) => m.mountLiveBoard(el));
    }
  },
  'directory-filter': mountDirectoryFilter,
  'availability-grid': mountAvailabilityGrid,
  'agenda-editor': mountAgendaEditor,
  'minutes-editor': (el) => mountMinutesEditor(el as HTMLFormElement),
  'print-button': mountPrintButton,
  'site-menu': (el) => mountSiteMenu(el),
  'survey-conditions': mountSurveyConditions,
  'phase-timer': (el) => {
    if (el.closest('[data-island="live-board"][data-live="on"]') === null) {
      mountPhaseTimer(el);
    }
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
