// The handler's metrics hooks: what is told for a send, a check, a refusal and each answer, and that a broken
// metric never breaks a request.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SecurityInfoMetrics } from './options.js';
import { setup } from './test-support.js';

function recording() {
  const events: { name: string; event: Record<string, unknown> }[] = [];
  const record = (name: string) => (event: object) => void events.push({ name, event: { ...event } });
  const metrics: SecurityInfoMetrics = {
    codeSent: record('codeSent'),
    codeChecked: record('codeChecked'),
    refused: record('refused'),
    answered: record('answered'),
  };
  const named = (name: string) => events.filter((entry) => entry.name === name).map((entry) => entry.event);
  return { metrics, named };
}

describe('metrics', () => {
  it('tells each delivered code by channel and country', async () => {
    const { metrics, named } = recording();
    await setup({ metrics }).start('+31612345678', 'voice');
    assert.deepEqual(named('codeSent'), [{ channel: 'voice', region: 'NL', outcome: 'delivered' }]);
  });

  it('tells a code the sender refused', async () => {
    const { metrics, named } = recording();
    const server = setup({ metrics, sender: { send: () => Promise.reject(new Error('provider down')) } });
    assert.equal((await server.sendCode()).status, 422);
    assert.deepEqual(named('codeSent'), [{ channel: 'sms', region: 'NL', outcome: 'failed' }]);
    assert.deepEqual(named('refused'), [{ route: 'send', error: 'channel-unavailable', status: 422 }]);
  });

  it('tells how each checked code ended', async () => {
    const { metrics, named } = recording();
    const server = setup({ metrics });
    const id = await server.start();
    await server.verify(id, server.wrongCode());
    await server.verify(id, server.lastCode());
    await server.verify(id, server.lastCode());
    await server.verify('no-such-challenge', '123456');
    assert.deepEqual(
      named('codeChecked').map((event) => event.outcome),
      ['invalid-code', 'verified', 'used', 'not-found'],
    );
    assert.ok(named('codeChecked').every((event) => event.purpose === 'enroll'));
  });

  it('tells every answer with its route, never an id, and a duration', async () => {
    const { metrics, named } = recording();
    const server = setup({ metrics });
    const id = await server.start();
    await server.verify(id, server.lastCode());
    await server.handler(new Request('http://portal.test/elsewhere'));
    const answered = named('answered');
    assert.deepEqual(
      answered.map(({ route, method, status }) => ({ route, method, status })),
      [
        { route: 'send', method: 'POST', status: 201 },
        { route: 'verify', method: 'POST', status: 204 },
        { route: 'other', method: 'GET', status: 404 },
      ],
    );
    assert.ok(answered.every((event) => typeof event.seconds === 'number' && event.seconds >= 0));
  });

  it('answers as usual when a metric throws', async () => {
    const broken = () => {
      throw new Error('metrics backend gone');
    };
    const server = setup({ metrics: { codeSent: broken, codeChecked: broken, refused: broken, answered: broken } });
    const id = await server.start();
    assert.equal((await server.verify(id, server.wrongCode())).status, 422);
    assert.equal((await server.verify(id, server.lastCode())).status, 204);
  });
});
