import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  METHOD_IDS,
  type MethodId,
  type RegisteredMethod,
  type Registrations,
  type SecurityInfoAdapter,
  type SecurityInfoPolicy,
} from '@security-info/core';
import { msg, str } from '../shared/lit-localize.js';
import { defineElement } from '../shared/define.js';
import { textLocale } from '../shared/text-locale.js';
import { LocalizeController } from '../shared/localized.js';
import { CustomStatesController } from '../shared/custom-states.js';
import { addFeatureMessages } from '../shared/feature-messages.js';
import { failureMessage } from '../shared/failure-message.js';
import { tokens } from '../shared/tokens.styles.js';
import { methodsStyles } from './security-info-methods.styles.js';
import { MethodsLoader } from './methods-loader.js';
import { PhoneNumbersController } from './phone-numbers.js';
import { channelText, kindName } from './labels.js';
import { emptyNote, failure, loading, offlineNote } from './page-states.js';
import { pageStates, type PageState } from './states.js';
import type { PageActions } from './actions.js';

/**
 * What changed: a method added or changed (by the wizard), a method deleted, the default chosen, a passkey renamed,
 * new recovery codes made.
 */
export type SecurityInfoMethodsChange = 'added' | 'replaced' | 'removed' | 'default' | 'renamed' | 'recovery-codes';

export interface SecurityInfoMethodsChangeDetail {
  change: SecurityInfoMethodsChange;
}

/** Deleting, choosing the default, and the wizard: loaded once the list shows, so the first view is the list alone. */
const loadActions = () => import('./actions.js');

/**
 * The Security info page: the person's sign-in methods, their default sign-in method with Change, "Add sign-in
 * method", and each method's Change and Delete. Adds and changes go through `<security-info-wizard>`, loaded when
 * first needed and shown in a modal dialog (or in place of the list, with `inline`): Change starts it at the
 * method's own steps (a phone, an email address, an authenticator app, security questions), and the new one takes
 * the old one's place once verified. Deletions and the default go through the adapter's `removeMethod` and
 * `setDefaultMethod`.
 *
 * The element shows; controllers do the work: `MethodsLoader` (the list and the policy), `PhoneNumbersController`
 * (masked numbers), and, loaded after the list, `PageActions` (actions.ts: the dialogs, the wizard, the changes
 * with the sign-in they may need, and what is said to screen readers when one was made).
 *
 * The wizard's events (`security-info-complete`, `security-info-cancel`, `method-select`, ...) bubble out of this
 * element too.
 *
 * @customElement security-info-methods
 * @summary The person's security info: their sign-in methods, the default, Add, Change and Delete.
 *
 * @fires {CustomEvent<SecurityInfoMethodsChangeDetail>} security-info-methods-change - A change was made: `detail.change` is `added`, `replaced` (a method changed), `removed`, `default`, `renamed` (a passkey) or `recovery-codes` (a new set, shown once).
 * @fires {CustomEvent<SecurityInfoReauthenticateDetail>} security-info-reauthenticate - The backend refused a call until the person signs in, as the wizard's event of that name (the wizard's own bubbles out too). Call `detail.retryAfter(signedIn)` during the event: the refused call is made once more when `signedIn` fulfils; when it rejects, nothing is changed and the page says so. `preventDefault()` alone: the host signs the person in its own way, and the page shows no message.
 *
 * @csspart heading - The page's heading.
 * @csspart intro - The sentence under it.
 * @csspart note - Notes: offline, the empty list, why a method cannot be deleted.
 * @csspart skeleton - The placeholder rows while the list loads.
 * @csspart default - The default sign-in method, with its Change.
 * @csspart default-method - The default method's name and number.
 * @csspart list - The list of methods.
 * @csspart method - Each method's row.
 * @csspart method-name - Each method's name.
 * @csspart identifier - A phone's number, masked unless the person shows it, an email address, masked, or a passkey's name.
 * @csspart detail - A row's other lines: the channel, how many security questions are answered, when it was added and last used.
 * @csspart reveal - The button that shows or hides a number.
 * @csspart button - The page's and the dialogs' buttons.
 * @csspart add - The "Add sign-in method" button (with `button`).
 * @csspart error - A failure: of the list, of a row's change.
 * @csspart status - Work under way at a row.
 * @csspart dialog - The modal dialog: a confirmation, the default's choice, the wizard.
 * @csspart dialog-heading - The dialog's heading.
 * @csspart choice - Each method offered as the default.
 * @csspart wizard - The wizard's section in place of the list, with `inline`.
 * @csspart recovery - The offer of recovery codes to a person who has none (when the policy allows them).
 * @csspart codes - The new recovery codes in their dialog, shown once.
 * @csspart input - The field of a passkey's new name.
 *
 * @cssprop --si-methods-max-width - Widest the page grows. Default `40rem`.
 * @cssprop --si-methods-row-background - Background of each method's row.
 * @cssprop --si-color-danger - The Delete button of the confirmation. Default the error colour.
 * @cssprop --si-color-accent - Accent of buttons and focus rings, shared by every element.
 *
 * @cssstate loading - The list is loading (the first time, or again after a failure).
 * @cssstate empty - The list is shown, and holds no method.
 * @cssstate error - The list could not be loaded: the failure and Try again are shown.
 * @cssstate offline - The device has no connection.
 * @cssstate busy - A change is under way (a deletion, the default), or a dialog or the wizard is being opened.
 * @cssstate adding - The wizard is open to add a method.
 * @cssstate changing - The wizard is open to change a method.
 */
