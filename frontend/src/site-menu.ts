// On a phone the site navigation folds behind one "menu" button (a disclosure: aria-expanded,
// aria-controls), so content starts in the first screen. Without JavaScript, or on a wider
// window, the navigation shows as it is. Escape closes the open menu and returns to the button.
export const PHONE = '(max-width: 40rem)';

export function mountSiteMenu(button: HTMLElement, media: Pick<MediaQueryList, 'matches' | 'addEventListener'> = window.matchMedia(PHONE)): void {
  const menu = document.getElementById(button.getAttribute('aria-controls') ?? '');
  if (!menu) {
    return;
  }
  const set = (open: boolean): void => {
    button.setAttribute('aria-expanded', String(open));
    menu.classList.toggle('collapsed', !open);
  };
  const fit = (): void => {
    if (media.matches) {
      button.hidden = false;
      menu.classList.add('foldable');
      set(false);
    } else {
      button.hidden = true;
      button.setAttribute('aria-expanded', 'true');
      menu.classList.remove('collapsed', 'foldable');
    }
  };
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  menu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && media.matches && button.getAttribute('aria-expanded') === 'true') {
      set(false);
      button.focus();
    }
  });
  media.addEventListener('change', fit);
  fit();
}
