import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  DEFAULT_POLICY,
  createMemoryAdapter,
  type MemoryAdapter,
  type MemoryAdapterFault,
  type MemoryAdapterOperation,
  type PreloadedMethod,
  type Registrations,
  type SecurityInfoAdapter,
} from '@security-info/core';
import '../packages/elements/src/security-info-methods/security-info-methods.js';
import { type, until } from './until.js';

interface MethodsArgs {
  /** The person's methods, oldest first; the first that can serve two-step verification is the default. */
  methods: PreloadedMethod[];
  /** Shows the wizard in place of the list. */
  inline: boolean;
  defaultCountry: string;
  latency: number;
  /** A fault every call of the operation meets. */
  fault?: [MemoryAdapterOperation, MemoryAdapterFault];
  /** The adapter offers no removeMethod and no setDefaultMethod: the page shows, and adds through the wizard. */
  readOnly?: boolean;
  /**
   * How the page answers `security-info-reauthenticate`: `dialog` starts a sign-in with `retryAfter()` that a
   * button under the page finishes (it also ends the injected fault, as a new session would).
   */
  signIn?: 'dialog';
  /** What the play function presses once the list shows (a button's accessible name). */
  press?: string;
  /** Then, in the dialog that opened, this button. */
  thenPress?: string;
  /** Then Escape in the dialog that opened (its `cancel` event, which Escape fires). */
  thenEscape?: boolean;
  /** Before that, this text in the dialog's field (a passkey's new name). */
  typeIn?: string;
  /** The policy lets people make recovery codes (the page offers them to a person who has none). */
  recoveryCodes?: boolean;
  /** The passkeys' names and whether each is synced, by method id (the memory adapter names only those it made). */
  passkeys?: Record<string, { name: string; backedUp?: boolean }>;
  /** How renaming one of those passkeys goes wrong: it never ends, or the device is offline. */
  renameFault?: 'hang' | 'network';
}

const phone: PreloadedMethod = {
  id: 'work-phone',
  kind: 'phone',
  addedAt: '2025-09-01T10:00:00Z',
  lastUsedAt: '2026-11-30T08:12:00Z',
  phone: { phoneNumber: '+31612345678', channel: 'sms' },
};
const app: PreloadedMethod = {
  id: 'app',
  kind: 'authenticator-app',
  addedAt: '2026-01-05T09:00:00Z',
  lastUsedAt: '2026-12-01T07:30:00Z',
};
const email: PreloadedMethod = {
  id: 'mail',
  kind: 'email',
  addedAt: '2026-02-10T12:00:00Z',
  email: { address: 'ada.lovelace@example.com' },
};
const questions: PreloadedMethod = {
  id: 'questions',
  kind: 'security-questions',
  addedAt: '2026-03-02T15:00:00Z',
  securityQuestions: { questionIds: ['first-pet', 'birth-city', 'first-school'] },
};

const pixel: PreloadedMethod = {
  id: 'pixel',
  kind: 'passkey',
  addedAt: '2026-06-12T09:00:00Z',
  lastUsedAt: '2026-11-29T18:40:00Z',
};
const yubikey: PreloadedMethod = { id: 'yubikey', kind: 'passkey', addedAt: '2026-07-01T09:00:00Z' };
const names = { pixel: { name: 'Pixel 9', backedUp: true }, yubikey: { name: 'YubiKey 5C' } };
/** A set of recovery codes with `remaining` of ten left. */
const codes = (remaining: number): PreloadedMethod => ({
  id: 'codes',
  kind: 'recovery-codes',
  addedAt: '2026-04-20T10:00:00Z',
  recoveryCodes: { remaining, total: 10 },
});

/** A button of the page (or of its open dialog) by the start of its accessible name, once it is there. */
const buttonNamed = (root: ParentNode, name: string) =>
  until(() =>
    [...root.querySelectorAll<HTMLButtonElement>('button')].find((button) =>
      (button as HTMLButtonElement & { computedName?: string }).computedName?.startsWith(name),
    ),
  );

