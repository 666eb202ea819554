import { LitElement, html as litHtml } from 'lit';
import { loadPhoneMetadata, type PhoneMetadata } from '@security-info/core';
import { PhoneNumberController } from './phone-number.js';
import { defineElement } from '../shared/define.js';
import { expect, expectAccessible, fixture, getByRole, html, typeInto, waitUntil } from '../../test/helpers.js';

type Load = (codes: readonly string[]) => Promise<PhoneMetadata>;

/** The phone data of these calling codes only, as a page that loaded no other has it. */
async function dataOf(codes: readonly string[]): Promise<PhoneMetadata> {
  const all = await loadPhoneMetadata();
  const regions = new Set<string>(codes.flatMap((code) => all.country_calling_codes[code] ?? []));
  const countries = Object.fromEntries(Object.entries(all.countries).filter(([region]) => regions.has(region)));
  return { ...all, countries, nonGeographic: {} };
}

/** A loader that records what it is asked for and holds each load until `arrive()`. */
function loader({ held = false } = {}) {
  const asked: string[] = [];
  let arrive!: () => void;
  const arrived = held ? new Promise<void>((resolve) => (arrive = resolve)) : Promise.resolve();
  const load: Load = async (codes) => {
    asked.push(...codes);
    await arrived;
    return dataOf(asked);
  };
  return { asked, load, arrive: () => arrive() };
}

/** The number field alone, with the region and the data it is given, keeping the regions the number chose. */
class NumberHost extends LitElement {
  allowedCountries: string[] = [];
  channels = [];
  load: Load = (codes) => dataOf(codes);
  readonly found: string[] = [];
  edits = 0;
  #country = 'NL';
  readonly number = new PhoneNumberController(this, {
    likelyRegion: () => 'NL',
    load: (codes) => this.load(codes),
    loaded: () => {
      this.number.refresh();
      this.requestUpdate();
    },
    failed: () => {},
    edited: () => this.edits++,
    left: () => {},
    followed: () => {},
  });

  get country(): string {
    return this.#country;
  }

  set country(code: string) {
    if (code && code !== this.#country) this.found.push(code);
    this.#country = code;
    this.requestUpdate();
  }

  protected override render() {
    return litHtml`${this.number.render({
      invalid: false,
      describedBy: 'note',
      disabled: false,
      readonly: false,
      required: false,
    })}<p id="note">A note on the number.</p>`;
  }
}
defineElement('phone-number-host', NumberHost);

/** Puts `text` in the field as one edit, as a paste over everything would. */
function enter(field: HTMLInputElement, text: string) {
  field.focus();
  field.value = text;
  field.setSelectionRange(text.length, text.length);
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: text }));
}

async function numberHost(setup: Partial<Pick<NumberHost, 'country' | 'allowedCountries' | 'load'>> = {}) {
  const host = Object.assign(new NumberHost(), setup);
  await fixture(html`<div>${host}</div>`);
  const field = getByRole<HTMLInputElement>(host, 'textbox', { name: 'Phone number' });
  return { host, field };
}

describe('PhoneNumberController', () => {
  it('keeps what is typed as it is until the data arrives, then formats it and reads its value', async () => {
    const data = loader({ held: true });
    const { host, field } = await numberHost({ load: data.load });
    await typeInto(field, '0612345678');
    await host.updateComplete;
    expect(field.value).to.equal('0612345678');
    expect(host.number.check()).to.equal(undefined);
    expect(host.number.value).to.equal('');
    data.arrive();
    await waitUntil(() => field.value === '06 12345678', `shown as ${field.value}`);
    expect(host.number.value).to.equal('+31612345678');
    expect(data.asked).to.deep.equal(['31']);
    await expectAccessible(host);
  });

  it('asks for the data of a calling code typed, once, and follows it to its region', async () => {
    const data = loader();
    const { host, field } = await numberHost({ load: data.load });
    await waitUntil(() => host.number.metadata, 'no data');
    await typeInto(field, '+32470123456');
    await waitUntil(() => field.value === '+32 470 12 34 56', `shown as ${field.value}`);
    expect(host.number.value).to.equal('+32470123456');
    expect(data.asked).to.deep.equal(['31', '32']);
    expect(host.found).to.deep.equal(['BE']);
    expect(host.edits).to.equal(12);
  });

  it('reads 00 and 011 as + while no region is chosen, and a tel: link', async () => {
    const metadata = await loadPhoneMetadata();
    const { host, field } = await numberHost({ country: '', load: () => Promise.resolve(metadata) });
    await waitUntil(() => host.number.metadata, 'no data');
    enter(field, '0031 6 12345678');
    await host.updateComplete;
    expect(host.number.value).to.equal('+31612345678');
    expect(field.value).to.equal('+31 6 12345678');
    host.country = '';
    enter(field, '01144 7400 123456');
    await host.updateComplete;
    expect(host.number.value).to.equal('+447400123456');
    enter(field, 'tel:+32470123456');
    await host.updateComplete;
    expect(host.number.value).to.equal('+32470123456');
    expect(host.found).to.deep.equal(['NL', 'GB', 'BE']);
  });

  it('shows an E.164 value with its region once its data is here, and gives it as its value meanwhile', async () => {
    const data = loader({ held: true });
    const { host, field } = await numberHost({ load: data.load });
    expect(host.number.show('+32470123456')).to.equal(undefined);
    expect(host.number.value).to.equal('+32470123456');
    data.arrive();
    await waitUntil(() => field.value === '+32 470 12 34 56', `shown as ${field.value}`);
    expect(host.country).to.equal('BE');
    expect(host.number.value).to.equal('+32470123456');
    expect(host.edits).to.equal(0);
  });

  it('checks the number once for the same text, region, allowed regions and data', async () => {
    const { host, field } = await numberHost();
    await waitUntil(() => host.number.metadata, 'no data');
    await typeInto(field, '0612345678');
    const check = host.number.check();
    expect(check).to.include({ valid: true, e164: '+31612345678' });
    expect(host.number.check()).to.equal(check);
    host.allowedCountries = ['BE'];
    expect(host.number.check()).to.deep.equal({ valid: false, problem: 'region-not-allowed', region: 'NL' });
  });
});
