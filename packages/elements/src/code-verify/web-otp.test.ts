import { html as litHtml, LitElement } from 'lit';
import { WebOtpController, type OtpRequest } from './web-otp.js';
import { defineElement } from '../shared/define.js';
import { expect, fixture, getByRole, html, waitUntil } from '../../test/helpers.js';

/** What the browser was asked, and a way for the test to be the text message that arrives (or does not). */
interface Asked {
  options: CredentialRequestOptions & { otp?: unknown };
  deliver(code: string | null): void;
  refuse(): void;
}

/** A code field that takes the code of a text message while `wanted`, asking the test's stand-in browser. */
class TestOtpField extends LitElement {
  static override properties = { code: { state: true } };
  declare code: string;
  wanted = true;
  /** Whether the stand-in browser ends a request that is aborted, as browsers do; a late one may still answer. */
  heedsAbort = true;
  readonly asked: Asked[] = [];
  readonly received: string[] = [];
  private readonly request: OtpRequest = (options) =>
    new Promise((resolve, reject) => {
      if (this.heedsAbort) {
        options.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
      }
      this.asked.push({
        options,
        deliver: (code) => resolve(code === null ? null : ({ id: '', type: 'otp', code } as Credential)),
        refuse: () => reject(new DOMException('The person dismissed the prompt.', 'AbortError')),
      });
    });
  readonly otp = new WebOtpController(this, {
    enabled: () => this.wanted,
    received: (code) => {
      this.received.push(code);
      this.code = code;
    },
    request: this.request,
  });

  constructor() {
    super();
    this.code = '';
  }

  override render() {
    return litHtml`<label>Code <input .value=${this.code} /></label>`;
  }
}
defineElement('test-otp-field', TestOtpField);

declare global {
  interface HTMLElementTagNameMap {
    'test-otp-field': TestOtpField;
  }
}

const field = (el: TestOtpField) => getByRole<HTMLInputElement>(el, 'textbox', { name: 'Code' });
const signal = (asked: Asked) => asked.options.signal!;

async function otpField({ wanted = true, heedsAbort = true } = {}) {
  const el = document.createElement('test-otp-field');
  el.wanted = wanted;
  el.heedsAbort = heedsAbort;
  return fixture<TestOtpField>(html`${el}`);
}

describe('WebOtpController', () => {
  it("asks the browser for a text message's code once on the page, and fills it in when it comes", async () => {
    const el = await otpField();
    expect(el.asked).to.have.length(1);
    expect(el.asked[0]!.options.otp).to.deep.equal({ transport: ['sms'] });
    el.asked[0]!.deliver('246810');
    await waitUntil(() => field(el).value === '246810', 'the code was not filled in');
    el.otp.listen();
    expect(el.asked, 'a new request once the first has answered').to.have.length(2);
  });

  it('asks once at a time', async () => {
    const el = await otpField();
    el.otp.listen();
    el.otp.listen();
    expect(el.asked).to.have.length(1);
    expect(signal(el.asked[0]!).aborted).to.equal(false);
  });

  it('asks nothing while the host wants no code, and stops asking when it no longer does', async () => {
    const el = await otpField({ wanted: false });
    expect(el.asked).to.have.length(0);
    el.wanted = true;
    el.otp.listen();
    expect(el.asked).to.have.length(1);
    el.wanted = false;
    el.otp.listen();
    expect(signal(el.asked[0]!).aborted).to.equal(true);
  });

  it('stops asking when the host leaves the page, and asks again when it is back', async () => {
    const el = await otpField();
    const parent = el.parentNode!;
    el.remove();
    expect(signal(el.asked[0]!).aborted).to.equal(true);
    parent.append(el);
    expect(el.asked).to.have.length(2);
    expect(signal(el.asked[1]!).aborted).to.equal(false);
  });

  it('stops asking once a code is in hand, and asks again for a new message', async () => {
    const el = await otpField();
    el.otp.abort();
    expect(signal(el.asked[0]!).aborted).to.equal(true);
    el.otp.listen();
    expect(el.asked).to.have.length(2);
  });

  it('fills in nothing when no code comes, or the person dismisses the prompt, and can ask again', async () => {
    const el = await otpField();
    /** Asks again as soon as the request under way has ended, as a host does for a new message. */
    const askedAgain = (count: number) =>
      waitUntil(() => {
        el.otp.listen();
        return el.asked.length === count;
      }, `no request number ${count}`);
    el.asked[0]!.deliver(null);
    await askedAgain(2);
    el.asked[1]!.refuse();
    await askedAgain(3);
    expect(el.received).to.deep.equal([]);
    expect(field(el).value).to.equal('');
  });

  it('drops a code that answers a request already stopped', async () => {
    const el = await otpField({ heedsAbort: false });
    const late = el.asked[0]!;
    el.otp.abort();
    late.deliver('111111');
    el.otp.listen();
    el.asked[1]!.deliver('222222');
    await waitUntil(() => field(el).value !== '', 'no code was filled in');
    expect(el.received).to.deep.equal(['222222']);
  });
});