/**
 * The Security info page on the in-memory adapter. A phone added through the wizard gets its code shown under the
 * page ("Demo code"), so a designer can finish the flow; the play functions open a dialog or start a change.
 */
const meta: Meta<MethodsArgs> = {
  title: 'Elements/security-info-methods',
  component: 'security-info-methods',
  args: { methods: [phone, app, email], inline: false, defaultCountry: 'NL', latency: 300 },
  render: ({
    methods,
    inline,
    defaultCountry,
    latency,
    fault,
    readOnly,
    signIn,
    recoveryCodes,
    passkeys = {},
    renameFault,
  }) => {
    const output = document.createElement('output');
    output.textContent = 'none yet';
    const memory: MemoryAdapter = createMemoryAdapter({
      latency,
      registrations: { methods },
      onCode: ({ code }) => (output.textContent = code),
      ...(recoveryCodes ? { policy: { ...DEFAULT_POLICY, recoveryCodes } } : {}),
    });
    if (fault) memory.injectFault(fault[0], fault[1], { persist: true });
    // The preloaded passkeys' names, kept here: renaming one changes it.
    const named = structuredClone(passkeys);
    const withNames = (list: Registrations): Registrations => {
      for (const method of list.methods) if (named[method.id]) method.passkey = { ...named[method.id]! };
      return list;
    };
    const withPasskeys: SecurityInfoAdapter = {
      ...memory,
      listMethods: (options) => memory.listMethods(options).then(withNames),
      renameMethod: async ({ id, name }, options) => {
        if (!named[id]) return memory.renameMethod({ id, name }, options);
        await new Promise((resolve) => (renameFault === 'hang' ? undefined : setTimeout(resolve, latency)));
        if (renameFault === 'network') throw new TypeError('Failed to fetch');
        named[id]!.name = name;
      },
    };
    const { removeMethod: _remove, setDefaultMethod: _default, ...readable } = withPasskeys;
    const adapter: SecurityInfoAdapter = readOnly ? readable : withPasskeys;
    const finishSignIn = document.createElement('button');
    finishSignIn.type = 'button';
    finishSignIn.textContent = 'Finish signing in (demo)';
    finishSignIn.hidden = true;
    const onReauthenticate = (event: HTMLElementEventMap['security-info-reauthenticate']) => {
      if (signIn !== 'dialog') return;
      finishSignIn.hidden = false;
      event.detail.retryAfter(
        new Promise<void>((resolve) => {
          finishSignIn.onclick = () => {
            finishSignIn.hidden = true;
            memory.clearFaults();
            resolve();
          };
        }),
      );
    };
    return html`<security-info-methods
        .adapter=${adapter}
        ?inline=${inline}
        default-country=${defaultCountry}
        @security-info-reauthenticate=${onReauthenticate}
      ></security-info-methods>
      <p>Demo code: ${output}</p>
      ${finishSignIn}`;
  },
  play: async ({ canvasElement, args }) => {
    if (!args.press) return;
    const page = canvasElement.querySelector('security-info-methods')!;
    const root = await until(() => page.shadowRoot);
    (await buttonNamed(root, args.press)).click();
    if (!args.thenPress && !args.thenEscape) return;
    const dialog = await until(() => root.querySelector('dialog[open]'));
    if (args.thenEscape) {
      dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
      return;
    }
    if (!args.thenPress) return;
    if (args.typeIn !== undefined) type(await until(() => dialog.querySelector('input')), args.typeIn);
    (await buttonNamed(dialog, args.thenPress)).click();
  },
};
export default meta;

type Story = StoryObj<MethodsArgs>;

