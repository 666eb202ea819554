/** What the play functions share: waiting as a person waits, finding inside an element, typing, entering a code. */
import type { MemoryAdapter } from '@security-info/core';

/** Play functions wait for what a person would wait for: `find` polled until it finds something, or the story fails. */
export async function until<T>(find: () => T | null | undefined, timeout = 4000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - start > timeout) throw new Error('The story did not reach the expected state');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The element `selector` finds in `host`'s shadow root, if any. */
export const inShadow = <T extends Element>(host: Element | null | undefined, selector: string) =>
  host?.shadowRoot?.querySelector<T>(selector) ?? null;

/** Puts `text` in the field as typing does, with the input event the elements listen for. */
export function type(input: HTMLInputElement, text: string) {
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
}

/** Enters the code `adapter` issued last into the wizard's code step and presses Verify. */
export async function enterIssuedCode(wizard: Element, adapter: MemoryAdapter): Promise<void> {
  const verify = await until(() => inShadow(wizard, 'code-verify'));
  const input = await until(() => inShadow<HTMLInputElement>(verify, 'input'));
  const issued = await until(() => adapter.lastCode);
  type(input, issued.code);
  inShadow<HTMLButtonElement>(verify, 'button[type="submit"]')!.click();
}
