/** Everything an element test needs: open-wc fixtures, queries by role and name, key presses, axe. */
export { fixture, html, expect, oneEvent, elementUpdated, aTimeout } from '@open-wc/testing';
export * from './queries.js';
export { expectAccessible } from './axe.js';
export { setViewport, emulateMedia } from '@web/test-runner-commands';

import { fixture as openWcFixture, waitUntil as openWcWaitUntil } from '@open-wc/testing';
import { getByRole, queryByRole } from './queries.js';
import { emulateMedia as emulate, executeServerCommand } from '@web/test-runner-commands';
import type { ReactiveElement, TemplateResult } from 'lit';
import { expect } from '@open-wc/testing';

/**
 * Polls `predicate` until it holds, as open-wc's `waitUntil` does, but gives up after 5 s by default instead of its
 * 1 s: what a test waits for (a module loaded on demand, a render, a round trip to the test server) can take more
 * than a second on a busy machine. It goes on as soon as the predicate holds, so a passing test waits no longer.
 */
export function waitUntil(
  predicate: () => unknown,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: 5000, ...options });
}

/**
 * Fails every request whose URL contains one of `paths` the way the browser does offline, until called again
 * (`networkOutage([])` ends it). For code and data that load on demand.
 */
export function networkOutage(paths: string[]): Promise<unknown> {
  return executeServerCommand('network-outage', { paths });
}

/**
 * Renders `template` on a page that supports dark mode (`color-scheme: light dark` and a page background that
 * follows it) while the browser prefers dark; returns the rendered element. Call `leaveDarkMode()` after.
 */
export async function fixtureInDarkMode<T extends Element>(template: TemplateResult): Promise<T> {
  await emulate({ colorScheme: 'dark' });
  const page = await openWcFixture<HTMLDivElement>(document.createElement('div'));
  page.style.colorScheme = 'light dark';
  page.style.background = 'light-dark(#ffffff, #1c1c22)';
  page.style.color = 'light-dark(#1b1b1f, #ececf1)';
  page.style.padding = '1rem';
  const element = await openWcFixture<T>(template, { parentNode: page });
  await (element as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

export async function leaveDarkMode(): Promise<void> {
  await emulate({ colorScheme: 'light' });
}

/** Renders `template` inside a right-to-left, Arabic-language container. */
export async function fixtureRtl<T extends Element>(template: TemplateResult): Promise<T> {
  const page = await openWcFixture<HTMLDivElement>(document.createElement('div'));
  page.dir = 'rtl';
  page.lang = 'ar';
  const element = await openWcFixture<T>(template, { parentNode: page });
  await (element as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

/** Renders `template` with forced colors (Windows High Contrast) emulated. Call `leaveForcedColors()` after. */
export async function fixtureInForcedColors<T extends Element>(template: TemplateResult): Promise<T> {
  await executeServerCommand('forced-colors', { active: true });
  if (!matchMedia('(forced-colors: active)').matches) throw new Error('The browser did not enter forced colors.');
  const element = await openWcFixture<T>(template);
  await (element as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

export async function leaveForcedColors(): Promise<void> {
  await executeServerCommand('forced-colors', { active: false });
}

/** The computed value of a CSS system color (`Highlight`, `GrayText`...), to compare styles in forced colors. */
export function systemColor(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = name;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

/** A sign-in the test finishes (or fails) when it wants to, as a host's dialog would. */
export function signIn() {
  let succeed: () => void = () => undefined;
  let fail: (reason: unknown) => void = () => undefined;
  const promise = new Promise<void>((resolve, reject) => {
    succeed = resolve;
    fail = reject;
  });
  return { promise, succeed, fail };
}

/**
 * One intent, one event: pressing the step's submit button twice sends once, pressing it while the host is working
 * (`pending`) sends nothing, and once the host has answered a press sends again. `sent` records the step's events.
 */
export async function expectOneSubmitPerAnswer(
  el: ReactiveElement & { pending: boolean },
  button: () => HTMLElement,
  sent: readonly unknown[],
): Promise<void> {
  button().click();
  button().click();
  expect(sent).to.have.length(1);
  el.pending = true;
  await el.updateComplete;
  button().click();
  expect(sent).to.have.length(1);
  el.pending = false;
  await el.updateComplete;
  button().click();
  expect(sent).to.have.length(2);
}

/** Waits (5 s by default) for a control inside `within` (shadow roots included) by its role and name, and returns it. */
export async function waitUntilFound(
  within: Element,
  role: string,
  name: string | RegExp,
  timeout = 5000,
): Promise<HTMLElement> {
  await waitUntil(() => queryByRole(within, role, { name }), `no ${role} named ${String(name)}`, { timeout });
  return getByRole<HTMLElement>(within, role, { name });
}

/**
 * Holds a field element to the rule for a host message that counts a wait down (`errorCountsDown`): its alert says
 * the message as it appears; from the first change on, the message is shown, and read with `field`, outside every
 * live region, and the field is not called invalid for it.
 */
export async function expectCountdownSaidOnce(
  el: ReactiveElement & { error: string; errorCountsDown: boolean },
  field: () => HTMLElement,
): Promise<void> {
  const wait = (time: string) => `Too many codes were requested. You can ask again in ${time}.`;
  const live = () =>
    [...el.shadowRoot!.querySelectorAll('[role="alert"], [role="status"], [aria-live]')]
      .map((region) => region.textContent ?? '')
      .join(' ');
  el.errorCountsDown = true;
  el.error = wait('0:30');
  await el.updateComplete;
  expect(live(), 'the alert says it as it appears').to.contain(wait('0:30'));
  el.error = wait('0:29');
  await el.updateComplete;
  expect(live()).not.to.contain('Too many codes');
  const shown = el.shadowRoot!.querySelector('[part~="error"]:not(:empty)')!;
  expect(shown.textContent!.trim()).to.equal(wait('0:29'));
  expect(field().getAttribute('aria-describedby')!.split(' ')).to.include(shown.id);
  expect(field().getAttribute('aria-invalid')).to.equal('false');
}
