/**
 * Everything on the Security info page that acts rather than shows: Delete with its confirmation, the default's
 * Change, a passkey's Rename, new recovery codes (made behind the sign-in the backend may ask for, shown once by
 * recovery-codes.ts), Add and Change through the wizard, each change's progress and failure at its row, and what is said and
 * where focus goes once the change shows. The element loads this module when the list has shown (and at the
 * latest on the first click), so its first view is the list alone.
 */
import { adoptStyles, html, nothing, type LitElement, type ReactiveController, type TemplateResult } from 'lit';
import {
  METHOD_IDS,
  typedPasskeyName,
  readPolicy,
  type RecoveryCodes,
  type MethodId,
  type RegisteredMethod,
  type Registrations,
  type SecurityInfoAdapter,
  type SecurityInfoPolicy,
} from '@security-info/core';
import { msg, str } from '../shared/lit-localize.js';
import { emit } from '../shared/events.js';
import { textLocale } from '../shared/text-locale.js';
import { errorMessage } from '../shared/error-messages.js';
import { tooManyChanges } from '../shared/too-many-changes.js';
import { AnnouncerController } from '../shared/announcer.js';
import { DEFAULT_ROW, FIRST_CODES_ROW, OperationsController, type Operation } from './operations.js';
import { ModalController } from './modal.js';
import { LangController } from './lang.js';
import { defaultChoices, renderOpen, type DialogHandlers, type Open } from './dialogs.js';
import { dialogStyles } from './dialogs.styles.js';
import { callAdapter } from './call.js';
import { kindName } from './labels.js';
import { detail, identifier } from './method-details.js';
// Part of this chunk rather than one of its own: a chunk of its own, sharing Lit and the words with the list, made
// esbuild split the list's first chunks and grow its first view by 160 B gzipped; here it grows nothing that the
// first view loads (npm run bench).
import { CodesDialog } from './recovery-codes.js';
import type { SecurityInfoMethods, SecurityInfoMethodsChange } from './security-info-methods.js';
import type { MethodsLoader } from './methods-loader.js';
import type { PhoneNumbersController } from './phone-numbers.js';

/**
 * What the actions need of the element, beside its own properties (the adapter, the host's policy, with which
 * `getPolicy` is not called, the timeout, `inline`, the default country), read from it here rather than passed in
 * functions from the list's first view.
 */
export interface ActionsHost {
  element: SecurityInfoMethods;
  loader: MethodsLoader;
  numbers: PhoneNumbersController;
  /** A method's name, and its number for a phone, as the list shows them. */
  describe(method: RegisteredMethod): TemplateResult;
  /** The wizard's code could not be loaded (offline): the page says so. */
  unavailable(): void;
}

/** The wizard: loaded when Add or Change is pressed. */
const loadWizard = () => import('../security-info-wizard/security-info-wizard.js');

/** The wizard's rule: a backend without policies enrolls phones. */
const PHONE_POLICY: SecurityInfoPolicy = { methods: [{ id: 'phone', purposes: ['mfa', 'password-reset'] }] };

export class PageActions implements ReactiveController {
  private readonly operations: OperationsController;
  private readonly modal: ModalController<Open>;
  /**
   * What the wizard registered (a phone's number; for other methods their kind and the methods there were before),
   * to give focus to its row once the wizard is closed and the list shows it.
   */
  private completed:
    { kind: MethodId; phoneNumber?: string; before: ReadonlySet<string>; replaced?: string } | undefined;
  /** The methods listed when the wizard opened: the one it adds is the one not among them. */
  private before: ReadonlySet<string> = new Set();
  /** Where focus goes once the list shows the change just made (the row it was on may be gone). */
  private focusAfterLoad: string | undefined;
  /** A dialog or the wizard waits for what it needs (the policy, the wizard's code). */
  private opening = false;
  /** What changed while a modal dialog was open: said once it closes (release). */
  private held: string | undefined;
  private readonly announcer: AnnouncerController;
  private policy: { adapter: SecurityInfoAdapter; policy: Promise<SecurityInfoPolicy | undefined> } | undefined;
  /** The organization lets people make recovery codes, and the adapter can: the page offers them. */
  private codesOffered = false;

