// The demo portal: the Security info page on the reference backend that `npm start` mounts (codes appear in the
// terminal), or with ?adapter=memory on the in-browser adapter, with the code shown and controls to inject each fault.
import '@security-info/elements';
import {
  createFetchAdapter,
  createMemoryAdapter,
  type MemoryAdapter,
  type MemoryAdapterFault,
  type MemoryAdapterOperation,
  type SecurityInfoAdapter,
} from '@security-info/core';
import { DEMO_POLICY } from './policy.js';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const useMemory = new URLSearchParams(location.search).get('adapter') === 'memory';
const codeOutput = $<HTMLOutputElement>('#code');
const outcome = $<HTMLParagraphElement>('#outcome');
const answer = $<HTMLButtonElement>('#answer');
const signIn = $<HTMLDialogElement>('#sign-in');
let memory: MemoryAdapter | undefined;

function adapter(): SecurityInfoAdapter {
  if (!useMemory) return createFetchAdapter({ baseUrl: '/api/security-info' });
  memory = createMemoryAdapter({
    policy: DEMO_POLICY,
    latency: 600,
    voiceConfirmation: $<HTMLInputElement>('#voice-keypress').checked ? 'keypress' : 'code',
    onCode: ({ code, channel, challengeId }) => {
      codeOutput.value = channel === 'voice' ? `${code} (spoken in the call)` : code;
      answer.disabled = false;
      answer.dataset.challenge = challengeId;
    },
  });
  return memory;
}

let signingIn: Promise<void> | undefined;

/**
 * The portal's own sign-in, as a host would show it: fulfils once the person signed in, rejects when they did not.
 * Calls refused at the same time wait for the one dialog.
 */
function signInAgain(): Promise<void> {
  signingIn ??= new Promise<void>((resolve, reject) => {
    signIn.returnValue = '';
    signIn.showModal();
    signIn.addEventListener(
      'close',
      () => (signIn.returnValue === 'signed-in' ? resolve() : reject(new Error('not signed in'))),
      { once: true },
    );
  }).finally(() => (signingIn = undefined));
  return signingIn;
}

/** A new page on a new adapter: the in-browser one starts with no methods; the reference backend keeps its own. */
function start(): void {
  codeOutput.value = useMemory ? 'none yet' : 'printed in the terminal that runs npm start';
  outcome.textContent = '';
  const fresh = document.createElement('security-info-methods');
  fresh.adapter = adapter();
  $('security-info-methods').replaceWith(fresh);
  // The page says each change to screen readers itself; the demo notes the events a portal would hear.
  fresh.addEventListener('security-info-methods-change', (event) => {
    outcome.textContent = `Security info updated (${event.detail.change}).`;
  });
  fresh.addEventListener('security-info-cancel', () => (outcome.textContent = 'Cancelled.'));
  // The page and its wizard ask for a sign-in the same way; the refused call is made again once it is done.
  fresh.addEventListener('security-info-reauthenticate', (event) => event.detail.retryAfter(signInAgain()));
}

for (const element of document.querySelectorAll<HTMLElement>('[data-memory-only]')) element.hidden = !useMemory;
$<HTMLAnchorElement>('#switch').href = useMemory ? '?' : '?adapter=memory';
$<HTMLAnchorElement>('#switch').textContent = useMemory ? 'Use the reference backend' : 'Use the in-browser adapter';

$<HTMLFormElement>('#faults').addEventListener('submit', (event) => {
  event.preventDefault();
  const operation = $<HTMLSelectElement>('#operation').value as MemoryAdapterOperation;
  const fault = $<HTMLSelectElement>('#fault').value;
  const withDetails: MemoryAdapterFault =
    fault === 'rate-limited' || fault === 'too-many-attempts'
      ? { code: fault, retryAfterSeconds: 30 }
      : fault === 'invalid-code'
        ? { code: 'invalid-code', attemptsRemaining: 2 }
        : (fault as MemoryAdapterFault);
  memory?.injectFault(operation, withDetails);
  outcome.textContent = `The next ${operation} call will fail with ${fault}.`;
});
answer.addEventListener('click', () => memory?.confirmCall(answer.dataset.challenge ?? ''));
$<HTMLButtonElement>('#restart').addEventListener('click', start);
$<HTMLInputElement>('#voice-keypress').addEventListener('change', start);

start();
