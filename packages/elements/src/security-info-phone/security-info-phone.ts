import { html, nothing, svg, type PropertyValues } from 'lit';
import { msg, str } from '../shared/lit-localize.js';
import {
  channelsFor,
  checkPhoneNumber,
  formatAsYouType,
  missingPhoneData,
  normalizePhoneInput,
  toAsciiDigits,
  type Channel,
  type PhoneCheck,
  type PhoneMetadata,
  type PhoneProblem,
  type SecurityInfoPolicy,
} from '@security-info/core';
import { defineElement } from '../shared/define.js';
import { listConverter } from '../shared/converters.js';
import { numberFormat } from '../shared/intl.js';
import { LocalizeController } from '../shared/localized.js';
import { emit } from '../shared/events.js';
import { errorMessage } from '../shared/error-messages.js';
import { FormAssociatedElement } from '../shared/form-associated.js';
import { StepElement } from '../shared/step.js';
import { hostLocale } from '../shared/host-locale.js';
import { inputMethodGuard } from '../shared/input-method.js';
import { IntentLock } from '../shared/intent-lock.js';
import { PhoneDataController } from '../shared/phone-data.js';
import { tokens } from '../shared/tokens.styles.js';
import { fieldStyles } from '../shared/field.styles.js';
import { buildCountries, regionName, regionOfLocale, searchCountries, type CountryOption } from './countries.js';
import { phoneStyles } from './security-info-phone.styles.js';

export interface PhoneSubmitDetail {
  /** E.164, for example `+31612345678`. */
  phoneNumber: string;
  /** ISO 3166-1 alpha-2 region of the number. */
  country: string;
  channel: Channel;
  /** The number without its calling code, digits only. */
  nationalNumber: string;
}

interface Snapshot {
  value: string;
  caret: number;
}

/**
 * "Set up your phone": country or region, the number formatted as it is typed, "Text me a code" or "Call me",
 * and Next. A form control whose value is the number in E.164.
 *
 * The country or region picker is an editable combobox with a listbox (WAI-ARIA APG, list autocomplete with
 * manual selection): a native `<select>` cannot be searched by calling code or by an English name in another
 * language, and its long lists are hard to use on phones. Type to filter by name (localized or English),
 * ISO code or calling code; arrows, Home/End, Enter and Escape work as the pattern describes; the number of
 * results is announced.
 *
 * The number accepts whatever people type or paste: national or international format, `00`/`011` prefixes,
 * separators, `tel:` links and digits of any script. A number with a calling code switches the country.
 * Problems are shown when Next is pressed or the field is left, never while the first digits are typed.
 *
 * The element's states for styling: `:state(loading)` until the phone number data is there, `:state(pending)`
 * while the host works, `:state(invalid)` while a problem or a host error is shown.
 *
 * @customElement security-info-phone
 * @summary The phone number step: country or region, number, text or call.
 *
 * @fires {CustomEvent<PhoneSubmitDetail>} phone-submit - Next was pressed with a valid number; `detail` is `{ phoneNumber, country, channel, nationalNumber }`.
 *
 * @slot actions - Extra buttons after Next, for example Back or Cancel.
 *
 * @csspart heading - The step's heading.
 * @csspart label - The labels of the fields.
 * @csspart picker - The country or region combobox.
 * @csspart listbox - Its list of countries and regions.
 * @csspart input - The phone number field.
 * @csspart channels - The group of "Text me a code" and "Call me".
 * @csspart button - Every button.
 * @csspart next - The Next button.
 * @csspart error - The error message.
 * @csspart suggested - The button that sends by the channel the host suggests (with `button`).
 * @csspart loading - The progress shown in the picker while the phone number data loads.
 *
 * @cssprop --si-color-accent - Buttons, the active option and focus ring.
 * @cssprop --si-color-error - Error messages and the invalid field's border.
 * @cssprop --si-radius - Corner radius of fields, list and buttons.
 */
export class SecurityInfoPhone extends StepElement(FormAssociatedElement) {
  static override styles = [tokens, fieldStyles, phoneStyles];

