// In a file of its own: a page loads each chunk of phone metadata once, and this test needs one not yet loaded.
import type { PhoneMetadata } from '@security-info/core';
import { SecurityInfoPhone } from './security-info-phone.js';
import {
  expect,
  expectAccessible,
  fixture,
  getByRole,
  html,
  nextEvent,
  networkOutage,
  typeInto,
  waitUntil,
} from '../../test/helpers.js';

const outage = (on: boolean) => networkOutage(on ? ['/generated/phone-metadata/phone-data-'] : []);

/** The element, counting the loads of its phone data that failed. */
class PhoneCountingFailures extends SecurityInfoPhone {
  failures = 0;
  protected override loadPhoneData(codes: readonly string[]): Promise<PhoneMetadata> {
    return super.loadPhoneData(codes).catch((error: unknown) => {
      this.failures++;
      throw error;
    });
  }
}
customElements.define('phone-counting-failures', PhoneCountingFailures);

describe('security-info-phone: phone data that cannot load', () => {
  afterEach(() => outage(false));

  it('says so when Next waits for it, and goes on once it loads', async () => {
    await outage(true);
    const el = await fixture<SecurityInfoPhone>(html`<security-info-phone default-country="JP"></security-info-phone>`);
    const field = getByRole<HTMLInputElement>(el, 'textbox', { name: 'Phone number' });
    await typeInto(field, '090-1234-5678');
    const next = getByRole(el, 'button', { name: 'Next' });
    next.click();
    const alert = () => getByRole(el, 'alert', { hidden: true }).textContent ?? '';
    await waitUntil(() => /offline/i.test(alert()), `no message: "${alert()}"`);
    expect(field.value).to.equal('090-1234-5678', 'nothing the person typed is lost');
    await expectAccessible(el);

    await outage(false);
    const submitted = nextEvent(el, 'phone-submit');
    next.click();
    expect((await submitted).detail.phoneNumber).to.equal('+819012345678');
  });

  it('keeps what the person typed while it loads, though the host set an empty value', async () => {
    await outage(true);
    const el = await fixture<SecurityInfoPhone>(
      html`<security-info-phone default-country="IT" .value=${''}></security-info-phone>`,
    );
    const field = getByRole<HTMLInputElement>(el, 'textbox', { name: 'Phone number' });
    await typeInto(field, '312 345 6789');
    await outage(false);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => el.value === '+393123456789', `read as "${el.value}"`);
    expect(field.value.replace(/\D/g, '')).to.equal('3123456789');
  });

  it('loads it when the browser is back online', async () => {
    await outage(true);
    const el = Object.assign(new PhoneCountingFailures(), { defaultCountry: 'BR' });
    await fixture(html`<div>${el}</div>`);
    await waitUntil(() => el.failures > 0, 'the load never failed');
    await el.updateComplete;
    expect(el.matches(':state(loading)'), 'no data while offline').to.equal(true);
    await outage(false);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => !el.matches(':state(loading)'), 'the data never came');
    expect(getByRole<HTMLInputElement>(el, 'combobox', { name: 'Country or region' }).value).to.equal('Brazil (+55)');
    expect(el.failures).to.equal(1);
  });
});
