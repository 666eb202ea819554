/**
 * The phone step's number, read for the chosen region with the phone data loaded so far: formatted as it is typed
 * (a formatted input), its data loaded in small chunks as the region and the number need them (shared/phone-data.ts),
 * checked, and shown from an E.164 value, which waits for the data of its calling code.
 */
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg } from '../shared/lit-localize.js';
import {
  checkLoadedPhoneNumber,
  checkPhoneNumber,
  formatAsYouType,
  missingPhoneData,
  normalizePhoneInput,
  toAsciiDigits,
  type PhoneCheck,
  type PhoneMetadata,
} from '@security-info/core';
import { PhoneDataController, type PhoneDataOptions } from '../shared/phone-data.js';
import { FormattedInputController, type Formatted } from './formatted-input.js';
import { allowedRegions, type PhoneSettings } from './phone-settings.js';

/**
 * The element the number belongs to: its `country` is the region the number is read for, and the one a calling code
 * in the number chooses; its settings say which regions a number may belong to.
 */
export type PhoneNumberHost = ReactiveControllerHost &
  PhoneSettings & { country: string; readonly renderRoot: ParentNode | undefined };

export interface PhoneNumberOptions extends Required<PhoneDataOptions> {
  /** The region whose data to load while none is chosen: the one that will be. */
  likelyRegion(): string;
  /**
   * After each edit the person makes to the number, once the field shows it formatted (and the data it needs is asked
   * for): the host asks for an update if something it renders follows the number.
   */
  edited(): void;
  /** The person left the field. */
  left(): void;
  /**
   * A calling code in what the person typed chose another region (the host's `country` is set already): as they
   * typed it, or once its data arrived.
   */
  followed(): void;
}

/** What the host's state means for the field, at each render. */
export interface PhoneNumberState {
  /** A problem with the number is shown, in the element with the ID `describedBy`. */
  invalid: boolean;
  describedBy: string;
  disabled: boolean;
  readonly: boolean;
  required: boolean;
}

export class PhoneNumberController implements ReactiveController {
  readonly #data: PhoneDataController;
  readonly #input: FormattedInputController;
  /** A value given before the metadata of its calling code arrived: shown once it has. */
  #waiting: string | undefined;
  /** The last check, reused while the number, the region, the allowed regions and the data stay the same. */
  #last:
    | { text: string; region: string | undefined; allowed: string; metadata: PhoneMetadata; result: PhoneCheck }
    | undefined;
  /** The number field, found once: renders keep it, and a keystroke asks for it more than once. */
  #field: HTMLInputElement | null = null;

  readonly #host: PhoneNumberHost;
  readonly #options: PhoneNumberOptions;

