// The demo portal: the wizard on the reference backend that `npm start` mounts (codes appear in the terminal),
// or with ?adapter=memory on the in-browser adapter, with the code shown and controls to inject each fault.
import '@security-info/elements';
import {
  createFetchAdapter,
  createMemoryAdapter,
  type MemoryAdapter,
  type MemoryAdapterFault,
  type MemoryAdapterOperation,
  type SecurityInfoAdapter,
} from '@security-info/core';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
const useMemory = new URLSearchParams(location.search).get('adapter') === 'memory';
const codeOutput = $<HTMLOutputElement>('#code');
const outcome = $<HTMLParagraphElement>('#outcome');
const answer = $<HTMLButtonElement>('#answer');
let memory: MemoryAdapter | undefined;

function adapter(): SecurityInfoAdapter {
  if (!useMemory) return createFetchAdapter({ baseUrl: '/api/security-info' });
  memory = createMemoryAdapter({
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

function start(): void {
  codeOutput.value = useMemory ? 'none yet' : 'printed in the terminal that runs npm start';
  outcome.textContent = '';
  const fresh = document.createElement('security-info-wizard');
  fresh.setAttribute('purpose', 'mfa');
  fresh.adapter = adapter();
  $('security-info-wizard').replaceWith(fresh);
  fresh.addEventListener('security-info-complete', (event) => {
    outcome.textContent = `Registered ${event.detail.phoneNumber} (${event.detail.channel}).`;
  });
  fresh.addEventListener('security-info-cancel', () => (outcome.textContent = 'Cancelled.'));
  fresh.addEventListener('method-select', (event) => {
    if (event.detail.method !== 'phone') outcome.textContent = `The portal would now set up: ${event.detail.method}.`;
  });
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
