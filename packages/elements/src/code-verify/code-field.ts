/** The one-time code field of `<code-verify>`: its label, the input, the hint, the alert and the lockout's wait. */
import { html, nothing } from 'lit';
import { msg, str } from '../shared/lit-localize.js';
import type { InputMethodGuard } from '../shared/input-method.js';
import { retryWait } from './code-verify.messages.js';

/**
 * The field, its hint and its alert (what `message` says: a problem with the entry, the host's status or error).
 * Positional arguments, as the module's other render functions take, keep the element's bundle small.
 *
 * @param length Digits in the code.
 * @param quiet The message is the host's countdown, said once already: shown outside the alert.
 * @param invalid Marks the field invalid for assistive technology.
 * @param disabled Disabled or locked: nothing can be typed.
 * @param readonly The host checks a code: the field can be read, not changed.
 * @param typing Reads what is typed.
 * @param paste Sees a paste before the browser makes it.
 * @param retryIn Seconds until the person may try again after too many wrong codes; 0 when no lockout runs.
 */
export function codeField(
  length: number,
  message: string,
  quiet: boolean,
  invalid: boolean,
  disabled: boolean,
  readonly: boolean,
  required: boolean,
  typing: InputMethodGuard,
  paste: (event: ClipboardEvent) => void,
  retryIn: number,
) {
  return html`<div class="field">
    <label for="code" part="label">
      ${msg('Verification code', { id: 'code-verify.label', desc: 'Label of the code field.' })}
    </label>
    <input
      id="code"
      part="input"
      type="text"
      inputmode="numeric"
      autocomplete="one-time-code"
      enterkeyhint="done"
      spellcheck="false"
      autocapitalize="off"
      aria-describedby="intro hint message"
      aria-invalid=${invalid ? 'true' : 'false'}
      ?disabled=${disabled}
      ?readonly=${readonly}
      ?required=${required}
      @input=${typing.input}
      @compositionend=${typing.compositionend}
      @paste=${paste}
    />
    <p id="hint" class="hint" part="hint">
      ${msg(str`${length} digits`, {
        id: 'code-verify.hint',
        desc: 'Hint under the code field; the placeholder is the number of digits.',
      })}
    </p>
    <p id=${quiet ? nothing : 'message'} class="error" part="error" role="alert">${quiet ? '' : message}</p>
    ${quiet ? html`<p id="message" class="error" part="error">${message}</p>` : nothing}
    ${retryIn ? html`<p class="wait" part="wait">${retryWait(retryIn)}</p>` : nothing}
  </div>`;
}
