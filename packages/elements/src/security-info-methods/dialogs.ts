/**
 * What opens over the list (or in its place, for the wizard with `inline`): the confirmation of a deletion, the
 * choice of the default sign-in method, a passkey's new name, new recovery codes (their own module, loaded when
 * they are made: recovery-codes.ts), and the wizard for Add and Change. Each is a template of the element's;
 * `ModalController` (modal.ts) shows it and moves focus in and back.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import {
  PASSKEY_NAME_MAX,
  type RegisteredMethod,
  type SecurityInfoAdapter,
  type SecurityInfoPolicy,
  type MethodId,
} from '@security-info/core';
import { keepInputInside } from '../shared/input-method.js';
import { msg, str } from '../shared/lit-localize.js';
import { PLACE, placeIn } from '../shared/placeholder.js';

/** The dialog that shows new recovery codes once (recovery-codes.ts): it renders itself and forgets them on close. */
export interface CodesView {
  render(on: DialogHandlers): TemplateResult;
  /** Escape was pressed once, and the dialog said the codes will not be shown again. */
  readonly warned: boolean;
  /** Says so, and moves focus there. */
  warn(): void;
  /** Drops the codes and anything made from them (a download's URL, a print's frame). */
  clear(): void;
}

export type Open =
  | { type: 'delete'; method: RegisteredMethod }
  | { type: 'rename'; method: RegisteredMethod; problem?: number }
  | { type: 'codes'; view: CodesView }
  | { type: 'default'; choices: RegisteredMethod[]; current: string | null }
  | {
      type: 'wizard';
      /** The method to change, for Change (the wizard starts at its kind's steps); Add otherwise. */
      replaces?: RegisteredMethod;
      adapter: SecurityInfoAdapter;
      /** The organization's, when known: otherwise the wizard asks for it. */
      policy: SecurityInfoPolicy | undefined;
      country: string | undefined;
      registered: MethodId[];
    };

export interface DialogHandlers {
  /** A method's name, and its masked number for a phone. */
  describe(method: RegisteredMethod): TemplateResult;
  confirmDelete(method: RegisteredMethod): void;
  /** A passkey's new name, as typed (the handler checks it). */
  rename(method: RegisteredMethod, name: string): void;
  chooseDefault(id: string | undefined): void;
  /** The wizard registered a method: `security-info-complete` (a phone's carries its number). */
  completed(event: CustomEvent<{ method?: MethodId; phoneNumber?: string }>): void;
  /** The wizard is over: Done, or Cancel. */
  finished(event: Event): void;
  close(): void;
  cancel(event: Event): void;
  /** The dialog closed, by the page or by the browser. */
  closed(event: Event): void;
}

const cancelButton = (on: DialogHandlers, focus = true) =>
  html`<button type="button" part="button" ?autofocus=${focus} @click=${on.close}>
    ${msg('Cancel', { id: 'methods.cancel', desc: 'Button that closes a dialog without changing anything.' })}
  </button>`;

function confirmDelete(method: RegisteredMethod, on: DialogHandlers): TemplateResult {
  return html`<h2 id="dialog-title" part="dialog-heading">
      ${placeIn(
        msg(str`Delete ${PLACE}?`, {
          id: 'methods.delete-title',
          desc: 'Heading of the dialog that confirms a deletion; the placeholder is the method, such as "Phone +31 6 •••• 5678".',
        }),
        on.describe(method),
      )}
    </h2>
    <p id="dialog-body">
      ${
        method.phone || method.email
          ? msg('You will no longer get codes on it.', {
              id: 'methods.delete-phone-body',
              desc: 'What deleting a phone means, under the heading "Delete Phone +31 6 •••• 5678?".',
            })
          : method.kind === 'security-questions'
            ? msg('You will no longer be able to answer them to reset your password.', {
                id: 'methods.delete-questions-body',
                desc: 'What deleting security questions means, under the heading "Delete Security questions?".',
              })
            : msg('You will no longer be able to use it to sign in.', {
                id: 'methods.delete-body',
                desc: 'What deleting a method means, under the heading "Delete Authenticator app?".',
              })
      }
    </p>
    <div class="actions">
      <button type="button" class="primary danger" part="button" @click=${() => on.confirmDelete(method)}>
        ${msg('Delete', { id: 'methods.delete', desc: 'Button that deletes a sign-in method.' })}
      </button>
      ${cancelButton(on)}
    </div>`;
}

function chooseDefault(open: Open & { type: 'default' }, on: DialogHandlers): TemplateResult {
  const checked = open.current ?? open.choices[0]?.id;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    on.chooseDefault(new FormData(event.target as HTMLFormElement).get('default')?.toString());
  };
  // Its radios' input events are composed (as the rename field's are): kept inside, a form around the page sees no
  // edit of its own.
  return html`<form @submit=${submit} @input=${keepInputInside}>
    <h2 id="dialog-title" part="dialog-heading">
      ${msg('Change default sign-in method', {
        id: 'methods.default-title',
        desc: 'Heading of the dialog where the person chooses their default sign-in method.',
      })}
    </h2>
    <fieldset>
      <legend id="dialog-body">
        ${msg('Which method should sign-in ask for first?', {
          id: 'methods.default-question',
          desc: 'The question above the methods the person can choose as their default.',
        })}
      </legend>
      ${open.choices.map(
        (method) =>
          html`<label class="choice" part="choice">
            <input
              type="radio"
              name="default"
              value=${method.id}
              ?checked=${method.id === checked}
              ?autofocus=${method.id === checked}
            />
            <span>${on.describe(method)}</span>
          </label>`,
      )}
    </fieldset>
    <div class="actions">
      <button type="submit" class="primary" part="button">
        ${msg('Save', { id: 'methods.save', desc: 'Button that makes the chosen method the default.' })}
      </button>
      ${cancelButton(on)}
    </div>
  </form>`;
}

