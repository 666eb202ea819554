/**
 * The country or region picker: an editable combobox whose listbox suggests the regions matching what is typed
 * (WAI-ARIA APG, "list autocomplete with automatic selection"). It renders into its host's shadow root, beside
 * the host's other fields, because `aria-activedescendant` names an option by its ID, and an ID does not reach
 * across shadow roots.
 *
 * What is typed is never silently replaced by the previous choice: as the person types, the best match is the
 * active option, and Enter, Tab or leaving the field any other way chooses it (the pattern's automatic selection;
 * with several matches, the first, which is the one highlighted and announced). Text that matches nothing stays in
 * the field and leaves no region chosen. Escape is the deliberate way back to the previous choice.
 */
import { html, nothing, svg, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg, str } from '../shared/lit-localize.js';
import { numberFormat } from '../shared/intl.js';
import { buildCountries, fold, searchCountries, type CountryOption } from './countries.js';

export interface CountryComboboxOptions {
  /** The region chosen now (ISO 3166-1 alpha-2), or `''`. */
  chosen(): string;
  /**
   * The person chose a region, or left text that matches none (`''`); the host makes it its choice and renders.
   * Called only for a choice that differs from `chosen()`.
   */
  choose(code: string): void;
}

/** What the host's state means for the picker, at each render. */
export interface CountryComboboxState {
  /** Disabled, as the host is. */
  disabled: boolean;
  /** Shown but not changed: the host is read-only or working. */
  readonly: boolean;
  /** The phone data is on its way: a progress sign instead of the button that opens the list, and no prompt. */
  loading: boolean;
}

/** How far PageUp and PageDown move. */
const PAGE = 10;

/** A press on the list or its button leaves focus in the field, where the keys work and the screen reader is. */
const keepFocus = (event: MouseEvent) => event.preventDefault();

export class CountryComboboxController implements ReactiveController {
  /** What the person typed, shown instead of the choice until they choose; `undefined` shows the choice. */
  #query: string | undefined;
  #open = false;
  /** The index of the active option among the filtered ones; -1 for none. */
  #active = -1;
  /** An arrow key moved in the list: Home and End then move in it too, rather than in the text. */
  #browsing = false;
  /** The choice that text matching nothing took away: Escape gives it back. */
  #previous: string | undefined;
  /** The active option changed: it is scrolled into view after the render. */
  #scroll = false;

  #regions: CountryOption[] = [];
  #byCode = new Map<string, CountryOption>();
  #regionsKey: string | undefined;
  #locale: string | undefined;
  /** The regions that match `#query`. */
  #found: CountryOption[] = [];

  readonly #host: ReactiveControllerHost & { readonly renderRoot: ParentNode };
  readonly #options: CountryComboboxOptions;

