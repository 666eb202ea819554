/** Driving `<security-info-methods>` in a test the way a person does: mount it on a memory backend, read what it shows. */
import {
  createMemoryAdapter,
  type MemoryAdapter,
  type MemoryAdapterOptions,
  type PreloadedMethod,
  type SecurityInfoAdapter,
} from '@security-info/core';
import '../src/security-info-methods/security-info-methods.js';
import type { SecurityInfoMethods } from '../src/security-info-methods/security-info-methods.js';
import { deepActiveElement, fixture, getByRole, html, queryAllByRole, queryByRole, waitUntil } from './helpers.js';

export const WORK_PHONE: PreloadedMethod = {
  id: 'work-phone',
  kind: 'phone',
  addedAt: '2025-09-01T10:00:00Z',
  lastUsedAt: '2026-11-30T08:12:00Z',
  phone: { phoneNumber: '+31612345678', channel: 'sms' },
};

export const APP: PreloadedMethod = { id: 'app', kind: 'authenticator-app', addedAt: '2026-01-05T09:00:00Z' };

export const HOME_PHONE: PreloadedMethod = {
  id: 'home-phone',
  kind: 'phone',
  addedAt: '2026-02-01T10:00:00Z',
  phone: { phoneNumber: '+442079460000', channel: 'voice' },
};

/** A memory backend holding `methods` (the phone and the app by default), the first the default. */
export function backend(
  methods: PreloadedMethod[] = [WORK_PHONE, APP],
  options: MemoryAdapterOptions = {},
): MemoryAdapter {
  return createMemoryAdapter({ registrations: { methods }, resendInSeconds: 30, ...options });
}

export interface PageOptions {
  inline?: boolean;
  parentNode?: Element;
}

/** The page on `adapter`, once its list (or its failure) shows. */
export async function page(adapter: SecurityInfoAdapter, options: PageOptions = {}): Promise<SecurityInfoMethods> {
  const el = await fixture<SecurityInfoMethods>(
    html`<security-info-methods
      .adapter=${adapter}
      ?inline=${options.inline ?? false}
      default-country="NL"
    ></security-info-methods>`,
    options.parentNode ? { parentNode: options.parentNode } : {},
  );
  await shown(el);
  return el;
}

/** Waits until the list, the empty note or a failure shows, and the numbers are masked in full. */
export async function shown(el: SecurityInfoMethods): Promise<void> {
  await waitUntil(
    () =>
      (queryByRole(el, 'list') || queryByRole(el, 'button', { name: /Add sign-in method|Try again/ })) &&
      !el.shadowRoot!.querySelector('.placeholder'),
    'the page never showed its list',
    { timeout: 3000 },
  );
  await el.updateComplete;
}

/** Each method's row, as its visible text with spaces collapsed. */
export function rows(el: SecurityInfoMethods): string[] {
  return queryAllByRole(el, 'listitem').map((row) => text(row));
}

export const text = (node: Node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The button of `name` (as the page names it, with the method: "Delete Phone +31 6 •••• 5678"). */
export const button = (el: Element, name: string | RegExp) => getByRole<HTMLButtonElement>(el, 'button', { name });

/** The open dialog, once it is open. */
export async function dialog(el: SecurityInfoMethods): Promise<HTMLDialogElement> {
  await waitUntil(() => el.shadowRoot!.querySelector('dialog[open]'), 'no dialog opened', { timeout: 3000 });
  return el.shadowRoot!.querySelector('dialog')!;
}

/** What the page said last in its polite live region. */
export function announced(el: SecurityInfoMethods): string {
  return queryAllByRole(el, 'status', { hidden: true })
    .map((region) => text(region))
    .join(' ');
}

/** Emulates a device that lost its connection (`navigator.onLine`), or found it again, with the window's event. */
export function goOffline(offline: boolean): void {
  if (offline) Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  else delete (navigator as unknown as Record<string, unknown>).onLine;
  window.dispatchEvent(new Event(offline ? 'offline' : 'online'));
}

/**
 * What has focus, as a person hears it: `button "Add sign-in method"`. Compared as text, so a failure says what
 * has focus (an element compared as such is serialized whole, with the wizard's state, when it fails).
 */
export function focused(): string {
  const active = deepActiveElement() as (Element & { computedRole?: string | null; computedName?: string }) | null;
  return active ? `${active.computedRole ?? active.localName} "${active.computedName ?? ''}"` : 'nothing';
}

/** An element's accessible name, as Chromium computes it. */
/**
 * A control's description: the text of the elements its `aria-describedby` names that are there, in order (a
 * change's progress is named by every button that waits for it, and is there only while it runs).
 */
export const description = (el: SecurityInfoMethods, control: Element) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => (id ? text(el.shadowRoot!.getElementById(id) ?? document.createElement('p')) : ''))
    .join(' ')
    .trim();

export const nameOf = (element: Element) => (element as unknown as { computedName: string }).computedName;

export { signIn } from './helpers.js';