/** A phone, an authenticator app and an email: the default first, Add, then each with its actions. */
export const Methods: Story = {};
/** Placeholder rows keep the layout while the list loads. */
export const Loading: Story = { args: { fault: ['listMethods', 'hang'] } };
/** Nothing registered yet: the page explains and offers Add. */
export const Empty: Story = { args: { methods: [] } };
/** The only method for two-step verification: the page says why it cannot be deleted, before anyone tries. */
export const RequiredMethod: Story = { args: { methods: [phone] } };
/** The list could not load for want of a connection: Try again (and it loads by itself once back online). */
export const LoadFailedOffline: Story = { args: { fault: ['listMethods', 'network'] } };
/** The backend answered something that is not a list. */
export const LoadFailed: Story = { args: { fault: ['listMethods', 'malformed'] } };
/** The person's session ended and nothing signs them in: the page says so, with Try again. */
export const SessionEnded: Story = { args: { fault: ['listMethods', 'unauthenticated'] } };
/** An adapter without removeMethod and setDefaultMethod: no Delete, no Change of the default. */
export const ReadOnly: Story = { args: { readOnly: true } };
/** The person asked to see their whole number. */
export const NumberShown: Story = { args: { press: 'Show number' } };
/** The confirmation names the method with its masked number. */
export const ConfirmDelete: Story = { args: { press: 'Delete Phone' } };
/** The deletion is under way at its row. */
export const Deleting: Story = {
  args: { press: 'Delete Authenticator app', thenPress: 'Delete', fault: ['removeMethod', 'hang'] },
};
/** A deletion that failed, shown at its row with what to do. */
export const DeleteFailed: Story = {
  args: { press: 'Delete Authenticator app', thenPress: 'Delete', fault: ['removeMethod', 'network'] },
};
/**
 * The backend wants a recent sign-in before the deletion; the page signs the person in (`retryAfter()`), the row
 * waits, and "Finish signing in (demo)" stands for the page's sign-in and deletes.
 */
export const WaitingForSignIn: Story = {
  args: {
    press: 'Delete Authenticator app',
    thenPress: 'Delete',
    fault: ['removeMethod', 'reauthentication-required'],
    signIn: 'dialog',
  },
};
/** The same refusal with nobody to sign the person in: the row says what to do. */
export const SignInRequired: Story = {
  args: {
    press: 'Delete Authenticator app',
    thenPress: 'Delete',
    fault: ['removeMethod', 'reauthentication-required'],
  },
};
/** The methods that can be the default, in the order the policy prefers. */
export const ChooseDefault: Story = { args: { press: 'Change Default sign-in method' } };
/** Choosing the default failed: shown at the default. */
export const DefaultFailed: Story = {
  args: {
    press: 'Change Default sign-in method',
    thenPress: 'Save',
    methods: [app, phone],
    fault: ['setDefaultMethod', { code: 'rate-limited', retryAfterSeconds: 60 }],
  },
};
/** Add: the wizard in a modal dialog, the methods already registered marked. */
export const Add: Story = { args: { press: 'Add sign-in method' } };
/** Add with `inline`: the wizard in place of the list. */
export const AddInline: Story = { args: { press: 'Add sign-in method', inline: true } };
/** Change phone: the wizard at the phone step, in the current number's country. */
export const ChangePhone: Story = { args: { press: 'Change Phone' } };

/** Every kind the wizard enrolls: an email address (masked), an authenticator app, security questions (how many). */
export const EveryMethod: Story = { args: { methods: [phone, app, email, questions] } };

export const ChangeEmail: Story = { args: { methods: [phone, app, email, questions], press: 'Change Email' } };

export const ChangeAuthenticatorApp: Story = {
  args: { methods: [phone, app, email, questions], press: 'Change Authenticator app' },
};

export const ChangeSecurityQuestions: Story = {
  args: { methods: [phone, app, email, questions], press: 'Change Security questions' },
};

export const ConfirmDeleteSecurityQuestions: Story = {
  args: { methods: [phone, app, email, questions], press: 'Delete Security questions' },
};
/**
 * A host's styles by the page's custom states (`:state(loading)`, `:state(busy)`, …): here the page dims while a
 * change is under way and its edge says whether the list loaded. Press Delete, then Delete again, to see `busy`.
 */
export const StyledByState: Story = {
  args: { latency: 1500 },
  decorators: [
    (story) =>
      html`<style>
          security-info-methods {
            display: block;
            border-inline-start: 4px solid transparent;
            padding-inline-start: 1rem;
          }
          security-info-methods:state(loading) {
            border-inline-start-color: GrayText;
          }
          security-info-methods:state(error) {
            border-inline-start-color: #b3261e;
          }
          security-info-methods:state(busy) {
            opacity: 0.7;
          }
          security-info-methods:state(adding),
          security-info-methods:state(changing) {
            border-inline-start-color: #0b5cad;
          }
        </style>
        ${story()}`,
  ],
};