  constructor(host: ReactiveControllerHost & { readonly renderRoot: ParentNode }, options: CountryComboboxOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Offers the `allowed` regions (all when empty), named and sorted in `locale`; built again only on a change. */
  offer(locale: string | undefined, allowed: readonly string[]): void {
    const key = `${locale}|${allowed.join()}`;
    if (key === this.#regionsKey) return;
    this.#regionsKey = key;
    this.#locale = locale;
    this.#regions = buildCountries(locale, allowed);
    this.#byCode = new Map(this.#regions.map((option) => [option.code, option]));
    this.#search();
  }

  /** A region's option, found without a scan (renders ask on every keystroke); `undefined` when not offered. */
  option(code: string): CountryOption | undefined {
    return this.#byCode.get(code);
  }

  /**
   * The host's choice changed by other means (a number with a calling code, a value, a reset): the field shows it.
   * Text that matched nothing stays only while no region is chosen.
   */
  chosenChanged(code: string): void {
    if (!code) return;
    this.#previous = undefined;
    if (this.#query !== undefined) this.#close();
  }

  /** Forgets what was typed and closes the list. */
  reset(): void {
    this.#previous = undefined;
    this.#close();
  }

  hostUpdated(): void {
    if (!this.#scroll) return;
    this.#scroll = false;
    // In the next frame, where the browser lays the list out anyway: scrolling now would make it lay out the list
    // once more for every keystroke.
    requestAnimationFrame(() =>
      this.#host.renderRoot.querySelector('[role="option"].active')?.scrollIntoView({ block: 'nearest' }),
    );
  }

  render({ disabled, readonly, loading }: CountryComboboxState) {
    const options = this.#filtered();
    const chosen = this.option(this.#options.chosen());
    const shown = this.#query ?? (chosen ? `${chosen.name} (+${chosen.callingCode})` : '');
    const active = this.#open ? options[this.#active] : undefined;
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
          aria-expanded=${String(this.#open)}
          aria-controls="countries"
          aria-activedescendant=${active ? `option-${active.code}` : ''}
          aria-describedby="country-hint"
          placeholder=${chosen ? '' : msg('Choose or search', { id: 'phone.country-placeholder', desc: 'Placeholder of the empty country picker.' })}
          .value=${shown}
          ?disabled=${disabled}
          ?readonly=${readonly}
          @input=${this.#onInput}
          @keydown=${this.#onKeydown}
          @focus=${this.#onFocus}
          @blur=${this.#onBlur}
        />
        ${loading ? html`<span class="loading" part="loading"><span class="spinner" aria-hidden="true"></span></span>` : nothing}
        <button
          type="button"
          class="toggle"
          tabindex="-1"
          aria-label=${msg('Show countries and regions', { id: 'phone.country-toggle', desc: 'Button that opens the country list.' })}
          aria-expanded=${String(this.#open)}
          aria-controls="countries"
          ?hidden=${loading}
          ?disabled=${disabled || readonly}
          @mousedown=${keepFocus}
          @click=${this.#onToggle}
        >
          <svg viewBox="0 0 20 20" aria-hidden="true">
            ${svg`<path d="M5 7.5l5 5 5-5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>`}
          </svg>
        </button>
        <ul
          id="countries"
          role="listbox"
          part="listbox"
          aria-label=${msg('Countries and regions', { id: 'phone.country-list', desc: 'Name of the country list.' })}
          ?hidden=${!this.#open}
        >
          ${this.#open ? options.map((option) => this.#renderOption(option, option === active, option === chosen)) : nothing}
        </ul>
        ${
          this.#open && options.length === 0
            ? html`<p class="empty">
                ${msg('No country or region matches.', { id: 'phone.country-none', desc: 'The search found nothing.' })}
              </p>`
            : nothing
        }
      </div>
      <p id="country-hint" class="hint">
        ${
          chosen || loading
            ? nothing
            : msg('Choose the country or region of your phone number.', {
                id: 'phone.country-prompt',
                desc: 'Shown when no country or region is chosen yet.',
              })
        }
      </p>
      <div class="visually-hidden" role="status">
        ${this.#open && this.#query !== undefined ? this.#count(options.length) : ''}
      </div>
    </div>`;
  }

  // The active option is the selected one (`aria-selected`), as the pattern has it: Enter, Tab or leaving the field
  // chooses it. The region chosen before is marked by its weight only.
  #renderOption(option: CountryOption, active: boolean, chosen: boolean) {
    return html`<li
      id="option-${option.code}"
      role="option"
      class=${active ? (chosen ? 'active chosen' : 'active') : chosen ? 'chosen' : ''}
      aria-selected=${active ? 'true' : nothing}
      @mousedown=${keepFocus}
      @click=${() => this.#choose(option.code)}
    >
      <span>${option.name}</span><span class="ltr">+${option.callingCode}</span>
    </li>`;
  }

  #count(results: number): string {
    if (results === 1) return msg('1 result', { id: 'phone.results-one', desc: 'Announced search result count: one.' });
    const count = numberFormat(this.#locale).format(results);
    return msg(str`${count} results`, { id: 'phone.results', desc: 'Announced search result count.' });
  }

  #filtered(): CountryOption[] {
    return this.#query === undefined ? this.#regions : this.#found;
  }

  #search(): void {
    if (this.#query !== undefined) this.#found = searchCountries(this.#regions, this.#query);
  }

  /** Opens (or closes) the list with the option at `active` active (-1: none) and renders. */
  #set(open: boolean, active = -1, browsing = false): void {
    this.#open = open;
    this.#active = active;
    this.#browsing = browsing;
    this.#scroll = open;
    this.#host.requestUpdate();
  }

  #openAtChosen(): void {
    const chosen = this.#options.chosen();
    this.#set(
      true,
      Math.max(
        0,
        this.#filtered().findIndex((option) => option.code === chosen),
      ),
    );
  }

  #move(index: number): void {
    const last = this.#filtered().length - 1;
    this.#set(true, Math.min(Math.max(index, 0), last), true);
  }

  #close(): void {
    this.#query = undefined;
    this.#set(false);
  }

  #choose(code: string): void {
    this.#previous = undefined;
    this.#close();
    if (code !== this.#options.chosen()) this.#options.choose(code);
  }

  /**
   * The option Enter and leaving the field choose: the active one; else, for typed text, the best match; else the
   * only one there is.
   */
  #best(): CountryOption | undefined {
    const options = this.#filtered();
    const typed = this.#query !== undefined && fold(this.#query) !== '';
    return (this.#open ? options[this.#active] : undefined) ?? (typed || options.length === 1 ? options[0] : undefined);
  }

  readonly #onBlur = () => {
    const option = this.#open || this.#query !== undefined ? this.#best() : undefined;
    if (option) return this.#choose(option.code);
    if (this.#query === undefined || !fold(this.#query)) return this.#close();
    // Text that matches nothing stays where the person can see and fix it, and no region is chosen, so that the
    // number is not read for a region they did not mean.
    this.#set(false);
    const chosen = this.#options.chosen();
    if (chosen) {
      this.#previous = chosen;
      this.#options.choose('');
    }
  };

  readonly #onInput = (event: Event) => {
    const query = (this.#query = (event.target as HTMLInputElement).value);
    this.#search();
    // Automatic selection: the best match is active while the person types, so Enter or Tab chooses it.
    this.#set(true, fold(query) && this.#found.length > 0 ? 0 : -1);
  };

  readonly #onKeydown = (event: KeyboardEvent) => {
    // An input method's Enter commits its text, not an option; a read-only picker shows, it does not change.
    if (event.isComposing || (event.target as HTMLInputElement).readOnly) return;
    const handled = () => event.preventDefault();
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        handled();
        const down = event.key === 'ArrowDown';
        if (down && event.altKey) {
          if (!this.#open) this.#set(true);
        } else if (this.#open) this.#move(this.#active + (down ? 1 : -1));
        else if (this.#query === undefined) this.#openAtChosen();
        else this.#set(true, down ? 0 : this.#filtered().length - 1);
        break;
      }
      case 'Home':
      case 'End':
        // While typing, these move the caret in the text; in the list, to its first or last option.
        if (this.#open && this.#browsing) {
          handled();
          this.#move(event.key === 'Home' ? 0 : this.#filtered().length - 1);
        }
        break;
      case 'PageDown':
      case 'PageUp':
        if (this.#open) {
          handled();
          this.#move(this.#active + (event.key === 'PageDown' ? PAGE : -PAGE));
        }
        break;
      case 'Enter': {
        handled();
        const option = this.#open ? this.#best() : undefined;
        if (option) this.#choose(option.code);
        else if (!this.#open) this.#openAtChosen();
        break;
      }
      case 'Escape':
        if (this.#open || this.#query !== undefined) {
          handled();
          const previous = this.#previous;
          this.reset();
          if (previous && !this.#options.chosen()) this.#options.choose(previous);
        }
        break;
    }
  };

  readonly #onFocus = (event: FocusEvent) => {
    (event.target as HTMLInputElement).select();
  };

  readonly #onToggle = () => {
    if (this.#open) this.#set(false);
    else this.#openAtChosen();
    this.#host.renderRoot.querySelector<HTMLInputElement>('#country')?.focus();
  };
}