export class SecurityInfoMethods extends LitElement {
  static override styles = [tokens, methodsStyles];

  static override properties = {
    adapter: { attribute: false },
    policy: { attribute: false },
    defaultCountry: { attribute: 'default-country' },
    inline: { type: Boolean, reflect: true },
    timeout: { type: Number },
    revealed: { state: true },
    offline: { state: true },
    actions: { state: true },
    unavailable: { state: true },
  };

  /** The host's backend, the wizard's too. Needs `listMethods`; `removeMethod` and `setDefaultMethod` offer Delete and the default's Change. */
  declare adapter: SecurityInfoAdapter | undefined;
  /** The organization's policy, for the wizard and the order of the default's choices; when given, `adapter.getPolicy` is not called. */
  declare policy: SecurityInfoPolicy | undefined;
  /** The country or region the wizard chooses at first for a new phone (ISO 3166-1 alpha-2). */
  declare defaultCountry: string | undefined;
  /** Shows the wizard in place of the list instead of in a modal dialog. */
  declare inline: boolean;
  /** Milliseconds each adapter call may take before it fails with `timeout`. Default 30000. */
  declare timeout: number;

  /** The phones whose whole number the person asked to see. */
  declare private revealed: ReadonlySet<string>;
  declare private offline: boolean;
  declare private actions: PageActions | undefined;
  /** What an action needs could not be loaded (offline). */
  declare private unavailable: boolean;

  private readonly loader = new MethodsLoader(this, {
    adapter: () => this.adapter,
    timeout: () => this.timeout,
    loaded: (registrations) => {
      this.numbers.need(registrations.methods.flatMap((method) => method.phone?.phoneNumber ?? []));
      this.actions?.loaded(registrations);
      // Fetched while the person reads the list, so the first click does not wait for it.
      this.withActions(() => undefined);
    },
    failed: () => {
      this.actions?.failed();
      // Try again left focus on the heading: when that load fails too, focus goes back to Try again (the failure
      // is said by its alert), so a keyboard need not look for it. The actions do this after a change, but a list
      // that never loaded has not loaded them.
      if (this.renderRoot.querySelector('h2:focus'))
        void this.updateComplete.then(() =>
          this.renderRoot.querySelector<HTMLElement>('[data-focus="retry"]')?.focus(),
        );
    },
  });
  private readonly numbers = new PhoneNumbersController(this);
  constructor() {
    super();
    this.inline = false;
    this.timeout = 30_000;
    this.revealed = new Set();
    this.offline = false;
    this.unavailable = false;
    new LocalizeController(this);
    new CustomStatesController<PageState>(this, () =>
      pageStates(
        this.loader,
        this.offline,
        !!this.actions?.busy,
        this.renderRoot.querySelector('security-info-wizard'),
      ),
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.onConnection();
    addEventListener('online', this.onConnection);
    addEventListener('offline', this.onConnection);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.onConnection);
    removeEventListener('offline', this.onConnection);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter')) this.loader.load();
  }

  private readonly onConnection = () => {
    this.offline = globalThis.navigator?.onLine === false;
  };

  /** Runs `action` once the actions are here; when they cannot load (offline), the page says so. */
  private withActions(action: (actions: PageActions) => unknown): void {
    this.unavailable = false;
    loadActions().then(
      ({ PageActions }) =>
        action(
          // What the actions need of the element, made once, when they are here.
          (this.actions ??= new PageActions({
            element: this,
            loader: this.loader,
            numbers: this.numbers,
            describe: (method) => this.describe(method),
            unavailable: () => (this.unavailable = true),
          })),
        ),
      () => (this.unavailable = true),
    );
  }

