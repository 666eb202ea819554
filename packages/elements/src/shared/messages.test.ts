import { LitElement } from 'lit';
import { ERROR_CODES } from '@security-info/core';
import { errorMessage, formatWait } from './error-messages.js';
import { CountdownController } from './countdown.js';
import { defineElement } from './define.js';
import { expect, fixture, html, waitUntil } from '../../test/helpers.js';

describe('errorMessage', () => {
  it('has its own message for every error code', () => {
    const texts = ERROR_CODES.map((code) => errorMessage(code));
    expect(new Set(texts).size).to.equal(ERROR_CODES.length);
    for (const text of texts) expect(text).to.match(/\.$/, 'a full sentence');
  });

  it('says when to try again when the backend tells it', () => {
    expect(errorMessage('rate-limited', { retryAfterSeconds: 45 })).to.contain('0:45');
    expect(errorMessage('too-many-attempts', { retryAfterSeconds: 299.2 })).to.contain('5:00');
  });
});

describe('formatWait', () => {
  it('reads minutes and seconds, in the locale digits', () => {
    expect(formatWait(25)).to.equal('0:25');
    expect(formatWait(605)).to.equal('10:05');
    expect(formatWait(-3)).to.equal('0:00');
    expect(formatWait(25, 'ar-EG')).to.equal('٠:٢٥');
  });

  it('says hours for long waits', () => {
    expect(formatWait(7200, 'en')).to.equal('2 hours');
  });
});

class CountdownHost extends LitElement {
  readonly countdown = new CountdownController(this, () => (this.ended = true));
  ended = false;
}
defineElement('countdown-host', CountdownHost);

describe('CountdownController', () => {
  it('counts down to zero and says so once', async () => {
    const host = await fixture<CountdownHost>(html`<countdown-host></countdown-host>`);
    host.countdown.start(1);
    expect(host.countdown.remaining).to.equal(1);
    expect(host.countdown.running).to.equal(true);
    await waitUntil(() => host.ended, 'the countdown never ended', { timeout: 5000 });
    expect(host.countdown.remaining).to.equal(0);
  });

  it('stops on request', async () => {
    const host = await fixture<CountdownHost>(html`<countdown-host></countdown-host>`);
    host.countdown.start(30);
    host.countdown.stop();
    expect(host.countdown.running).to.equal(false);
  });
});