  constructor(private readonly host: ActionsHost) {
    const { element } = host;
    this.operations = new OperationsController(element, {
      adapter: () => element.adapter,
      timeout: () => element.timeout,
      done: (operation, id, codes) => (codes ? this.showCodes(codes) : this.changed(operation, id)),
      stale: (operation, id) => {
        // The list shown anew may no longer hold the row focus was on (or put another method there): focus goes back
        // to the control the refused change came from, beside its failure.
        this.focusAfterLoad =
          operation === 'default'
            ? 'default'
            : id === FIRST_CODES_ROW
              ? 'codes'
              : `${operation === 'remove' ? 'delete' : operation}:${id}`;
        host.loader.load();
      },
    });
    // The page around a modal dialog is inert, its live region unheard: what changed is said once it closes.
    this.modal = new ModalController(element, () => this.release());
    this.announcer = new AnnouncerController(element);
    // The dialogs' styles come with them.
    adoptStyles(element.renderRoot as ShadowRoot, [
      ...(element.constructor as typeof LitElement).elementStyles,
      dialogStyles,
    ]);
    element.requestUpdate();
    // The lang that applies to the element picks its dates' conventions (text-locale.ts): they follow a change to
    // it, whether of the element's own lang, a wrapper's or the document's. A change before this chunk arrived shows
    // with the update just asked for.
    new LangController(element);
    element.addController(this);
    this.offerCodes();
  }

  /** Whether the policy offers recovery codes (asked for only when the adapter can make them). */
  private offerCodes(): void {
    const adapter = this.host.element.adapter;
    if (!adapter?.generateRecoveryCodes) return;
    void this.loadPolicy(adapter).then((policy) => {
      this.codesOffered = policy?.recoveryCodes === true;
      this.host.element.requestUpdate();
    });
  }

  /** A change is under way, or something opens: the page's buttons wait. */
  get busy(): boolean {
    return this.operations.busy || this.opening;
  }

  /**
   * The organization's policy, for the order of the default's choices and the wizard: the host's, or asked for
   * once; the wizard's rule without `getPolicy` (phones). `undefined` when it cannot be had now: the default's
   * choices then follow the list, and the wizard asks for it itself.
   */
  private loadPolicy(adapter: SecurityInfoAdapter): Promise<SecurityInfoPolicy | undefined> {
    const given = this.host.element.policy;
    if (given) return Promise.resolve(given);
    if (!adapter.getPolicy) return Promise.resolve(PHONE_POLICY);
    if (this.policy?.adapter !== adapter) {
      const policy = callAdapter(
        (signal) =>
          adapter.getPolicy!({ signal }).then(async (value) => ({
            ...(await readPolicy(value)),
            // readPolicy keeps what the wizard reads; whether recovery codes are offered is the page's alone.
            ...((value as { recoveryCodes?: unknown }).recoveryCodes === true && { recoveryCodes: true }),
          })),
        new AbortController(),
        this.host.element.timeout,
      ).catch(() => {
        this.policy = undefined;
        return undefined;
      });
      this.policy = { adapter, policy };
    }
    return this.policy.policy;
  }

  /** Runs `open` once what it needs is here, unless something is under way or open already. */
  private async prepare<T>(need: () => Promise<T>, open: (value: T) => void): Promise<void> {
    if (this.busy || this.modal.current) return;
    this.opening = true;
    this.host.element.requestUpdate();
    let value: T;
    try {
      value = await need();
    } catch {
      return this.host.unavailable();
    } finally {
      this.opening = false;
      this.host.element.requestUpdate();
    }
    open(value);
  }

  /** The wizard is shown in place of the list. */
  get inline(): boolean {
    return this.modal.current?.type === 'wizard' && this.host.element.inline;
  }

  /** Opens the wizard to add a method, or (`replaces`) to change one: it starts at that method's steps. */
  openWizard(replaces?: RegisteredMethod): Promise<void> {
    const adapter = this.host.element.adapter;
    if (!adapter) return Promise.resolve();
    const { loader, numbers } = this.host;
    return this.prepare(
      () => Promise.all([loadWizard(), replaces ? this.loadPolicy(adapter) : this.host.element.policy]),
      ([, policy]) => {
        const number = replaces?.phone?.phoneNumber;
        const country = (number && numbers.formatOf(number)?.region(number)) || this.host.element.defaultCountry;
        const registered = new Set(loader.registrations?.methods.map((method) => method.kind));
        this.completed = undefined;
        this.before = new Set(loader.registrations?.methods.map((method) => method.id));
        this.modal.open(
          {
            type: 'wizard',
            ...(replaces ? { replaces } : {}),
            adapter,
            // The current number's country is the one chosen at first, whatever the policy's default.
            policy:
              policy && replaces && country
                ? { ...policy, phone: { ...policy.phone, defaultCountry: country } }
                : policy,
            country,
            // A person may add several passkeys: theirs are not marked as set up already.
            registered: METHOD_IDS.filter((id): id is MethodId => id !== 'passkey' && registered.has(id)),
          },
          replaces ? `change:${replaces.id}` : 'add',
        );
      },
    );
  }