  static override properties = {
    defaultCountry: { attribute: 'default-country' },
    allowedCountries: { attribute: 'allowed-countries', converter: listConverter },
    channels: { converter: listConverter },
    channelsByCountry: { attribute: false },
    policy: { attribute: false },
    value: { noAccessor: true },
    country: { reflect: true },
    channel: { reflect: true },
    readonly: { type: Boolean, reflect: true },
    error: {},
    suggestedChannel: { attribute: 'suggested-channel' },
    metadata: { state: true },
    text: { state: true },
    problem: { state: true },
    query: { state: true },
    open: { state: true },
    activeIndex: { state: true },
  };

  /** The country or region chosen at first (ISO 3166-1 alpha-2); else the policy's, else the locale's. */
  declare defaultCountry: string | undefined;
  /** Regions whose numbers may be registered (attribute: a space- or comma-separated list); all when empty. */
  declare allowedCountries: string[];
  /** Channels offered (attribute: `"sms voice"`); the policy's, or both, when empty. */
  declare channels: Channel[];
  /** Channels per region, for regions where not every channel works. */
  declare channelsByCountry: Record<string, Channel[]> | undefined;
  /** The organization's policy: its `phone` section supplies what the attributes above do not set. */
  declare policy: SecurityInfoPolicy | undefined;
  /** The chosen country or region (ISO 3166-1 alpha-2), or `''`. */
  declare country: string;
  /** The chosen channel. */
  declare channel: Channel;
  /** Shows a number the host already knows, to confirm, not to edit. */
  declare readonly: boolean;
  /** The host is working: the form is disabled and shows progress. */
  declare pending: boolean;
  /** A message from the host, such as the backend rejecting the number; cleared when the number is edited. */
  declare error: string;
  /**
   * A channel the host suggests with its `error`, such as `voice` for a number that cannot receive text messages:
   * a button under the message ("Call me") chooses it and submits in one go. Shown while the error is, and only
   * when the channel is available for the number's region.
   */
  declare suggestedChannel: Channel | undefined;

  declare private metadata: PhoneMetadata | undefined;
  declare private text: string;
  declare private problem: PhoneProblem | undefined;
  declare private query: string | undefined;
  declare private open: boolean;
  declare private activeIndex: number;

  /** Problems are shown only after Next or leaving the field; from then on they follow the edits. */
  private showProblems = false;
  /** One intent, one event: a number submitted is not submitted again until the host answers or it changes. */
  private readonly submitting = new IntentLock<string>({ timeout: 1000 });
  /** Next was pressed before the phone number data arrived: submit when it does. */
  private submitWhenReady = false;
  private history: Snapshot[] = [];
  private lastText: Snapshot = { value: '', caret: 0 };
  private countries: CountryOption[] = [];
  private countriesKey = '';
  private countryIndex = new Map<string, CountryOption>();
  /** A value set before the metadata of its calling code arrived, shown once it has. */
  private valueToShow: string | undefined;
  private readonly phoneData = new PhoneDataController(this, {
    loaded: (metadata) => (this.metadata = metadata),
    failed: () => {
      // Next waits for the data (submitWhenReady): say why nothing happens.
      if (!this.submitWhenReady) return;
      this.submitWhenReady = false;
      this.error = errorMessage('network');
    },
  });

  constructor() {
    super();
    this.defaultCountry = undefined;
    this.allowedCountries = [];
    this.channels = [];
    this.channelsByCountry = undefined;
    this.policy = undefined;
    this.country = '';
    this.channel = 'sms';
    this.readonly = false;
    this.error = '';
    this.suggestedChannel = undefined;
    this.text = '';
    this.open = false;
    this.activeIndex = -1;
    new LocalizeController(this);
  }

  /** The number in E.164 when it is valid, else `''`. Setting it shows the number formatted, with its country. */
  get value(): string {
    if (this.valueToShow !== undefined) return this.valueToShow;
    return this.currentE164();
  }

  set value(value: string) {
    const old = this.value;
    const next = String(value ?? '');
    this.showValue(next);
    this.submitting.release();
    this.requestUpdate('value', old);
  }

  /** Whether the metadata this number (and the chosen region) needs is here. */
  private hasData(text = this.text): boolean {
    return Boolean(this.metadata) && missingPhoneData(text, this.country || undefined, this.metadata!).length === 0;
  }

