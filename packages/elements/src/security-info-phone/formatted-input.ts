/**
 * A text field whose digits are rewritten as they are typed (a phone number grouped the way its region writes
 * it): the caret stays after the digit it followed, a separator is never what Backspace or Delete removes, an
 * input method is left alone while it composes, and Ctrl+Z (⌘Z) undoes, which the browser's own undo no longer
 * can once a script has rewritten the field.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toAsciiDigits } from '@security-info/core';
import { inputMethodGuard } from '../shared/input-method.js';

/** A field's text and where its caret is. */
export interface Formatted {
  text: string;
  caret: number;
}

export interface FormattedInputOptions {
  /** The field, once rendered. */
  field(): HTMLInputElement | null;
  /** Rewrites `text` for display, keeping the caret after the digit it followed (see core's `formatAsYouType`). */
  format(text: string, caret: number): Formatted;
  /**
   * After each edit the person makes (typing, deleting, pasting, undoing), once the field shows it formatted. The field
   * shows the edit already, so no update is asked for: the host asks for one when something it renders follows the
   * text (a message about the number), and keeps a keystroke cheap otherwise.
   */
  edited(): void;
}

/** How many edits Ctrl+Z can undo. */
const HISTORY = 100;

const digitsOf = (text: string) => toAsciiDigits(text).replace(/\D/g, '');
const isDigit = (ch: string) => /\d/.test(toAsciiDigits(ch));

export class FormattedInputController implements ReactiveController {
  #value = '';
  /** What the field showed after the last edit or format, to compare the next edit with and to undo to. */
  #last: Formatted = { text: '', caret: 0 };
  readonly #history: Formatted[] = [];

  readonly #host: ReactiveControllerHost;
  readonly #options: FormattedInputOptions;

  constructor(host: ReactiveControllerHost, options: FormattedInputOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The text the field shows. */
  get text(): string {
    return this.#value;
  }

  /** Shows `text` as it is (a value set by the host, a reset): not an edit, so nothing fires and nothing formats. */
  set text(text: string) {
    this.#value = text;
    this.#last = { text, caret: text.length };
    this.#write(this.#options.field(), text);
    this.#host.requestUpdate();
  }

  /**
   * Formats the text again (the data it needs arrived, the region changed), keeping the caret where the person
   * left it while the field has focus.
   */
  reformat(): void {
    const field = this.#options.field();
    const focused = field !== null && (field.getRootNode() as Document | ShadowRoot).activeElement === field;
    const formatted = this.#options.format(
      this.#value,
      focused ? (field.selectionStart ?? this.#value.length) : this.#value.length,
    );
    this.#value = formatted.text;
    this.#last = formatted;
    if (focused) this.#show(field, formatted);
    else this.#write(field, formatted.text);
    this.#host.requestUpdate();
  }

  /** The field's listeners: `@input`, `@compositionend` and `@keydown`. */
  readonly listeners = {
    ...inputMethodGuard(
      () => this.#value,
      (field, inputType) => this.#edit(field, inputType),
    ),
    keydown: (event: KeyboardEvent) => {
      const undo = (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z';
      const previous = undo ? this.#history.pop() : undefined;
      if (!previous) return;
      event.preventDefault();
      this.#value = previous.text;
      this.#last = previous;
      this.#show(event.target as HTMLInputElement, previous);
      this.#options.edited();
    },
  };

  /** The numbers typed before are not kept by an element that has left the page. */
  hostDisconnected(): void {
    this.#history.length = 0;
  }

  #edit(field: HTMLInputElement, inputType: string): void {
    let text = field.value;
    let caret = field.selectionStart ?? text.length;
    const before = this.#last;
    // Deleting a separator alone would change nothing once formatted: delete the digit beside it, as people mean.
    if (text.length < before.text.length && digitsOf(text) === digitsOf(before.text)) {
      if (inputType === 'deleteContentBackward') {
        const cut = [...text.slice(0, caret)].reverse().findIndex(isDigit);
        if (cut >= 0) {
          const at = caret - cut - 1;
          text = text.slice(0, at) + text.slice(at + 1);
          caret = at;
        }
      } else if (inputType === 'deleteContentForward') {
        const cut = [...text.slice(caret)].findIndex(isDigit);
        if (cut >= 0) text = text.slice(0, caret + cut) + text.slice(caret + cut + 1);
      }
    }
    this.#history.push(before);
    if (this.#history.length > HISTORY) this.#history.shift();
    const formatted = this.#options.format(text, caret);
    this.#value = formatted.text;
    this.#last = formatted;
    this.#show(field, formatted);
    this.#options.edited();
  }

  /**
   * Writes the text into the field, as every change of it does: the field shows each edit without a render (a
   * keystroke asks for none), so a render's binding cannot tell when the field differs from what it rendered last
   * (a form reset after typing would leave the number there). Whether the field's text changed.
   */
  #write(field: HTMLInputElement | null, text: string): boolean {
    if (!field || field.value === text) return false;
    field.value = text;
    return true;
  }

  #show(field: HTMLInputElement, { text, caret }: Formatted): void {
    // Typing that needs no new grouping leaves the caret where it belongs: setting it again costs a selection update.
    if (this.#write(field, text) || field.selectionStart !== caret || field.selectionEnd !== caret)
      field.setSelectionRange(caret, caret);
  }
}
