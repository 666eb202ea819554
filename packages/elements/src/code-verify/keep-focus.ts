/** Where focus goes in `<code-verify>` after an update that began with focus inside it. */
import type { Step as StepApi } from '../shared/step.js';

type Step = Element & Pick<StepApi, 'focusHeading'>;

/** Whether focus left `step`, or sits on a control that was just disabled (the browser moves it later). */
function lostFocus(step: Step): boolean {
  if (!step.matches(':focus-within')) return true;
  const active = step.shadowRoot?.activeElement;
  return (active instanceof HTMLInputElement || active instanceof HTMLButtonElement) && active.disabled;
}

/**
 * Keeps the person in the step: a wrong code (`wrongCode`, just reported) is selected in `input`, and focus that
 * was lost to a control just disabled (a lock) goes back to the field, or to the heading when the field is disabled.
 */
export function keepFocus(step: Step, input: HTMLInputElement | null, wrongCode: boolean): void {
  if (wrongCode && input && !input.disabled) {
    // A wrong code is usually retyped whole: select it, so typing replaces it.
    input.focus();
    input.select();
  } else if (lostFocus(step)) {
    // What had focus became disabled: keep the person in the step rather than on the page.
    if (input && !input.disabled) input.focus();
    else step.focusHeading();
  }
}