  /**
   * Asks for the phone metadata of the chosen region and of the number's calling code (a small chunk each), at
   * every update: a load that failed (offline) is tried again at the next change (see shared/phone-data.ts).
   */
  private loadData(): void {
    this.phoneData.need(this.valueToShow ?? this.text, this.country || this.pickDefaultCountry() || undefined);
  }

  // --- What the policy and the attributes allow -----------------------------------------------------------

  private get allowed(): string[] {
    const own = this.allowedCountries.map((c) => c.toUpperCase());
    return own.length > 0 ? own : (this.policy?.phone?.allowedCountries ?? []).map((c) => c.toUpperCase());
  }

  /**
   * The channels offered for `region`, or at all without one: core's rule, over the policy's phone section with
   * `channels` and `channelsByCountry` in place of the policy's where they are set.
   */
  private channelsFor(region?: string): Channel[] {
    const phone = this.policy?.phone;
    const channels = this.channels.length > 0 ? this.channels : phone?.channels;
    const channelsByCountry = this.channelsByCountry ?? phone?.channelsByCountry;
    return channelsFor({ phone: { channels, channelsByCountry } }, region);
  }

  private get locale(): string | undefined {
    return hostLocale(this);
  }

  private countryList(): CountryOption[] {
    const key = `${this.locale}|${this.allowed.join()}`;
    if (key !== this.countriesKey) {
      this.countries = buildCountries(this.locale, this.allowed);
      this.countryIndex = new Map(this.countries.map((option) => [option.code, option]));
      this.countriesKey = key;
    }
    return this.countries;
  }

  /** The option of a region in the list, found without a scan: renders look it up on every keystroke. */
  private countryOption(code: string): CountryOption | undefined {
    this.countryList();
    return this.countryIndex.get(code);
  }

  private known(code: string): boolean {
    return this.countryOption(code) !== undefined;
  }

  private pickDefaultCountry(): string {
    const candidates = [this.defaultCountry, this.policy?.phone?.defaultCountry].map((c) => c?.toUpperCase());
    for (const code of candidates) if (code && this.known(code)) return code;
    const languages = [this.locale, ...(globalThis.navigator?.languages ?? [])].filter(Boolean) as string[];
    return regionOfLocale(languages, (code) => this.known(code)) ?? '';
  }