  private toggle(id: string): void {
    const revealed = new Set(this.revealed);
    if (!revealed.delete(id)) revealed.add(id);
    this.revealed = revealed;
  }

  /**
   * A method's name, and what identifies it: a phone's number (masked unless revealed), an email address (masked,
   * by the actions' chunk); a placeholder until what shows it is here.
   */
  private describe(method: RegisteredMethod): TemplateResult {
    const number = method.phone?.phoneNumber;
    const named = method.passkey?.name;
    const identified = number || method.email || named;
    const shown = number
      ? this.revealed.has(method.id)
        ? this.numbers.full(number)
        : this.numbers.masked(number)
      : this.actions?.identifier(method);
    // The space goes in the name's own text: a name computed from this (a button's, a dialog's) keeps it there.
    return html`${identified ? `${kindName(method.kind)} ` : kindName(method.kind)}${
      identified
        ? named
          ? html`<bdi part="identifier">${named}</bdi>`
          : html`<span class="ltr" part="identifier">${shown || html`<span class="placeholder"></span>`}</span>`
        : nothing
    }`;
  }

  // --- Rendering --------------------------------------------------------------------------------------------

  protected override render() {
    const { status, registrations } = this.loader;
    return html`<h2 part="heading" tabindex="-1">
        ${msg('Security info', { id: 'methods.heading', desc: 'Heading of the page that lists sign-in methods.' })}
      </h2>
      <p part="intro">
        ${msg('These are the methods you use to sign in to your account or reset your password.', {
          id: 'methods.intro',
          desc: 'The sentence under the heading "Security info".',
        })}
      </p>
      ${this.offline ? offlineNote() : nothing}
      ${
        this.actions?.inline
          ? nothing
          : status === 'failed'
            ? failure(this.loader, () => {
                // Try again goes with the failure: focus waits on the heading, which every state shows.
                this.renderRoot.querySelector('h2')?.focus();
                this.loader.load();
              })
            : status === 'ready' && registrations
              ? this.renderMethods(registrations)
              : loading()
      }
      ${this.actions?.render()}`;
  }

  private renderMethods(registrations: Registrations): TemplateResult {
    const { methods } = registrations;
    const empty = methods.length === 0;
    return html`${empty ? emptyNote() : this.renderDefault(registrations)}
    ${
      this.adapter
        ? html`<div class="actions">
            <button
              type="button"
              class="primary"
              part="button add"
              data-focus="add"
              aria-disabled=${this.actions?.busy ? 'true' : nothing}
              aria-describedby="progress"
              @click=${() => this.withActions((actions) => actions.openWizard())}
            >
              ${msg('Add sign-in method', { id: 'methods.add', desc: 'Button and heading: add a new sign-in method.' })}
            </button>
          </div>`
        : nothing
    }
    ${this.unavailable ? html`<p class="error" part="error" role="alert">${failureMessage('network')}</p>` : nothing}
    ${
      empty
        ? nothing
        : html`<ul part="list" role="list">
            ${methods.map((method) => this.renderMethod(method))}
          </ul>`
    }`;
  }

  private renderDefault({ methods, defaultMethodId }: Registrations): TemplateResult {
    const current = methods.find((method) => method.id === defaultMethodId);
    const choices = methods.filter((method) => method.purposes.includes('mfa')).length;
    // Its change shows at the row keyed DEFAULT_ROW (operations.ts): with a colon, which no method's id has.
    return html`<div class="default" part="default">
      <span class="label" id="default-label">
        ${msg('Default sign-in method', {
          id: 'methods.default',
          desc: 'Label of the method sign-in asks for first; the method follows.',
        })}
      </span>
      <strong part="default-method">
        ${current ? this.describe(current) : msg('None', { id: 'methods.default-none', desc: 'No default method.' })}
      </strong>
      ${
        this.adapter?.setDefaultMethod && choices > 1
          ? this.renderButton('default', 'default-label', (actions) => actions.chooseDefault())
          : nothing
      }
      ${this.actions?.renderRow(':default')}
    </div>`;
  }