export const RightToLeft: Story = {
  decorators: [(story) => html`<div dir="rtl" lang="ar">${story()}</div>`],
};

/** Passkeys: each with its name, when it was added and last used, whether it is synced; Rename and Delete. */
export const Passkeys: Story = { args: { methods: [phone, pixel, yubikey], passkeys: names } };
/** Rename: a small dialog with the name to change. */
export const RenamePasskey: Story = {
  args: { methods: [phone, pixel, yubikey], passkeys: names, press: 'Rename Passkey Pixel 9' },
};
/** A name left empty: the dialog says a name takes 1 to 64 characters. */
export const RenamePasskeyEmptyName: Story = {
  args: { ...RenamePasskey.args, typeIn: '', thenPress: 'Save' },
};
/** The rename under way, at its row. */
export const RenamingPasskey: Story = {
  args: { ...RenamePasskey.args, typeIn: 'Work phone', thenPress: 'Save', renameFault: 'hang' },
};
/** A rename that failed (offline), at its row. */
export const RenamePasskeyFailed: Story = {
  args: { ...RenamePasskey.args, typeIn: 'Work phone', thenPress: 'Save', renameFault: 'network' },
};
/** The confirmation of a passkey's deletion names it. */
export const ConfirmDeletePasskey: Story = {
  args: { methods: [phone, pixel, yubikey], passkeys: names, press: 'Delete Passkey YubiKey 5C' },
};

/** The policy allows recovery codes and the person has none: the page offers them. */
export const RecoveryCodesOffered: Story = { args: { methods: [phone, app], recoveryCodes: true } };
/** New codes, shown once: the warning, the codes, Copy, Download, Print and Done. */
export const RecoveryCodesShown: Story = {
  args: { methods: [phone, app], recoveryCodes: true, press: 'Get recovery codes' },
};
/** Escape pressed once on new codes: the dialog stays, and says they will not be shown again until Done. */
export const RecoveryCodesKeptOnEscape: Story = { args: { ...RecoveryCodesShown.args, thenEscape: true } };
/** The codes are being made. */
export const RecoveryCodesMaking: Story = {
  args: { ...RecoveryCodesShown.args, fault: ['generateRecoveryCodes', 'hang'] },
};
/** The backend wants a recent sign-in first; "Finish signing in (demo)" stands for the page's, then the codes show. */
export const RecoveryCodesWaitingForSignIn: Story = {
  args: { ...RecoveryCodesShown.args, fault: ['generateRecoveryCodes', 'reauthentication-required'], signIn: 'dialog' },
};
/** Making the codes failed (offline): said where they were asked for, with Get recovery codes still there. */
export const RecoveryCodesFailed: Story = {
  args: { ...RecoveryCodesShown.args, fault: ['generateRecoveryCodes', 'network'] },
};
/** A set in use: how many are left, and Get new codes. */
export const RecoveryCodesLeft: Story = { args: { methods: [phone, app, codes(7)], recoveryCodes: true } };
/** Two or fewer left: the row warns. */
export const RecoveryCodesFewLeft: Story = { args: { methods: [phone, app, codes(2)], recoveryCodes: true } };
/** None left. */
export const RecoveryCodesUsedUp: Story = { args: { methods: [phone, app, codes(0)], recoveryCodes: true } };
/** Get new codes from the set's row: the new set replaces the old one. */
export const RecoveryCodesReplaced: Story = {
  args: { methods: [phone, app, codes(2)], recoveryCodes: true, press: 'Get new codes Recovery codes' },
};
/** Passkeys and recovery codes in right-to-left text. */
export const PasskeysAndCodesRightToLeft: Story = {
  args: { methods: [phone, pixel, codes(2)], passkeys: names, recoveryCodes: true },
  decorators: [(story) => html`<div dir="rtl" lang="ar">${story()}</div>`],
};