  /** Asks to confirm deleting `method`. */
  confirmDelete(method: RegisteredMethod): void {
    if (this.busy || this.modal.current || !method.removable) return;
    this.operations.forget(method.id);
    this.modal.open({ type: 'delete', method }, `delete:${method.id}`);
  }

  /** Asks for a passkey's new name. */
  rename(method: RegisteredMethod): void {
    if (this.busy || this.modal.current) return;
    this.operations.forget(method.id);
    this.modal.open({ type: 'rename', method }, `rename:${method.id}`);
  }

  /** Makes a new set of recovery codes, replacing `method`'s, or the first set. */
  newCodes(method?: RegisteredMethod): void {
    if (this.busy || this.modal.current) return;
    this.operations.run('codes', method?.id ?? FIRST_CODES_ROW);
  }

  /** New codes are here: said, reported, and shown once. */
  private showCodes({ codes, method }: RecoveryCodes): void {
    const view = new CodesDialog(codes, this.host.element, kindName('recovery-codes'));
    this.modal.open({ type: 'codes', view }, method?.id ? `codes:${method.id}` : 'codes');
    this.announce(
      'recovery-codes',
      msg('Recovery codes created.', { id: 'methods.codes-created', desc: 'Announced.' }),
    );
  }

  /** Closes what is open; new codes are forgotten with their dialog. */
  private close(returnTo?: string): void {
    const open = this.modal.current;
    if (open?.type === 'codes') open.view.clear();
    this.modal.close(returnTo);
  }

  /** Offers the methods that can be the default, in the order the policy lists their kinds. */
  chooseDefault(): Promise<void> {
    const adapter = this.host.element.adapter;
    if (!adapter) return Promise.resolve();
    return this.prepare(
      () => this.loadPolicy(adapter),
      (policy) => {
        const registrations = this.host.loader.registrations;
        if (!registrations) return;
        const order = policy?.methods.map((method) => method.id) ?? [];
        this.operations.forget(DEFAULT_ROW);
        this.modal.open(
          {
            type: 'default',
            choices: defaultChoices(registrations.methods, order),
            current: registrations.defaultMethodId,
          },
          'default',
        );
      },
    );
  }

  /** What changed while a modal dialog was open, said once it has closed. */
  private release(): void {
    if (this.held) this.announcer.announce(this.held);
    this.held = undefined;
  }

  /** Whether focus is on the page, or was lost with a row: a person who went elsewhere is not pulled back. */
  private focusHere(): boolean {
    return this.host.element.matches(':focus-within') || document.activeElement === document.body;
  }

