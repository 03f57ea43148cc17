// Print button island: the button is hidden until JavaScript can print; the print stylesheet
// (style.css, @media print) lays the page out on A4.
export function mountPrintButton(button: HTMLElement): void {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
