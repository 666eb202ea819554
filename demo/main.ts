// The demo portal: the wizard on the in-memory adapter, with the code shown and controls to inject each fault.
import '@security-info/elements';
import {
  createMemoryAdapter,
  type MemoryAdapter,
  type MemoryAdapterFault,
  type MemoryAdapterOperation,
} from '@security-info/core';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const wizard = $('security-info-wizard') as HTMLElementTagNameMap['security-info-wizard'];
const codeOutput = $<HTMLOutputElement>('#code');
const outcome = $<HTMLParagraphElement>('#outcome');
const answer = $<HTMLButtonElement>('#answer');
let adapter: MemoryAdapter;

function start(): void {
  adapter = createMemoryAdapter({
    latency: 600,
    voiceConfirmation: $<HTMLInputElement>('#voice-keypress').checked ? 'keypress' : 'code',
    onCode: ({ code, channel, challengeId }) => {
      codeOutput.value = channel === 'voice' ? `${code} (spoken in the call)` : code;
      answer.disabled = false;
      answer.dataset.challenge = challengeId;
    },
  });
  codeOutput.value = 'none yet';
  outcome.textContent = '';
  const fresh = document.createElement('security-info-wizard');
  fresh.setAttribute('purpose', 'mfa');
  fresh.adapter = adapter;
  wizard.replaceWith(fresh);
  Object.assign(window, { wizard: fresh });
  listen(fresh);
}

function listen(element: HTMLElement): void {
  element.addEventListener('security-info-complete', (event) => {
    outcome.textContent = `Registered ${event.detail.phoneNumber} (${event.detail.channel}).`;
  });
  element.addEventListener('security-info-cancel', () => (outcome.textContent = 'Cancelled.'));
  element.addEventListener('method-select', (event) => {
    if (event.detail.method !== 'phone') outcome.textContent = `The portal would now set up: ${event.detail.method}.`;
  });
}

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
  adapter.injectFault(operation, withDetails);
  outcome.textContent = `The next ${operation} call will fail with ${fault}.`;
});
answer.addEventListener('click', () => adapter.confirmCall(answer.dataset.challenge ?? ''));
$<HTMLButtonElement>('#restart').addEventListener('click', start);
$<HTMLInputElement>('#voice-keypress').addEventListener('change', start);

start();
