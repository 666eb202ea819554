/**
 * Fields that rewrite what is typed (a phone number formatted, a code kept to its digits) must leave an input
 * method (Japanese, Chinese, full-width digits) alone while it composes: rewriting the field then would break the
 * composition. What it commits arrives at `compositionend` (Chromium), and again with the `input` event that
 * follows (Firefox): the second finds nothing new and is skipped.
 */

export interface InputMethodGuard {
  /** The field's `input` listener (an `InputEvent`, which the DOM's types call an `Event`). */
  input(event: Event): void;
  /** The field's `compositionend` listener. */
  compositionend(event: CompositionEvent): void;
}

/**
 * Listeners that call `edited` once for each change the person makes to a field, never during a composition.
 * `current` is what the element last read from the field (after its rewrite): a value equal to it is not new.
 */
export function inputMethodGuard(
  current: () => string,
  edited: (input: HTMLInputElement, inputType: string) => void,
): InputMethodGuard {
  const read = (input: HTMLInputElement, inputType: string) => {
    if (input.value !== current()) edited(input, inputType);
  };
  return {
    input: (event) => {
      const { isComposing, inputType, target } = event as InputEvent;
      if (!isComposing) read(target as HTMLInputElement, inputType);
    },
    compositionend: (event) => read(event.target as HTMLInputElement, 'insertCompositionText'),
  };
}

/**
 * A listener on a control's `<form>` that keeps its inner fields' `input` events in its shadow root: they are
 * composed, so they would reach the host beside the control's own `input` (fired once per edit of its value, after
 * the rewrite), and typing in a search box inside it would look like an edit of the value.
 */
export const keepInputInside = (event: Event): void => event.stopPropagation();

/** A control's own `input` event, once per edit of its value: it bubbles and crosses shadow roots, as a native one. */
export const fireInput = (control: HTMLElement): boolean =>
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
