// Mounts each island on the elements that ask for it (data-island="name"). Pages work without
// JavaScript; islands only make them quicker to use.
import './style.css';
import { mountDirectoryFilter } from './directory-filter';

const islands: Record<string, (el: HTMLElement) => void> = {
  'directory-filter': mountDirectoryFilter,
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
