/** Driving `<security-info-wizard>` in a test the way a person does: mount it, type, press, read its messages. */
import {
  createMemoryAdapter,
  type MemoryAdapter,
  type MemoryAdapterOptions,
  type SecurityInfoAdapter,
  type SecurityInfoPolicy,
} from '@security-info/core';
import '../src/security-info-wizard/security-info-wizard.js';
import type { SecurityInfoWizard } from '../src/security-info-wizard/security-info-wizard.js';
import { fixture, getByRole, html, queryByRole, typeInto, waitUntil } from './helpers.js';

export const phoneOnly: SecurityInfoPolicy = { methods: [{ id: 'phone', purposes: ['mfa', 'password-reset'] }] };

export interface MountOptions {
  start?: string;
  policy?: SecurityInfoPolicy | undefined;
  /** Where to render it, for a page in another language or direction. */
  parentNode?: Element;
}

/** A wizard with the Netherlands chosen at first, starting at the phone step unless told otherwise. */
export async function mount(adapter: SecurityInfoAdapter, options: MountOptions = {}): Promise<SecurityInfoWizard> {
  return fixture<SecurityInfoWizard>(
    html`<security-info-wizard
      default-country="NL"
      start=${options.start ?? 'phone'}
      .policy=${options.policy}
      .adapter=${adapter}
    ></security-info-wizard>`,
    options.parentNode ? { parentNode: options.parentNode } : {},
  );
}

/** The memory adapter on a phone-only policy with a 30-second resend cooldown. */
export function memory(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return createMemoryAdapter({ policy: phoneOnly, resendInSeconds: 30, ...options });
}

export async function step(wizard: SecurityInfoWizard, name: string): Promise<void> {
  await waitUntil(() => wizard.step === name, `the wizard never reached the ${name} step (at ${wizard.step})`, {
    timeout: 3000,
  });
  await wizard.updateComplete;
}

export async function waitUntilFound(
  wizard: SecurityInfoWizard,
  role: string,
  name: string | RegExp,
): Promise<HTMLElement> {
  await waitUntil(() => queryByRole(wizard, role, { name }), `no ${role} named ${String(name)}`, { timeout: 3000 });
  return getByRole<HTMLElement>(wizard, role, { name });
}

/** Types a national number into the phone step and presses Next. */
export async function enterPhone(wizard: SecurityInfoWizard, national = '612345678'): Promise<void> {
  await step(wizard, 'phone');
  const input = await waitUntilFound(wizard, 'textbox', 'Phone number');
  await typeInto(input, national);
  getByRole(wizard, 'button', { name: 'Next' }).click();
}

/** Types a code into the code step and presses Verify. */
export async function enterCode(wizard: SecurityInfoWizard, code: string): Promise<void> {
  await step(wizard, 'code');
  const input = await waitUntilFound(wizard, 'textbox', /code/i);
  await typeInto(input, code);
  getByRole(wizard, 'button', { name: 'Verify' }).click();
}

/** The text of every alert and status message the person can see now. */
export function messages(wizard: SecurityInfoWizard): string {
  const texts: string[] = [];
  const walk = (root: ParentNode) => {
    for (const element of root.querySelectorAll('*')) {
      const role = (element as Element & { computedRole?: string }).computedRole;
      if ((role === 'alert' || role === 'status') && (element as HTMLElement).checkVisibility()) {
        texts.push(element.textContent ?? '');
      }
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(wizard.shadowRoot!);
  return texts.join(' ').replace(/\s+/g, ' ');
}

export async function expectMessage(wizard: SecurityInfoWizard, pattern: RegExp): Promise<void> {
  await waitUntil(
    () => pattern.test(messages(wizard)),
    `no message matching ${pattern}; shown: "${messages(wizard)}"`,
    {
      timeout: 3000,
    },
  );
}

/** The code the memory adapter issued last, once it has. */
export async function codeOf(adapter: MemoryAdapter): Promise<string> {
  await waitUntil(() => adapter.lastCode, 'no code was issued', { timeout: 3000 });
  return adapter.lastCode!.code;
}
