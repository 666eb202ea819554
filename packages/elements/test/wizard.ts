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
import { fixture, getByRole, html, typeInto, waitUntil, waitUntilFound } from './helpers.js';

export { waitUntilFound };

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
    timeout: 5000,
  });
  await wizard.updateComplete;
}

/** Types a national number into the phone step and presses Next. */
export async function enterPhone(wizard: SecurityInfoWizard, national = '612345678'): Promise<void> {
  await step(wizard, 'phone');
  const input = await waitUntilFound(wizard, 'textbox', 'Phone number');
  await typeInto(input, national);
  getByRole(wizard, 'button', { name: 'Next' }).click();
}

/** Chooses "Call me", types a national number and presses Next: the wizard at its call step, waiting for the call. */
export async function toCallStep(wizard: SecurityInfoWizard, national = '612345678'): Promise<void> {
  await step(wizard, 'phone');
  (await waitUntilFound(wizard, 'radio', 'Call me')).click();
  await enterPhone(wizard, national);
  await step(wizard, 'call');
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
      timeout: 5000,
    },
  );
}

/** The code the memory adapter issued last, once it has. */
export async function codeOf(adapter: MemoryAdapter): Promise<string> {
  await waitUntil(() => adapter.lastCode, 'no code was issued', { timeout: 5000 });
  return adapter.lastCode!.code;
}

/** Presses a method's button at the method step. */
export async function choose(wizard: SecurityInfoWizard, name: string): Promise<void> {
  await step(wizard, 'methods');
  (await waitUntilFound(wizard, 'button', name)).click();
}

/** Types an address into the email step and presses Next. */
export async function enterEmail(wizard: SecurityInfoWizard, address = 'ada@example.com'): Promise<void> {
  await step(wizard, 'email');
  await typeInto(await waitUntilFound(wizard, 'textbox', 'Email address'), address);
  getByRole(wizard, 'button', { name: 'Next' }).click();
}

/** The text of the element with `part` in the wizard's steps, searched through their shadow roots. */
export function partText(wizard: SecurityInfoWizard, part: string): string {
  const find = (root: ParentNode): Element | null => {
    for (const element of root.querySelectorAll('*')) {
      if (element.part?.contains(part)) return element;
      const inner = element.shadowRoot && find(element.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };
  return find(wizard.shadowRoot!)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** RFC 4648 base32 (no padding) to bytes: the key as an authenticator app reads it. */
export function base32(text: string): Uint8Array<ArrayBuffer> {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of text.toUpperCase()) bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  const bytes = new Uint8Array(Math.floor(bits.length / 8));
  bytes.forEach((_, i) => (bytes[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2)));
  return bytes;
}

/** RFC 6238 with SHA-1 over Web Crypto, 30-second steps: the code of `key` (raw bytes) at `time`, `digits` long. */
export async function totp(key: Uint8Array<ArrayBuffer>, time = Date.now(), digits = 6): Promise<string> {
  const hmac = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const counter = Math.floor(time / 30_000);
  const message = new DataView(new ArrayBuffer(8));
  message.setUint32(0, Math.floor(counter / 2 ** 32));
  message.setUint32(4, counter >>> 0);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmac, message.buffer));
  const offset = mac[19]! & 0xf;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, '0');
}