  private renderMethod(method: RegisteredMethod): TemplateResult {
    const { id, phone } = method;
    // In the language of the words around them ("Added …"), else the page's lang (text-locale.ts).
    const when = new Intl.DateTimeFormat(textLocale(this), { dateStyle: 'medium' });
    const added = when.format(new Date(method.addedAt));
    const used = method.lastUsedAt && when.format(new Date(method.lastUsedAt));
    return html`<li class="method" part="method">
      <div class="about">
        <span class="name" part="method-name" id="name-${id}">${this.describe(method)}</span>
        ${
          phone
            ? html`<button
                  type="button"
                  class="link"
                  part="reveal"
                  id="reveal-${id}"
                  aria-labelledby="reveal-${id} name-${id}"
                  @click=${() => this.toggle(id)}
                >
                  ${
                    this.revealed.has(id)
                      ? msg('Hide number', {
                          id: 'methods.hide-number',
                          desc: 'Button that masks a phone number again.',
                        })
                      : msg('Show number', {
                          id: 'methods.show-number',
                          desc: 'Button that shows a whole phone number.',
                        })
                  }
                </button>
                <span class="detail" part="detail">${channelText(phone.channel)}</span>`
            : this.actions?.detail(method)
        }
        <span class="detail" part="detail">
          ${msg(str`Added ${added}`, { id: 'methods.added-on', desc: 'When a method was added; a date follows.' })}
        </span>
        <span class="detail" part="detail">
          ${
            used
              ? msg(str`Last used ${used}`, { id: 'methods.used-on', desc: 'When a method was last used to sign in.' })
              : msg('Never used to sign in', { id: 'methods.never-used', desc: 'A method not used to sign in yet.' })
          }
        </span>
        ${
          method.removable
            ? nothing
            : html`<span class="note" part="note" id="required-${id}">
                ${msg(
                  "Your organization requires you to keep a way to verify it's you, so this method can't be deleted until you add another.",
                  {
                    id: 'methods.required',
                    desc: 'Under a method that cannot be deleted: without it the person would keep fewer methods for two-step verification than the organization requires.',
                  },
                )}
              </span>`
        }
      </div>
      <div class="row-actions">
        ${
          method.kind === 'passkey'
            ? this.adapter?.renameMethod
              ? this.renderButton(`rename:${id}`, `name-${id}`, (actions) => actions.rename(method))
              : nothing
            : method.kind === 'recovery-codes'
              ? this.adapter?.generateRecoveryCodes
                ? this.renderButton(`codes:${id}`, `name-${id}`, (actions) => actions.newCodes(method))
                : nothing
              : METHOD_IDS.includes(method.kind as MethodId) && this.adapter
                ? this.renderButton(`change:${id}`, `name-${id}`, (actions) => actions.openWizard(method))
                : nothing
        }
        ${
          this.adapter?.removeMethod
            ? this.renderButton(
                `delete:${id}`,
                `name-${id}`,
                (actions) => actions.confirmDelete(method),
                method.removable ? undefined : `required-${id}`,
              )
            : nothing
        }
      </div>
      ${this.actions?.renderRow(id)}
    </li>`;
  }

  /**
   * Change or Delete, named with what it acts on ("Delete Phone +31 6 •••• 5678"); unavailable but focusable, with
   * the reason as its description, while a change runs (the row's "Saving…", `progress` in actions.ts) or when the
   * method cannot be deleted (`why`). `progress` is named always, as by Add: the element of that id is there only
   * while a change runs, so the description is there exactly then, and the first view need not follow it.
   */
  private renderButton(key: string, about: string, action: (actions: PageActions) => void, why?: string) {
    const available = !why && !this.actions?.busy;
    return html`<button
      type="button"
      part="button"
      id=${key}
      data-focus=${key}
      aria-labelledby="${key} ${about}"
      aria-describedby="progress ${why ?? ''}"
      aria-disabled=${available ? nothing : 'true'}
      @click=${() => available && this.withActions(action)}
    >
      ${
        key.startsWith('delete')
          ? msg('Delete', { id: 'methods.delete', desc: 'Button that deletes a sign-in method.' })
          : key.startsWith('rename')
            ? msg('Rename', { id: 'methods.rename', desc: 'Button that renames a passkey.' })
            : key.startsWith('codes')
              ? msg('Get new codes', {
                  id: 'methods.codes-new',
                  desc: 'Button that replaces the recovery codes with a new set (the old ones stop working).',
                })
              : msg('Change', { id: 'methods.change', desc: 'Button that changes a phone or the default method.' })
      }
    </button>`;
  }
}

/**
 * The page's words in the other languages (ids `methods.…`) are split from the locale modules and load with the
 * page; even the map of their modules waits until a language other than English is shown.
 */
addFeatureMessages(() => import('../generated/locales/methods/index.js'));

defineElement('security-info-methods', SecurityInfoMethods);

declare global {
  interface HTMLElementTagNameMap {
    'security-info-methods': SecurityInfoMethods;
  }
  interface HTMLElementEventMap {
    'security-info-methods-change': CustomEvent<SecurityInfoMethodsChangeDetail>;
  }
}
