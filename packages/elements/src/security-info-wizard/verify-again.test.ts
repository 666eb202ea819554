// The wizard when the answer to a right code is lost on its way (the backend verified it, the answer never came):
// it times out, and Verify pressed again sends the same code, which the backend answers as it did the first time.
import { createFetchAdapter } from '@security-info/core';
import './security-info-wizard.js';
import { expect, expectAccessible, getByRole, recordEvents, waitUntilFound } from '../../test/helpers.js';
import { enterCode, enterPhone, expectMessage, mount, phoneOnly, step } from '../../test/wizard.js';

const CODE = '123456';

/**
 * The phone routes of the HTTP contract as far as this flow goes, over the fetch adapter: one challenge, whose first
 * verify is done but never answered (the request hangs until the adapter gives up on it), and whose verify sent again
 * with the same code answers 204, as the reference server does.
 */
function lostAnswerBackend(timeout: number) {
  const sends: unknown[] = [];
  const verifies: unknown[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const { pathname } = new URL(String(input), location.href);
    const body: unknown = JSON.parse(String(init.body ?? 'null'));
    if (init.method === 'POST' && pathname === '/api/phone/challenges') {
      sends.push(body);
      return Response.json(
        { challengeId: 'ch-1', codeLength: 6, expiresInSeconds: 300, resendInSeconds: 30, confirmation: 'code' },
        { status: 201 },
      );
    }
    if (init.method === 'POST' && pathname === '/api/phone/challenges/ch-1/verify') {
      verifies.push(body);
      if (verifies.length > 1) return new Response(null, { status: 204 });
      const signal = init.signal!;
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    }
    return Response.json({ code: 'unknown' }, { status: 404 });
  };
  return { adapter: createFetchAdapter({ baseUrl: '/api', fetch, timeout }), sends, verifies };
}

// Short time-outs, the adapter's or the wizard's: the test waits a moment, not the default 15 or 30 seconds.
const GIVING_UP = [
  { who: 'the adapter', adapter: 300, wizard: 30_000 },
  { who: 'the wizard', adapter: 15_000, wizard: 300 },
];

describe('security-info-wizard: a verify whose answer was lost', () => {
  for (const timeouts of GIVING_UP) {
    it(`says the server is slow when ${timeouts.who} gives up, and Verify pressed again with the same code completes`, async () => {
      const { adapter, sends, verifies } = lostAnswerBackend(timeouts.adapter);
      const wizard = await mount(adapter, { policy: phoneOnly });
      wizard.timeout = timeouts.wizard;
      const completed = recordEvents(wizard, 'security-info-complete');
      await enterPhone(wizard);
      await enterCode(wizard, CODE);
      await expectMessage(wizard, /taking too long/);
      expect(wizard.step, 'the person stays at the code').to.equal('code');
      const field = (await waitUntilFound(wizard, 'textbox', /code/i)) as HTMLInputElement;
      expect(field.value, 'the code typed is kept, to send again').to.equal(CODE);
      const verify = getByRole<HTMLButtonElement>(wizard, 'button', { name: 'Verify' });
      expect(verify.disabled || verify.getAttribute('aria-disabled') === 'true', 'Verify can be pressed').to.equal(
        false,
      );
      await expectAccessible(wizard);
      verify.click();
      await step(wizard, 'done');
      expect(completed.map((event) => event.detail)).to.deep.equal([
        { method: 'phone', phoneNumber: '+31612345678', channel: 'sms' },
      ]);
      expect(sends, 'one code sent').to.have.length(1);
      expect(verifies, 'the same code verified twice').to.deep.equal([{ code: CODE }, { code: CODE }]);
    });
  }
});