  /**
   * The list loaded again: focus goes to what shows the change, if it was lost with the row it was on; else it stays
   * with the control it is on. The rows are not keyed (a keyed list would cost the first view more), so a row's
   * elements show whichever method is listed at its place: when the list comes in another order (a backend may list
   * the default first), the control focus is on would be another method's. It is found again by its key (or its id,
   * for a phone's Show number), taken before the list is shown anew.
   */
  loaded(registrations: Registrations): void {
    if (this.modal.current) return; // The wizard's Done is still to come: it decides then (finished).
    const added = this.added(registrations);
    const focused = (this.host.element.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    // Or the control a dialog closed before the list showed it (the new recovery codes' row, after an early Done),
    // or the one focus is on.
    const key = added
      ? `*:${added.id}`
      : (this.focusAfterLoad ?? this.modal.missed ?? (focused?.dataset['focus'] || focused?.id));
    this.focusAfterLoad = this.completed = this.modal.missed = undefined;
    if (key && this.focusHere()) this.modal.refocus(key);
  }

  /** The list could not load again after a change: focus goes to Try again, as the row it was on is gone. */
  failed(): void {
    this.focusAfterLoad = this.modal.missed = undefined;
    if (!this.modal.current && this.focusHere()) this.modal.refocus('retry');
  }

  /** The method the wizard registered, once the list shows it: a phone by its number, another by its new id. */
  private added(registrations = this.host.loader.registrations): RegisteredMethod | undefined {
    const done = this.completed;
    if (!done) return undefined;
    const methods = registrations?.methods ?? [];
    if (done.phoneNumber) return methods.find((method) => method.phone?.phoneNumber === done.phoneNumber);
    // A changed method may keep its id: then it is the one that was changed.
    return (
      methods.find((method) => method.kind === done.kind && !done.before.has(method.id)) ??
      methods.find((method) => method.id === done.replaced)
    );
  }

  /** A change was made: said, reported, and the list loaded again to show it. */
  private changed(operation: Operation | 'added' | 'replaced', id?: string, kind?: MethodId): void {
    const method = this.host.loader.registrations?.methods.find((each) => each.id === id);
    const name = kindName(method?.kind ?? kind ?? 'phone');
    if (operation === 'remove') this.focusAfterLoad = 'add';
    // A backend may list passkeys by name: the renamed one's row can move, and the Rename at its former place is another's.
    if (operation === 'rename') this.focusAfterLoad = `rename:${id}`;
    this.announce(
      (operation === 'remove'
        ? 'removed'
        : operation === 'rename'
          ? 'renamed'
          : operation) as SecurityInfoMethodsChange,
      operation === 'remove'
        ? msg(str`${name} deleted.`, { id: 'methods.deleted', desc: 'Announced; the placeholder is a method name.' })
        : operation === 'default'
          ? msg('Default sign-in method changed.', { id: 'methods.default-changed', desc: 'Announced.' })
          : operation === 'added'
            ? msg(str`${name} added.`, { id: 'methods.added', desc: 'Announced; the placeholder is a method name.' })
            : operation === 'rename'
              ? msg(str`${name} renamed.`, {
                  id: 'methods.renamed',
                  desc: 'Announced when a passkey was renamed; the placeholder is a method name ("Passkey").',
                })
              : msg(str`${name} changed.`, {
                  id: 'methods.changed',
                  desc: 'Announced when a phone was changed; the placeholder is a method name.',
                }),
    );
  }

  /** Says what changed (once no modal dialog hides the page's live region), tells the host, and shows it. */
  private announce(change: SecurityInfoMethodsChange, words: string): void {
    if (this.modal.current && !this.inline) this.held = words;
    else this.announcer.announce(words);
    emit(this.host.element, 'security-info-methods-change', { change });
    this.host.loader.load();
  }

  private readonly on: DialogHandlers = {
    describe: (method) => this.host.describe(method),
    confirmDelete: (method) => {
      this.modal.close();
      this.operations.run('remove', method.id);
    },
    rename: (method, typed) => {
      const name = typedPasskeyName(typed);
      const open = this.modal.current;
      if (!name) {
        if (open?.type === 'rename') this.modal.current = { ...open, problem: (open.problem ?? 0) + 1 };
        this.host.element.requestUpdate();
        // The field keeps focus (or gets it back), with the message as its description.
        return void this.host.element.updateComplete.then(() =>
          this.host.element.renderRoot.querySelector<HTMLInputElement>('#passkey-name')?.focus(),
        );
      }
      this.modal.close();
      if (name !== method.passkey?.name) this.operations.run('rename', method.id, name);
    },
    chooseDefault: (id) => {
      const open = this.modal.current;
      this.modal.close();
      if (id && open?.type === 'default' && id !== open.current) this.operations.run('default', id);
    },
    completed: ({ detail }) => {
      const open = this.modal.current;
      const replaced = open?.type === 'wizard' ? open.replaces?.id : undefined;
      const kind = detail.method ?? 'phone';
      this.completed = { kind, phoneNumber: detail.phoneNumber, before: this.before, replaced };
      this.changed(replaced ? 'replaced' : 'added', undefined, kind);
    },
    finished: () => {
      // Focus goes to the new method's first action (a phone's Change, a passkey's Rename); when the list does not
      // show it yet, once it does (loaded).
      const added = this.added();
      if (added) this.completed = undefined;
      this.modal.close(added ? `*:${added.id}` : undefined);
    },
    close: () => this.close(),
    cancel: (event) => {
      const open = this.modal.current;
      // New codes are shown only once: a first Escape keeps them and says so, as Done does not come by accident. A
      // second is a choice made knowing it, and closes as Done does (the browser would not let it be refused
      // without a click or a key between the two anyway).
      if (open?.type === 'codes' && !open.view.warned) {
        event.preventDefault();
        return open.view.warn();
      }
      // Escape on the wizard's dialog is its Cancel: its calls are aborted and the host hears of it (which closes
      // the dialog, through finished) before it goes.
      this.host.element.renderRoot.querySelector('security-info-wizard')?.cancel();
      if (open?.type === 'codes') open.view.clear();
      // A wizard at its end has nothing to cancel and stays open: Escape closes it as its Done does, focus going to
      // the method it registered, which later changes then forget.
      if (open?.type === 'wizard' && this.modal.current === open) {
        event.preventDefault();
        return this.on.finished(event);
      }
      this.modal.onCancel(event);
    },
    closed: (event) => {
      const dialog = event.currentTarget as HTMLDialogElement;
      const open = this.modal.current;
      // Chromium closes the dialog in spite of a refused Escape when nothing was clicked or typed since the last one
      // refused (or since the page loaded): new codes the page still holds are shown again, with the warning.
      if (open?.type === 'codes' && !dialog.open && dialog.isConnected) {
        dialog.showModal();
        open.view.warn();
      }
    },
  };

  /** What identifies a method beside a phone's number: an email address, masked. */
  identifier(method: RegisteredMethod): string | undefined {
    return identifier(method);
  }

  /** A row's detail line for the methods beyond phones (how many questions are answered), or nothing. */
  detail(method: RegisteredMethod): TemplateResult | typeof nothing {
    return detail(method);
  }

  /**
   * The offer of recovery codes to a person who has none (when the policy and the adapter allow them), what is open
   * (a dialog, or the wizard in place of the list), and the live region that says what changed.
   */
  render(): TemplateResult {
    const open = this.modal.current;
    const { loader } = this.host;
    const offer =
      this.codesOffered &&
      loader.status === 'ready' &&
      !this.inline &&
      !loader.registrations?.methods.some((method) => method.kind === 'recovery-codes');
    return html`${offer ? this.renderOffer() : nothing}${
      open ? renderOpen(open, this.host.element.inline, this.on) : nothing
    }${this.announcer.render()}`;
  }

  private renderOffer(): TemplateResult {
    return html`<section class="recovery" part="recovery" aria-labelledby="recovery-heading">
      <h3 id="recovery-heading">${kindName('recovery-codes')}</h3>
      <p id="recovery-about">
        ${msg("One-time codes for when you can't use any of your other methods. Keep them somewhere safe.", {
          id: 'methods.codes-about',
          desc: 'Under the heading "Recovery codes", when the person has none yet.',
        })}
      </p>
      <button
        type="button"
        part="button"
        data-focus="codes"
        aria-describedby="recovery-about progress"
        aria-disabled=${this.busy ? 'true' : nothing}
        @click=${() => this.newCodes()}
      >
        ${msg('Get recovery codes', {
          id: 'methods.codes-get',
          desc: 'Button that makes a first set of recovery codes.',
        })}
      </button>
      ${this.renderRow(FIRST_CODES_ROW)}
    </section>`;
  }

  /** A row's change under way, its wait for a sign-in, or its failure with what to do. */
  renderRow(key: string): TemplateResult | typeof nothing {
    const row = this.operations.row(key);
    if (!row) return nothing;
    if (row.state === 'failed')
      return html`<p class="error" part="error" role="alert">
        ${
          row.code === 'not-signed-in'
            ? msg("You didn't sign in again, so nothing was changed.", {
                id: 'methods.not-signed-in',
                desc: 'The person gave up signing in again; the change they asked for was not made.',
              })
            : row.code === 'rate-limited'
              ? tooManyChanges(row.retryAfterSeconds, textLocale(this.host.element))
              : errorMessage(row.code, {
                  retryAfterSeconds: row.retryAfterSeconds,
                  locale: textLocale(this.host.element),
                })
        }
      </p>`;
    // The same words as the list's own wait (page-states.ts), written here so the two modules share no chunk for it.
    // One change runs at a time: its progress is the description of every button that waits for it (`progress`).
    return html`<p class="status" part="status" role="status" id="progress">
      <span class="spinner" aria-hidden="true"></span>${
        row.state === 'pending'
          ? msg('Saving…', { id: 'methods.saving', desc: 'Shown at a row while its change is made.' })
          : msg('Waiting for you to sign in…', {
              id: 'methods.signing-in',
              desc: 'Shown while the person signs in again before a change; the change is made once they have.',
            })
      }
    </p>`;
  }

  /**
   * The element left the page: what was open goes with it (the wizard, disconnected, aborts its calls). A controller
   * of the element's, so the list's first view has no call to make for it.
   */
  hostDisconnected(): void {
    const open = this.modal.current;
    if (open?.type === 'codes') open.view.clear();
    this.modal.current = undefined;
  }
}
