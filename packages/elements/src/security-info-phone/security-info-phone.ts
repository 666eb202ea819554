import { html, nothing, type PropertyValues } from 'lit';
import { msg } from '../shared/lit-localize.js';
import {
  loadPhoneMetadataFor,
  type Channel,
  type PhoneMetadata,
  type PhoneProblem,
  type SecurityInfoPolicy,
} from '@security-info/core';
import { defineElement } from '../shared/define.js';
import { listConverter } from '../shared/converters.js';
import { LocalizeController } from '../shared/localized.js';
import { emit } from '../shared/events.js';
import { fireInput, keepInputInside } from '../shared/input-method.js';
import { errorMessage } from '../shared/error-messages.js';
import { FormAssociatedElement } from '../shared/form-associated.js';
import { StepElement } from '../shared/step.js';
import { hostLocale } from '../shared/host-locale.js';
import { textLocale } from '../shared/text-locale.js';
import { IntentLock } from '../shared/intent-lock.js';
import { tokens } from '../shared/tokens.styles.js';
import { fieldStyles } from '../shared/field.styles.js';
import { regionName } from './countries.js';
import { channelChoice, suggestedChannel } from './channel-choice.js';
import { allowedRegions, defaultRegion, offeredChannels } from './phone-settings.js';
import { CountryComboboxController } from './country-combobox.js';
import { PhoneNumberController } from './phone-number.js';
import * as text from './security-info-phone.messages.js';
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