  // --- Lifecycle ------------------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('metadata') && this.metadata) {
      if (changed.get('metadata') === undefined && !this.country) this.country = this.pickDefaultCountry();
      if (this.valueToShow !== undefined && this.hasData(this.valueToShow)) {
        this.showValue(this.valueToShow);
      } else if (this.text) {
        this.refreshFormat();
      }
      if (this.submitWhenReady && this.hasData()) {
        this.submitWhenReady = false;
        void this.updateComplete.then(() => this.submit());
      }
    }
    this.loadData();
    if ((changed.has('defaultCountry') || changed.has('policy')) && this.metadata && !this.country && !this.text) {
      this.country = this.pickDefaultCountry();
    }
    const available = this.channelsFor(this.country);
    if (available.length > 0 && !available.includes(this.channel)) this.channel = available[0]!;
    if (changed.has('error') && this.error) this.showProblems = true;
    if ((changed.has('pending') && !this.pending) || changed.has('error')) this.submitting.release();
    this.toggleState('pending', this.pending);
    this.toggleState('loading', !this.metadata);
    this.toggleState('invalid', this.showProblems && (this.problem !== undefined || Boolean(this.error)));
  }

  protected override updated(): void {
    this.syncForm();
    if (this.open) {
      this.renderRoot.querySelector('[role="option"].active')?.scrollIntoView({ block: 'nearest' });
    }
  }

  /** Shows an E.164 number (from `value` or a form restore) formatted, with its country. */
  private showValue(value: string): void {
    if (!value) {
      this.valueToShow = undefined;
      this.text = '';
      this.problem = undefined;
      return;
    }
    const metadata = this.metadata;
    if (!metadata || !this.hasData(value)) {
      this.valueToShow = value; // Shown when the metadata of its calling code is here.
      return;
    }
    this.valueToShow = undefined;
    const check = checkPhoneNumber(value, { region: this.country || undefined }, metadata);
    if (check.region) this.country = check.region;
    this.text = formatAsYouType(value, value.length, this.country || undefined, metadata).text;
    this.problem = check.valid ? undefined : check.problem;
  }

  private currentE164(): string {
    const check = this.check();
    return check?.valid ? check.e164 : '';
  }

  /** The last check, reused while the number, region and allowed regions stay the same (a keystroke asks twice). */
  private lastCheck?: { key: string; metadata: PhoneMetadata; result: PhoneCheck };

  private check(): PhoneCheck | undefined {
    const allowed = this.allowed;
    const key = `${this.text}\n${this.country}\n${allowed.join(',')}`;
    if (this.lastCheck?.key === key && this.lastCheck.metadata === this.metadata) return this.lastCheck.result;
    if (!this.metadata || !this.hasData()) return undefined;
    const result = checkPhoneNumber(
      this.text,
      { region: this.country || undefined, ...(allowed.length > 0 ? { allowedRegions: allowed } : {}) },
      this.metadata,
    );
    this.lastCheck = { key, metadata: this.metadata, result };
    return result;
  }

  private syncForm(): void {
    const check = this.check();
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[type="tel"]') ?? undefined;
    const e164 = check?.valid ? check.e164 : '';
    this.internals.setFormValue(e164 || null, this.text);
    if (!this.text.trim() && this.required) {
      this.internals.setValidity({ valueMissing: true }, this.problemText('required'), input);
    } else if (this.text.trim() && check && !check.valid) {
      this.internals.setValidity({ customError: true }, this.problemText(check.problem), input);
    } else {
      this.internals.setValidity({});
    }
  }

  formResetCallback(): void {
    this.country = '';
    this.text = '';
    this.showValue(this.getAttribute('value') ?? '');
    if (!this.country) this.country = this.pickDefaultCountry();
    this.showProblems = false;
    this.problem = undefined;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') {
      this.text = state;
      this.reformat(state.length);
    }
  }

  // --- The number -----------------------------------------------------------------------------------------

  private get numberInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input[type="tel"]');
  }

  /** Formats `this.text`, keeping the caret after the same digit; follows a calling code to its region. */
  private reformat(caret: number): number {
    if (!this.metadata) return caret; // Formatted when the data arrives (refreshFormat).
    let raw = this.text;
    if (/^\s*tel:/i.test(raw) || /%2b/i.test(raw)) raw = normalizePhoneInput(raw) ?? raw;
    const ascii = toAsciiDigits(raw);
    // "0031…" or "011…" with no region chosen yet: read the international prefix as "+".
    const region = this.country || undefined;
    const prefixed = !region && /^\s*(00|011)\d/.test(ascii) ? ascii.replace(/^\s*(00|011)/, '+') : raw;
    const shift = prefixed.length - raw.length;
    const result = formatAsYouType(prefixed, Math.max(0, caret + shift), region, this.metadata);
    this.text = result.text;
    if (result.region && result.region !== this.country && /^\s*\+/.test(result.text)) {
      this.country = result.region;
    }
    return result.caret;
  }

  /** Formats the number again once more metadata is here, keeping the caret where the person left it. */
  private refreshFormat(): void {
    const input = this.numberInput;
    const focused = input && this.shadowRoot?.activeElement === input;
    const caret = this.reformat(focused ? (input.selectionStart ?? this.text.length) : this.text.length);
    if (input && focused) {
      input.value = this.text;
      input.setSelectionRange(caret, caret);
    }
    this.lastText = { value: this.text, caret };
  }

  private readonly onNumberKeydown = (event: KeyboardEvent) => {
    const input = event.target as HTMLInputElement;
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z') {
      // Formatting rewrites the field, which empties the browser's own undo history: keep one of our own.
      const previous = this.history.pop();
      if (!previous) return;
      event.preventDefault();
      this.text = previous.value;
      this.lastText = previous;
      input.value = previous.value;
      input.setSelectionRange(previous.caret, previous.caret);
      this.afterEdit();
    }
  };

  /** Formats what is typed, never while an input method composes. */
  private readonly numberTyping = inputMethodGuard(
    () => this.text,
    (input, inputType) => this.numberEdited(input, inputType),
  );

  private numberEdited(input: HTMLInputElement, inputType: string): void {
    this.valueToShow = undefined; // What the person types wins over a value still waiting for its data.
    let value = input.value;
    let caret = input.selectionStart ?? value.length;
    const before = this.lastText;
    const digits = (text: string) => toAsciiDigits(text).replace(/\D/g, '');
    // Deleting a separator alone would change nothing: delete the digit beside it, as people mean.
    if (digits(value) === digits(before.value) && value.length < before.value.length) {
      if (inputType === 'deleteContentBackward') {
        const cut = [...value.slice(0, caret)].reverse().findIndex((ch) => /\d/.test(toAsciiDigits(ch)));
        if (cut >= 0) {
          const at = caret - cut - 1;
          value = value.slice(0, at) + value.slice(at + 1);
          caret = at;
        }
      } else if (inputType === 'deleteContentForward') {
        const cut = [...value.slice(caret)].findIndex((ch) => /\d/.test(toAsciiDigits(ch)));
        if (cut >= 0) value = value.slice(0, caret + cut) + value.slice(caret + cut + 1);
      }
    }
    this.history.push(before);
    if (this.history.length > 100) this.history.shift();
    this.text = value;
    const newCaret = this.reformat(caret);
    if (input.value !== this.text) input.value = this.text;
    input.setSelectionRange(newCaret, newCaret);
    this.lastText = { value: this.text, caret: newCaret };
    this.afterEdit();
  }

  private afterEdit(): void {
    if (this.error) this.error = '';
    this.submitting.release();
    const check = this.check();
    this.problem = check && !check.valid && this.text.trim() ? check.problem : undefined;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }

  private readonly onNumberBlur = () => {
    if (this.text.trim()) {
      this.showProblems = true;
      const check = this.check();
      this.problem = check && !check.valid ? check.problem : undefined;
      this.requestUpdate();
    }
    this.dispatchEvent(new Event('change', { bubbles: true }));
  };

  // --- The country or region combobox ---------------------------------------------------------------------

  private get comboInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input[role="combobox"]');
  }

  private filtered(): CountryOption[] {
    return this.query === undefined ? this.countryList() : searchCountries(this.countryList(), this.query);
  }

  private selectCountry(code: string): void {
    const changed = code !== this.country;
    this.country = code;
    this.query = undefined;
    this.open = false;
    this.activeIndex = -1;
    if (changed) {
      if (this.text) this.reformat(this.text.length);
      const check = this.check();
      this.problem = check && !check.valid && this.text.trim() ? check.problem : undefined;
      this.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }

  private openList(active: 'selected' | 'first' | 'last' | 'none'): void {
    const options = this.filtered();
    this.open = true;
    if (active === 'none') this.activeIndex = -1;
    else if (active === 'last') this.activeIndex = options.length - 1;
    else if (active === 'first') this.activeIndex = options.length > 0 ? 0 : -1;
    else
      this.activeIndex = Math.max(
        0,
        options.findIndex((o) => o.code === this.country),
      );
  }

  private readonly onComboInput = (event: InputEvent) => {
    this.query = (event.target as HTMLInputElement).value;
    this.open = true;
    this.activeIndex = -1;
  };

  private readonly onComboKeydown = (event: KeyboardEvent) => {
    const options = this.filtered();
    const move = (index: number) => {
      event.preventDefault();
      this.open = true;
      this.activeIndex = Math.min(Math.max(index, 0), options.length - 1);
    };
    switch (event.key) {
      case 'ArrowDown':
        if (event.altKey) {
          event.preventDefault();
          this.openList('none');
        } else if (!this.open) {
          event.preventDefault();
          this.openList(this.query === undefined ? 'selected' : 'first');
        } else move(this.activeIndex + 1);
        break;
      case 'ArrowUp':
        if (!this.open) {
          event.preventDefault();
          this.openList(this.query === undefined ? 'selected' : 'last');
        } else move(this.activeIndex <= 0 ? 0 : this.activeIndex - 1);
        break;
      case 'Home':
        if (this.open && this.activeIndex >= 0) move(0);
        break;
      case 'End':
        if (this.open && this.activeIndex >= 0) move(options.length - 1);
        break;
      case 'PageDown':
        if (this.open) move(this.activeIndex + 10);
        break;
      case 'PageUp':
        if (this.open) move(this.activeIndex - 10);
        break;
      case 'Enter': {
        event.preventDefault();
        const option = options[this.activeIndex] ?? (options.length === 1 ? options[0] : undefined);
        if (this.open && option) this.selectCountry(option.code);
        else if (!this.open) this.openList('selected');
        break;
      }
      case 'Escape':
        if (this.open || this.query !== undefined) {
          event.preventDefault();
          this.open = false;
          this.query = undefined;
          this.activeIndex = -1;
        }
        break;
      case 'Tab':
        if (this.open && options[this.activeIndex]) this.selectCountry(options[this.activeIndex]!.code);
        break;
    }
  };

  private readonly onComboFocus = (event: FocusEvent) => {
    (event.target as HTMLInputElement).select();
  };

  private readonly onComboBlur = () => {
    // A typed name that matches exactly one region picks it; anything else goes back to the chosen one.
    if (this.query !== undefined) {
      const matches = searchCountries(this.countryList(), this.query);
      if (matches.length === 1) this.selectCountry(matches[0]!.code);
    }
    this.open = false;
    this.query = undefined;
    this.activeIndex = -1;
  };

  private readonly onToggle = () => {
    if (this.open) {
      this.open = false;
    } else {
      this.openList('selected');
    }
    this.comboInput?.focus();
  };

  // --- Submit ---------------------------------------------------------------------------------------------

  private readonly onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    this.submit();
  };

  private readonly onSuggested = () => {
    this.channel = this.suggestedChannel!;
    this.submit();
  };

  private submit(): void {
    if (this.pending || this.isDisabled || this.submitting.current) return;
    this.showProblems = true;
    const check = this.check();
    if (!this.text.trim()) {
      this.problem = 'required';
    } else if (!check) {
      this.submitWhenReady = true; // Pressed while the data loads (a fast typist, an autofill): act once it is here.
      this.loadData(); // Asks again if an earlier load failed: offline, Next says so.
      return;
    } else if (!check.valid) {
      this.problem = check.problem;
    } else {
      this.problem = undefined;
      this.submitting.take(check.e164);
      emit(this, 'phone-submit', {
        phoneNumber: check.e164,
        country: check.region,
        channel: this.channel,
        nationalNumber: check.nationalNumber,
      });
      return;
    }
    this.requestUpdate();
    const target = this.problem === 'region-required' ? this.comboInput : this.numberInput;
    target?.focus();
  }

  // --- Text -----------------------------------------------------------------------------------------------

  private countryName(code: string): string {
    return code ? (this.countryOption(code)?.name ?? regionName(code, this.locale)) : '';
  }

  private problemText(problem: PhoneProblem): string {
    const country = this.countryName(this.check()?.region ?? this.country);
    switch (problem) {
      case 'required':
        return msg('Enter your phone number.', { id: 'phone.required', desc: 'The phone number field is empty.' });
      case 'not-a-number':
        return msg('Enter the number with digits only. Spaces, dashes, brackets and a leading + are fine.', {
          id: 'phone.not-a-number',
          desc: 'Letters or other characters were entered in the phone number field.',
        });
      case 'too-short':
        return msg(str`This number is too short for ${country}. Check that you entered every digit.`, {
          id: 'phone.too-short',
          desc: 'The placeholder is a country or region name.',
        });
      case 'too-long':
        return msg(str`This number is too long for ${country}. Check for extra digits.`, {
          id: 'phone.too-long',
          desc: 'The placeholder is a country or region name.',
        });
      case 'invalid-for-region':
        return msg(
          str`This isn't a valid number for ${country}. Check the number, or choose another country or region.`,
          {
            id: 'phone.invalid-for-region',
            desc: 'The placeholder is a country or region name.',
          },
        );
      case 'region-required':
        return msg('Choose your country or region, or enter the number with its country code, starting with +.', {
          id: 'phone.region-required',
          desc: 'A national number was entered but no country or region is chosen.',
        });
      case 'region-not-allowed':
        return msg(
          str`Your organization doesn't allow numbers from ${country}. Use a number from another country or region.`,
          {
            id: 'phone.region-not-allowed',
            desc: 'The placeholder is a country or region name.',
          },
        );
    }
  }

  // --- Rendering ------------------------------------------------------------------------------------------

  protected override render() {
    const problem = this.showProblems && this.problem ? this.problemText(this.problem) : '';
    const message = problem || this.error;
    const disabled = this.isDisabled || this.pending;
    return html`
      <h2 part="heading" tabindex="-1">
        ${msg('Set up your phone', { id: 'phone.heading', desc: 'Heading of the phone number step.' })}
      </h2>
      <p id="intro">
        ${msg("We'll send a code to this number to check that it's yours.", {
          id: 'phone.intro',
          desc: 'Explains the phone step.',
        })}
      </p>
      <form novalidate aria-busy=${this.metadata ? 'false' : 'true'} @submit=${this.onSubmit}>
        ${this.renderCountry(disabled)}
        <div class="field">
          <label for="number" part="label">
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
            aria-invalid=${message ? 'true' : 'false'}
            aria-describedby="phone-message"
            ?disabled=${this.isDisabled}
            ?readonly=${this.readonly || this.pending}
            ?required=${this.required}
            @input=${this.numberTyping.input}
            @compositionend=${this.numberTyping.compositionend}
            @keydown=${this.onNumberKeydown}
            @blur=${this.onNumberBlur}
          />
          <p id="phone-message" class="error" part="error" role="alert">${message}</p>
          ${this.renderSuggested(message === this.error && !disabled)}
        </div>
        ${this.renderChannels(disabled)}
        <div class="actions">
          <button
            type="submit"
            class="primary"
            part="button next"
            ?disabled=${this.isDisabled}
            aria-disabled=${this.pending ? 'true' : 'false'}
          >
            ${this.pending ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
            ${msg('Next', { id: 'phone.next', desc: 'Button that sends the code to the number.' })}
          </button>
          <slot name="actions"></slot>
        </div>
        <div class="visually-hidden" role="status">
          ${this.pending ? msg('Sending your code…', { id: 'phone.pending', desc: 'Announced while the code is being sent.' }) : ''}
        </div>
      </form>
    `;
  }

  private renderCountry(disabled: boolean) {
    const options = this.filtered();
    const selected = this.countryOption(this.country);
    const shown = this.query ?? (selected ? `${selected.name} (+${selected.callingCode})` : '');
    const active = this.open ? options[this.activeIndex] : undefined;
    const count = numberFormat(this.locale).format(options.length);
    return html`<div class="field">
      <label for="country" part="label">
        ${msg('Country or region', { id: 'phone.country-label', desc: 'Label of the country or region picker.' })}
      </label>
      <div class="combobox">
        <input
          id="country"
          part="picker"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls="countries"
          aria-activedescendant=${active ? `option-${active.code}` : ''}
          aria-describedby="country-hint"
          placeholder=${selected ? '' : msg('Choose or search', { id: 'phone.country-placeholder', desc: 'Placeholder of the empty country picker.' })}
          .value=${shown}
          ?disabled=${this.isDisabled}
          ?readonly=${this.readonly || disabled}
          @input=${this.onComboInput}
          @keydown=${this.onComboKeydown}
          @focus=${this.onComboFocus}
          @blur=${this.onComboBlur}
        />
        ${
          this.metadata
            ? nothing
            : html`<span class="loading" part="loading"><span class="spinner" aria-hidden="true"></span></span>`
        }
        <button
          type="button"
          class="toggle"
          tabindex="-1"
          aria-label=${msg('Show countries and regions', { id: 'phone.country-toggle', desc: 'Button that opens the country list.' })}
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls="countries"
          ?hidden=${!this.metadata}
          ?disabled=${this.isDisabled || this.readonly || disabled}
          @mousedown=${(event: MouseEvent) => event.preventDefault()}
          @click=${this.onToggle}
        >
          <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            ${svg`<path d="M5 7.5l5 5 5-5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>`}
          </svg>
        </button>
        <ul
          id="countries"
          role="listbox"
          part="listbox"
          aria-label=${msg('Countries and regions', { id: 'phone.country-list', desc: 'Name of the country list.' })}
          ?hidden=${!this.open}
        >
          ${
            this.open
              ? options.map(
                  (option, index) =>
                    html`<li
                      id="option-${option.code}"
                      role="option"
                      class=${index === this.activeIndex ? 'active' : ''}
                      aria-selected=${option.code === this.country ? 'true' : 'false'}
                      @mousedown=${(event: MouseEvent) => event.preventDefault()}
                      @click=${() => this.selectCountry(option.code)}
                    >
                      <span>${option.name}</span><span class="ltr">+${option.callingCode}</span>
                    </li>`,
                )
              : nothing
          }
        </ul>
        ${
          this.open && options.length === 0
            ? html`<p class="empty">
                ${msg('No country or region matches.', { id: 'phone.country-none', desc: 'The search found nothing.' })}
              </p>`
            : nothing
        }
      </div>
      <p id="country-hint" class="hint">
        ${
          selected || !this.metadata
            ? nothing
            : msg('Choose the country or region of your phone number.', {
                id: 'phone.country-prompt',
                desc: 'Shown when no country or region is chosen yet.',
              })
        }
      </p>
      <div class="visually-hidden" role="status">
        ${
          this.open && this.query !== undefined
            ? options.length === 1
              ? msg('1 result', { id: 'phone.results-one', desc: 'Announced search result count: one.' })
              : msg(str`${count} results`, { id: 'phone.results', desc: 'Announced search result count.' })
            : ''
        }
      </div>
    </div>`;
  }

  private channelLabel(channel: Channel): string {
    return channel === 'sms'
      ? msg('Text me a code', { id: 'phone.channel-sms', desc: 'Choice: receive the code by text message.' })
      : msg('Call me', { id: 'phone.channel-voice', desc: 'Choice: receive the code by a phone call.' });
  }

  /** The host's suggested channel, under its message, when that is shown and the channel can be used. */
  private renderSuggested(errorShown: boolean) {
    const channel = this.suggestedChannel;
    if (!errorShown || !this.error || !channel || !this.channelsFor(this.country).includes(channel)) return nothing;
    return html`<button type="button" class="suggested" part="button suggested" @click=${this.onSuggested}>
      ${this.channelLabel(channel)}
    </button>`;
  }

  private renderChannels(disabled: boolean) {
    const base = this.channelsFor();
    if (base.length < 2) return nothing;
    const available = this.channelsFor(this.country);
    const country = this.countryName(this.country);
    const unavailable = base.filter((channel) => !available.includes(channel));
    return html`<fieldset part="channels" ?disabled=${disabled || this.isDisabled}>
      <legend>
        ${msg('How should we send your code?', { id: 'phone.channel-legend', desc: 'Legend of the text-or-call choice.' })}
      </legend>
      <div class="choices">
        ${base.map(
          (channel) =>
            html`<label class="choice">
              <input
                type="radio"
                name="channel"
                value=${channel}
                .checked=${this.channel === channel}
                ?disabled=${!available.includes(channel)}
                aria-describedby=${available.includes(channel) ? nothing : 'channel-note'}
                @change=${() => (this.channel = channel)}
              />
              ${this.channelLabel(channel)}
            </label>`,
        )}
        ${
          unavailable.length > 0
            ? html`<p id="channel-note" class="hint choice-note">
                ${
                  unavailable[0] === 'voice'
                    ? msg(str`Calls aren't available for numbers in ${country}.`, {
                        id: 'phone.voice-unavailable',
                        desc: 'The placeholder is a country or region name.',
                      })
                    : msg(str`Text messages aren't available for numbers in ${country}.`, {
                        id: 'phone.sms-unavailable',
                        desc: 'The placeholder is a country or region name.',
                      })
                }
              </p>`
            : nothing
        }
      </div>
    </fieldset>`;
  }
}

defineElement('security-info-phone', SecurityInfoPhone);

declare global {
  interface HTMLElementTagNameMap {
    'security-info-phone': SecurityInfoPhone;
  }
  interface HTMLElementEventMap {
    'phone-submit': CustomEvent<PhoneSubmitDetail>;
  }
}