/** A passkey's new name: 1 to 64 characters once trimmed, said when it is not. */
function rename(open: Open & { type: 'rename' }, on: DialogHandlers): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    on.rename(open.method, new FormData(event.target as HTMLFormElement).get('name')?.toString() ?? '');
  };
  return html`<form @submit=${submit} @input=${keepInputInside} novalidate>
    <h2 id="dialog-title" part="dialog-heading">
      ${msg('Rename passkey', { id: 'methods.rename-title', desc: 'Heading of the dialog that renames a passkey.' })}
    </h2>
    <label for="passkey-name">
      ${msg('Name', { id: 'methods.rename-label', desc: "Label of the field that holds a passkey's new name." })}
    </label>
    <input
      id="passkey-name"
      name="name"
      part="input"
      autocomplete="off"
      autofocus
      value=${open.method.passkey?.name ?? ''}
      aria-invalid=${open.problem ? 'true' : 'false'}
      aria-describedby="dialog-body"
    />
    <p id="dialog-body" class=${open.problem ? 'error' : 'hint'} role=${open.problem ? 'alert' : nothing}>
      ${
        open.problem
          ? // Made anew at each refused Save, so that the alert says it again.
            keyed(
              open.problem,
              msg(str`Enter a name of 1 to ${PASSKEY_NAME_MAX} characters.`, {
                id: 'methods.rename-problem',
                desc: "Shown when a passkey's new name is empty or too long; the placeholder is the most characters allowed (64).",
              }),
            )
          : msg(str`Up to ${PASSKEY_NAME_MAX} characters, such as the device it is on.`, {
              id: 'methods.rename-hint',
              desc: 'Under the name field of a passkey; the placeholder is the most characters allowed (64).',
            })
      }
    </p>
    <div class="actions">
      <button type="submit" class="primary" part="button">
        ${msg('Save', { id: 'methods.rename-save', desc: "Button that saves a passkey's new name." })}
      </button>
      ${cancelButton(on, false)}
    </div>
  </form>`;
}

/** The wizard's heading: Add, or Change with what is changed. */
function wizardHeading(replaces: RegisteredMethod | undefined): string {
  switch (replaces?.kind) {
    case undefined:
      return msg('Add sign-in method', { id: 'methods.add', desc: 'Button and heading: add a new sign-in method.' });
    case 'email':
      return msg('Change email address', {
        id: 'methods.change-email',
        desc: 'Heading of the wizard that changes a registered email address.',
      });
    case 'authenticator-app':
      return msg('Change authenticator app', {
        id: 'methods.change-app',
        desc: 'Heading of the wizard that replaces a registered authenticator app with another.',
      });
    case 'security-questions':
      return msg('Change security questions', {
        id: 'methods.change-questions',
        desc: 'Heading of the wizard where the person chooses and answers their security questions again.',
      });
    default:
      return msg('Change phone', { id: 'methods.change-phone', desc: 'Heading of the wizard that changes a phone.' });
  }
}

function wizard(open: Open & { type: 'wizard' }, on: DialogHandlers): TemplateResult {
  return html`<h2 id="dialog-title" class="above" part="dialog-heading" tabindex="-1" autofocus>
      ${wizardHeading(open.replaces)}
    </h2>
    <security-info-wizard
      .adapter=${open.adapter}
      .policy=${open.policy}
      .registered=${open.registered}
      .replaces=${open.replaces?.id}
      start=${open.replaces?.kind ?? 'methods'}
      default-country=${open.country ?? nothing}
      @security-info-complete=${on.completed}
      @security-info-close=${on.finished}
      @security-info-cancel=${on.finished}
    ></security-info-wizard>`;
}

/** What is open, in a modal `<dialog>` (or, for the wizard with `inline`, in a section in place of the list). */
export function renderOpen(open: Open, inline: boolean, on: DialogHandlers): TemplateResult {
  const content =
    open.type === 'delete'
      ? confirmDelete(open.method, on)
      : open.type === 'default'
        ? chooseDefault(open, on)
        : open.type === 'rename'
          ? rename(open, on)
          : open.type === 'codes'
            ? open.view.render(on)
            : wizard(open, on);
  if (inline && open.type === 'wizard')
    return html`<section class="inline" part="wizard" aria-labelledby="dialog-title">${content}</section>`;
  return html`<dialog
    part="dialog"
    aria-labelledby="dialog-title"
    aria-describedby=${open.type === 'wizard' ? nothing : 'dialog-body'}
    @cancel=${on.cancel}
    @close=${on.closed}
  >
    ${content}
  </dialog>`;
}

/** The methods sign-in may ask for first, in the order the policy lists their kinds (the rest after). */
export function defaultChoices(methods: readonly RegisteredMethod[], order: readonly string[]): RegisteredMethod[] {
  const rank = (method: RegisteredMethod) => {
    const index = order.indexOf(method.kind);
    return index < 0 ? order.length : index;
  };
  // Array.prototype.sort is stable: methods of one kind stay oldest first.
  return methods.filter((method) => method.purposes.includes('mfa')).sort((a, b) => rank(a) - rank(b));
}
