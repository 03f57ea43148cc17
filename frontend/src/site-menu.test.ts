// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { mountSiteMenu } from './site-menu';

function media(matches: boolean) {
  const listeners: Array<() => void> = [];
  return {
    matches,
    addEventListener: (_: string, l: () => void) => listeners.push(l),
    change(to: boolean) {
      this.matches = to;
      listeners.forEach((l) => l());
    },
  };
}

describe('site menu', () => {
  beforeEach(() => {
    document.body.innerHTML = `<button type="button" aria-controls="m" aria-expanded="false" hidden>メニュー</button>
      <div id="m"><nav><a href="/">ホーム</a></nav></div>`;
  });

  it('folds the navigation on a phone and opens it with the button', () => {
    const button = document.querySelector('button')!;
    const menu = document.getElementById('m')!;
    mountSiteMenu(button, media(true) as unknown as MediaQueryList);
    expect(button.hidden).toBe(false);
    expect(menu.classList.contains('collapsed')).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.click();
    expect(menu.classList.contains('collapsed')).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('true');
  });

  it('closes with Escape and gives the focus back to the button', () => {
    const button = document.querySelector('button')!;
    const menu = document.getElementById('m')!;
    mountSiteMenu(button, media(true) as unknown as MediaQueryList);
    button.click();
    menu.querySelector('a')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(menu.classList.contains('collapsed')).toBe(true);
    expect(document.activeElement).toBe(button);
  });

  it('leaves a wide window as it is, and unfolds when the window grows', () => {
    const button = document.querySelector('button')!;
    const menu = document.getElementById('m')!;
    const m = media(true);
    mountSiteMenu(button, m as unknown as MediaQueryList);
    m.change(false);
    expect(button.hidden).toBe(true);
    expect(menu.classList.contains('collapsed')).toBe(false);
  });
});