  constructor(host: PhoneNumberHost, options: PhoneNumberOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.#data = new PhoneDataController(host, options);
    this.#input = new FormattedInputController(host, {
      field: () => this.field,
      format: (text, caret) => this.#format(text, caret),
      edited: () => {
        this.#waiting = undefined; // What the person types wins over a value still waiting for its data.
        // A calling code typed: its data, without waiting for an update the edit may not ask for. A number checked
        // for the chosen region has all it needs; the host's check of the edit is then answered from this one.
        this.need(this.#chosenRegion() !== undefined && this.check() !== undefined);
        options.edited();
      },
    });
  }

  /** The number field, once rendered. */
  get field(): HTMLInputElement | null {
    // Before the element first connects it has no render root (a value set early).
    if (!this.#field?.isConnected)
      this.#field = this.#host.renderRoot?.querySelector<HTMLInputElement>('#number') ?? null;
    return this.#field;
  }

  /** The region the number is read for. */
  #chosenRegion(): string | undefined {
    return this.#host.country || undefined;
  }

  /** The metadata loaded so far; `undefined` until the first load. */
  get metadata(): PhoneMetadata | undefined {
    return this.#data.metadata;
  }

  /** What the field shows. */
  get text(): string {
    return this.#input.text;
  }

  /** The number in E.164 when it is valid (or a value still waiting for its data), else `''`. */
  get value(): string {
    if (this.#waiting !== undefined) return this.#waiting;
    const check = this.check();
    return check?.valid ? check.e164 : '';
  }

  /**
   * Loads the metadata the number (or the value waiting) and the region need, unless it is here or on its way: at
   * every update, so that a load that failed (offline) is tried again at the next change. `checked`: the field's
   * number has just been checked for the chosen region, so its data is here and is not looked for again.
   */
  need(checked = false): void {
    const region = this.#chosenRegion() ?? (this.#options.likelyRegion() || undefined);
    this.#data.need(this.#waiting ?? this.text, region, checked);
  }

  hostUpdate(): void {
    this.need();
  }

  /** Whether the metadata `number` (the field's by default) and the chosen region need is here. */
  hasData(number = this.text): boolean {
    const metadata = this.metadata;
    return metadata !== undefined && missingPhoneData(number, this.#chosenRegion(), metadata).length === 0;
  }

  /** The field's number checked, with the reason when it is not accepted; `undefined` while its data loads. */
  check(): PhoneCheck | undefined {
    const { metadata, text } = this;
    const region = this.#chosenRegion();
    const allowed = allowedRegions(this.#host);
    // Compared one by one rather than as one key string, which each keystroke would build anew.
    const allowedKey = allowed.join(',');
    const last = this.#last;
    if (last?.text === text && last.region === region && last.allowed === allowedKey && last.metadata === metadata)
      return last.result;
    if (!metadata) return undefined;
    // Whether its data is here and the check, from one reading of the number.
    const result = checkLoadedPhoneNumber(
      text,
      allowed.length > 0 ? { region, allowedRegions: allowed } : { region },
      metadata,
    );
    if (result) this.#last = { text, region, allowed: allowedKey, metadata, result };
    return result;
  }

  /**
   * Shows an E.164 number (a value, a reset to the attribute) formatted, choosing its region: its check, or
   * `undefined` when it is empty or waits for its data.
   */
  show(value: string): PhoneCheck | undefined {
    this.#waiting = undefined;
    if (!value) {
      this.#input.text = '';
      return undefined;
    }
    const metadata = this.metadata;
    if (!metadata || !this.hasData(value)) {
      this.#waiting = value;
      return undefined;
    }
    const check = checkPhoneNumber(value, { region: this.#chosenRegion() }, metadata);
    if (check.region) this.#host.country = check.region;
    this.#input.text = formatAsYouType(value, value.length, this.#chosenRegion(), metadata).text;
    return check;
  }

  /** Shows `text` as the person had typed it (a form state the browser restores), formatted once data is here. */
  restore(text: string): void {
    this.#input.text = text;
    this.#input.reformat();
  }

  /**
   * More metadata arrived, or the region changed: a value that waited is shown, and what was typed formatted
   * again. Returns the check of a value shown.
   */
  refresh(): PhoneCheck | undefined {
    if (this.#waiting !== undefined && this.hasData(this.#waiting)) return this.show(this.#waiting);
    if (this.text) this.#input.reformat();
    return undefined;
  }

  render({ invalid, describedBy, disabled, readonly, required }: PhoneNumberState) {
    const typing = this.#input.listeners;
    return html`<label for="number" part="label">
        ${msg('Phone number', { id: 'phone.number-label', desc: 'Label of the phone number field.' })}
      </label>
      <input
        id="number"
        part="input"
        type="tel"
        inputmode="tel"
        autocomplete="tel"
        enterkeyhint="next"
        .value=${this.text}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy}
        ?disabled=${disabled}
        ?readonly=${readonly}
        ?required=${required}
        @input=${typing.input}
        @compositionend=${typing.compositionend}
        @keydown=${typing.keydown}
        @blur=${this.#options.left}
      />`;
  }

  /** Formats what was typed, keeping the caret after the same digit; follows a calling code to its region. */
  #format(typed: string, caret: number): Formatted {
    const metadata = this.metadata;
    if (!metadata) return { text: typed, caret }; // Formatted when the data arrives (refresh).
    let raw = typed;
    if (/^\s*tel:/i.test(raw) || /%2b/i.test(raw)) raw = normalizePhoneInput(raw) ?? raw;
    const region = this.#chosenRegion();
    // "0031…" or "011…" with no region chosen yet: read the international prefix as "+".
    const ascii = toAsciiDigits(raw);
    const prefixed = !region && /^\s*(00|011)\d/.test(ascii) ? ascii.replace(/^\s*(00|011)/, '+') : raw;
    const shift = prefixed.length - raw.length;
    const result = formatAsYouType(prefixed, Math.max(0, caret + shift), region, metadata);
    if (result.region && /^\s*\+/.test(result.text) && result.region !== this.#host.country) {
      this.#host.country = result.region;
      this.#options.followed();
    }
    return result;
  }
}
