// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mountSurveyConditions } from './survey-conditions';

function form(): HTMLFormElement {
  document.body.innerHTML = `
    <form>
      <div id="item-record"><fieldset>
        <label><input type="radio" name="answers.record" value="yes"> yes</label>
        <label><input type="radio" name="answers.record" value="no"> no</label>
      </fieldset></div>
      <div id="item-placements" data-shown-if="record" data-shown-if-options="yes">
        <input name="answers.placements.fy2020.b" type="number">
      </div>
      <div id="item-detail" data-shown-if="placements" data-shown-if-options="x"></div>
    </form>`;
  return document.querySelector('form') as HTMLFormElement;
}

describe('survey conditions', () => {
  it('hides a question until its condition is chosen, and again when the choice changes', () => {
    const f = form();
    mountSurveyConditions(f);
    const placements = document.getElementById('item-placements') as HTMLElement;
    expect(placements.hidden).toBe(true);
    expect(f.querySelector<HTMLInputElement>('input[name="answers.placements.fy2020.b"]')!.disabled).toBe(true);
    const yes = f.querySelector<HTMLInputElement>('input[value="yes"]')!;
    yes.checked = true;
    f.dispatchEvent(new Event('change'));
    expect(placements.hidden).toBe(false);
    expect(f.querySelector<HTMLInputElement>('input[name="answers.placements.fy2020.b"]')!.disabled).toBe(false);
    const no = f.querySelector<HTMLInputElement>('input[value="no"]')!;
    no.checked = true;
    f.dispatchEvent(new Event('change'));
    expect(placements.hidden).toBe(true);
  });

  it('shows a question whose answer was given before the page loaded', () => {
    const f = form();
    f.querySelector<HTMLInputElement>('input[value="yes"]')!.checked = true;
    mountSurveyConditions(f);
    expect((document.getElementById('item-placements') as HTMLElement).hidden).toBe(false);
  });
});