/**
 * "Set up your phone": country or region, the number formatted as it is typed, "Text me a code" or "Call me",
 * and Next. A form control whose value is the number in E.164.
 *
 * The country or region picker is an editable combobox with a listbox (WAI-ARIA APG, list autocomplete with
 * automatic selection): a native `<select>` cannot be searched by calling code or by an English name in another
 * language, and its long lists are hard to use on phones. Type to filter by name (localized or English), ISO code
 * or calling code: the best match is highlighted (and is the active descendant a screen reader announces) as you
 * type, and Enter chooses it, as do Tab and leaving the field any other way. With several matches that is the
 * first, the one highlighted; arrows, Page Up/Down, and Home/End once in the list, choose another. Text that
 * matches nothing stays in the field and leaves no region chosen, so the number is never read for a region the
 * person did not mean: the picker then asks for one. Escape goes back to the previous choice. The number of results
 * is announced.
 *
 * The number accepts whatever people type or paste: national or international format, `00`/`011` prefixes,
 * separators, `tel:` links and digits of any script. A number with a calling code switches the country.
 * Problems are shown when Next is pressed or the field is left, never while the first digits are typed.
 *
 * Announcements: a problem or a host error through an alert linked to the number field; a host message that counts
 * a wait down (`errorCountsDown`) is said once, as it appears, and then counts down outside the alert. The field is
 * marked invalid only for what is wrong with the number: its own problems, and a host error with `numberRejected`.
 *
 * @customElement security-info-phone
 * @summary The phone number step: country or region, number, text or call.
 *
 * @fires {CustomEvent<PhoneSubmitDetail>} phone-submit - Next was pressed with a valid number; `detail` is `{ phoneNumber, country, channel, nationalNumber }`.
 * @fires {Event} input - The person edited the number.
 * @fires {Event} change - The person chose another country or region, in the list or by typing a number with another calling code, or left the number field.
 *
 * @slot actions - Extra buttons after Next, for example Back or Cancel.
 *
 * @csspart heading - The step's heading.
 * @csspart label - The labels of the fields.
 * @csspart picker - The country or region combobox.
 * @csspart loading - The progress shown in the picker while the phone number data loads.
 * @csspart listbox - Its list of countries and regions.
 * @csspart input - The phone number field.
 * @csspart error - The error message.
 * @csspart suggested - The button that sends by the channel the host suggests (with `button`).
 * @csspart channels - The group of "Text me a code" and "Call me".
 * @csspart button - Every button.
 * @csspart next - The Next button.
 *
 * @cssstate loading - The phone number data is not there yet.
 * @cssstate pending - The host is working (also the reflected `pending` attribute).
 * @cssstate invalid - A problem with the number, or a host error, is shown.
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
    numberRejected: { type: Boolean, attribute: 'number-rejected' },
    errorCountsDown: { type: Boolean, attribute: 'error-counts-down' },
    suggestedChannel: { attribute: 'suggested-channel' },
    metadata: { state: true },
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
  /**
   * A message from the host, such as the backend rejecting the number; cleared when the number is edited or the form
   * is reset.
   */
  declare error: string;
  /**
   * `error` is about the number itself (the backend refused it, or it cannot take the codes it would be sent): the
   * number field is marked invalid with it. Other messages (offline, a slow or failing server, a wait, a channel
   * that is down for now) say nothing against what was typed, and leave the field as it is. Cleared with `error`.
   */
  declare numberRejected: boolean;
  /**
   * `error` counts a wait down, the host setting it anew as the time passes ("You can ask again in 0:29."): the
   * alert says it once, as it appears, and from its first change on it is shown outside the alert, so that a
   * screen reader does not read it out each second.
   */
  declare errorCountsDown: boolean;
  /**
   * A channel the host suggests with its `error`, such as `voice` for a number that cannot receive text messages:
   * a button under the message ("Call me") chooses it and submits in one go. Shown while the error is, and only
   * when the channel is available for the number's region.
   */
  declare suggestedChannel: Channel | undefined;

  /** The phone data loaded so far, as state: its arrival re-renders and is acted on (see `dataArrived`). */
  declare private metadata: PhoneMetadata | undefined;

  /** Problems are shown only after Next or leaving the field; from then on they follow the edits. */
  #showProblems = false;
  #problem: PhoneProblem | undefined;

  /**
   * What is wrong with the number, kept up to date as it is typed. Not reactive state: until problems are shown, a
   * change of it renders nothing, and a keystroke asks for no update.
   */
  private get problem(): PhoneProblem | undefined {
    return this.#problem;
  }

  private set problem(problem: PhoneProblem | undefined) {
    if (problem === this.#problem) return;
    this.#problem = problem;
    if (this.#showProblems) this.requestUpdate();
  }
  /** One intent, one event: a number submitted is not submitted again until the host answers or it changes. */
  readonly #submitting = new IntentLock<string>({ timeout: 1000 });
  /** Next was pressed before the phone number data arrived: submit when it does. */
  #submitWhenReady = false;
  /** The nearest `lang`, read at each update: where the person likely is (the country chosen first). */
  #locale: string | undefined;
  /** The language regions are named and sorted in, read at each update: the words' (text-locale.ts). */
  #names: string | undefined;
  /** The custom states set last: only a change is set, as setting one costs even when it is set already. */
  #states: Record<string, boolean> = {};
  /** The channels offered for the chosen region, found at each update. */
  #available: Channel[] = [];
  /** The host's countdown has changed since the alert said it (`errorCountsDown`): shown outside the alert. */
  #quietError = false;
  /** The number's calling code chose another region since the last update: the host hears of it (`change`). */
  #followed = false;
  /** The number shown is one the browser restored, unedited since: its calling code choosing a region is no choice. */
  #restored = false;
  /**
   * The last problem's message, with the problem and the region it names: the form's validity says it at each
   * keystroke, which mostly keeps both. Forgotten at each update, where the language and the region names are read.
   */
  #problemMessage: { problem: PhoneProblem; region: string; text: string } | undefined;

  readonly #combobox = new CountryComboboxController(this, {
    chosen: () => this.country,
    choose: (code) => this.#chooseCountry(code),
  });
  readonly #number = new PhoneNumberController(this, {
    likelyRegion: () => this.#pickDefaultCountry(),
    load: (codes) => this.loadPhoneData(codes),
    loaded: (metadata) => (this.metadata = metadata),
    failed: () => {
      // Next waits for the data (submitWhenReady): say why nothing happens.
      if (!this.#submitWhenReady) return;
      this.#submitWhenReady = false;
      this.numberRejected = false;
      this.error = errorMessage('network');
    },
    edited: () => this.#edited(),
    left: () => this.#numberLeft(),
    followed: () => (this.#followed = true),
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
    this.numberRejected = false;
    this.errorCountsDown = false;
    this.suggestedChannel = undefined;
    new LocalizeController(this);
  }

  /** The number in E.164 when it is valid, else `''`. Setting it shows the number formatted, with its country. */
  get value(): string {
    return this.#number.value;
  }

  set value(value: string) {
    const old = this.value;
    this.#showValue(String(value ?? ''));
    this.#submitting.release();
    this.requestUpdate('value', old);
  }

  /**
   * Loads the phone metadata of these calling codes: by default core's small chunks, each on demand. A subclass may
   * load it from elsewhere, such as its own server, or all of it at once.
   */
  protected loadPhoneData(codes: readonly string[]): Promise<PhoneMetadata> {
    return loadPhoneMetadataFor(codes);
  }

  #pickDefaultCountry(): string {
    return defaultRegion(this, this.#locale, (code) => this.#combobox.option(code) !== undefined);
  }

  // --- Lifecycle ------------------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues): void {
    this.#problemMessage = undefined;
    this.#locale = hostLocale(this);
    this.#names = textLocale(this, this.#locale);
    this.#combobox.offer(this.#names, allowedRegions(this));
    if (changed.has('metadata') && this.metadata) this.#dataArrived(changed.get('metadata') === undefined);
    const unchosen = this.metadata && !this.country && !this.#number.text;
    if (unchosen && (changed.has('defaultCountry') || changed.has('policy'))) this.country = this.#pickDefaultCountry();
    if (changed.has('country')) this.#combobox.chosenChanged(this.country);
    const available = (this.#available = offeredChannels(this, this.country));
    if (available.length > 0 && !available.includes(this.channel)) this.channel = available[0]!;
    if (changed.has('error') && this.error) this.#showProblems = true;
    // A message that was there already and changed is a countdown going on, not news.
    if (changed.has('error')) this.#quietError = this.errorCountsDown && !!this.error && !!changed.get('error');
    if ((changed.has('pending') && !this.pending) || changed.has('error')) this.#submitting.release();
    const invalid = this.#showProblems && (this.problem !== undefined || Boolean(this.error));
    const states: Record<string, boolean> = { pending: this.pending, loading: !this.metadata, invalid };
    for (const [state, on] of Object.entries(states)) if (on !== this.#states[state]) this.toggleState(state, on);
    this.#states = states;
  }

  protected override updated(): void {
    this.#syncForm();
    // A calling code typed chose another region (as it was typed, or once its data arrived): the host hears it as it
    // hears a region chosen in the list, once the picker shows it.
    if (this.#followed && !this.#restored) this.#changed();
    this.#followed = false;
  }

  /** The form's value and validity, from the number as the field shows it (and its check, when known already). */
  #syncForm(check = this.#number.check()): void {
    const number = this.#number.text;
    const input = this.#number.field ?? undefined;
    this.internals.setFormValue(check?.valid ? check.e164 : null, number);
    if (!number.trim() && this.required) {
      this.setValidity({ valueMissing: true }, this.#problemText('required'), input);
    } else if (number.trim() && check && !check.valid) {
      this.setValidity({ customError: true }, this.#problemText(check.problem, check), input);
    } else {
      this.setValidity({});
    }
  }

  /** More phone data arrived: a first region is chosen, a value that waited for it shown, what was typed formatted. */
  #dataArrived(first: boolean): void {
    if (first && !this.country) this.country = this.#pickDefaultCountry();
    const shown = this.#number.refresh();
    if (shown) this.problem = shown.valid ? undefined : shown.problem;
    if (this.#submitWhenReady && this.#number.hasData()) {
      this.#submitWhenReady = false;
      void this.updateComplete.then(() => this.#submit());
    }
  }

  /** Shows an E.164 number (from `value` or a form reset) formatted, with its country. */
  #showValue(value: string): void {
    const check = this.#number.show(value);
    if (!value) this.problem = undefined;
    else if (check) this.problem = check.valid ? undefined : check.problem;
  }

  formResetCallback(): void {
    // A reset puts another number in the field, as an edit does: what the host said was about the one before.
    this.#forgetAnswer();
    this.country = '';
    this.#combobox.reset();
    this.#number.show('');
    this.#showValue(this.getAttribute('value') ?? '');
    if (!this.country) this.country = this.#pickDefaultCountry();
    this.#showProblems = false;
    this.problem = undefined;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') {
      this.#number.restore(state);
      this.#restored = true; // The browser's doing, not the person's: no event, as at a native field.
    }
  }

  // --- Edits ----------------------------------------------------------------------------------------------

  /** The person edited the number: what the host said about the one before goes; problems follow the edit. */
  #edited(): void {
    this.#restored = false;
    this.#forgetAnswer();
    // Checked once, for the problem and for the form's validity and its message.
    const check = this.#number.check();
    this.#updateProblem(check);
    // The message about the number follows what is typed, once shown; until then nothing rendered follows the text,
    // which the field shows already: no update for a keystroke.
    if (this.#showProblems) this.requestUpdate();
    // The form's value and validity now, not at the update: the host's listener reads them, as at a native field's.
    this.#syncForm(check);
    fireInput(this);
  }

  /** The host's error, with its refusal, and the lock on the number submitted, belong to a number no longer there. */
  #forgetAnswer(): void {
    if (this.error) {
      this.error = '';
      this.numberRejected = false;
    }
    this.#submitting.release();
  }

  #updateProblem(check = this.#number.check()): void {
    this.problem = check && !check.valid && this.#number.text.trim() ? check.problem : undefined;
  }

  #numberLeft(): void {
    if (this.#number.text.trim()) {
      this.#showProblems = true;
      this.#updateProblem();
      this.requestUpdate();
    }
    this.#changed();
  }

  /** The person chose a region in the picker, or none (`''`) by leaving text there that matches none. */
  #chooseCountry(code: string): void {
    this.country = code;
    // Without a region the number stays as it is shown, rather than losing the grouping it was typed with.
    if (code) this.#number.refresh();
    this.#updateProblem();
    this.#syncForm(); // The number read for the new region, before the host hears of it.
    this.#changed(); // Once, though the number's calling code took the region back.
  }

  #changed(): void {
    this.#followed = false;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  // --- Submit ---------------------------------------------------------------------------------------------

  readonly #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    this.#submit();
  };

  readonly #onSuggested = (channel: Channel) => {
    this.channel = channel;
    this.#submit();
  };

  #submit(): void {
    if (this.pending || this.isDisabled || this.#submitting.current) return;
    this.#showProblems = true;
    this.requestUpdate(); // The problem known already shows now.
    const check = this.#number.check();
    if (!this.#number.text.trim()) {
      this.problem = 'required';
    } else if (!check) {
      this.#submitWhenReady = true; // Pressed while the data loads (a fast typist, an autofill): act once it is here.
      this.#number.need(); // Asks again if an earlier load failed: offline, Next says so.
      return;
    } else if (!check.valid) {
      this.problem = check.problem;
    } else {
      this.problem = undefined;
      this.#submitting.take(check.e164);
      emit(this, 'phone-submit', {
        phoneNumber: check.e164,
        country: check.region,
        channel: this.channel,
        nationalNumber: check.nationalNumber,
      });
      return;
    }
    this.requestUpdate();
    this.renderRoot
      .querySelector<HTMLInputElement>(this.problem === 'region-required' ? '#country' : '#number')
      ?.focus();
  }

  // --- Rendering ------------------------------------------------------------------------------------------

  #countryName(code: string): string {
    return code ? (this.#combobox.option(code)?.name ?? regionName(code, this.#names)) : '';
  }

  #problemText(problem: PhoneProblem, check = this.#number.check()): string {
    const region = check?.region ?? this.country;
    const last = this.#problemMessage;
    if (last?.problem === problem && last.region === region) return last.text;
    const message = text.problem(problem, this.#countryName(region));
    this.#problemMessage = { problem, region, text: message };
    return message;
  }

  protected override render() {
    const problem = this.#showProblems && this.problem ? this.#problemText(this.problem) : '';
    const message = problem || this.error;
    const quiet = !problem && this.#quietError;
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
      <form
        novalidate
        aria-busy=${this.metadata ? 'false' : 'true'}
        @submit=${this.#onSubmit}
        @input=${keepInputInside}
      >
        ${this.#combobox.render({
          disabled: this.isDisabled,
          readonly: this.readonly || disabled,
          loading: !this.metadata,
        })}
        <div class="field">
          ${this.#number.render({
            // Offline, a slow server or a channel down for now is nothing wrong with what was typed.
            invalid: Boolean(problem) || (this.numberRejected && Boolean(this.error)),
            describedBy: 'phone-message',
            disabled: this.isDisabled,
            readonly: this.readonly || this.pending,
            required: this.required,
          })}
          <p id=${quiet ? nothing : 'phone-message'} class="error" part="error" role="alert">${quiet ? '' : message}</p>
          ${quiet ? html`<p id="phone-message" class="error" part="error">${message}</p>` : nothing}
          ${suggestedChannel({
            channel: message === this.error && !disabled && this.error ? this.suggestedChannel : undefined,
            available: this.#available,
            choose: this.#onSuggested,
          })}
        </div>
        ${channelChoice({
          offered: offeredChannels(this),
          available: this.#available,
          chosen: this.channel,
          disabled: disabled || this.isDisabled,
          country: this.#countryName(this.country),
          choose: (channel) => (this.channel = channel),
        })}
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
