import type { PhoneMetadata } from '@security-info/core';
import { PhoneDataController, type PhoneDataOptions } from './phone-data.js';
import { expect } from '../../test/helpers.js';
import { testHost } from '../../test/host.js';

/** Stands in for core's chunks: the test settles each load when it likes. */
function fakeLoads() {
  const calls: { codes: readonly string[]; resolve(): void; reject(): void }[] = [];
  let loaded = { countries: {}, country_calling_codes: {} } as unknown as PhoneMetadata;
  const load = (codes: readonly string[]) =>
    new Promise<PhoneMetadata>((resolve, reject) => {
      calls.push({
        codes,
        resolve: () => {
          // What core would hold: the regions of those calling codes (31 is NL, 32 is BE).
          const regions = Object.fromEntries(codes.map((code) => [code === '31' ? 'NL' : 'BE', {}]));
          loaded = { ...loaded, countries: { ...(loaded as { countries: object }).countries, ...regions } } as never;
          resolve(loaded);
        },
        reject: () => reject(new TypeError('Failed to fetch dynamically imported module')),
      });
    });
  return { calls, load };
}

async function controller(options: Omit<PhoneDataOptions, 'load'> = {}) {
  const host = await testHost();
  const loads = fakeLoads();
  const data = new PhoneDataController(host, { ...options, load: loads.load });
  return { host, data, calls: loads.calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('PhoneDataController', () => {
  it('loads the calling codes a number and a region need, once while it is on its way', async () => {
    const seen: PhoneMetadata[] = [];
    const { data, calls } = await controller({ loaded: (metadata) => seen.push(metadata) });
    data.need('+32 470', 'NL');
    data.need('+32 4701', 'NL');
    expect(calls.map((call) => call.codes)).to.deep.equal([['31', '32']]);
    calls[0]!.resolve();
    await settle();
    expect(seen).to.have.length(1);
    expect(data.metadata).to.equal(seen[0]);
  });

  it('asks for nothing it has', async () => {
    const { data, calls } = await controller();
    data.need('', 'NL');
    calls[0]!.resolve();
    await settle();
    data.need('0612', 'NL');
    expect(calls).to.have.length(1);
  });

  it('tries a load that failed again at the next need, and says it failed', async () => {
    const failures: unknown[] = [];
    const { data, calls } = await controller({ failed: (error) => failures.push(error) });
    data.need('', 'NL');
    calls[0]!.reject();
    await settle();
    expect(failures).to.have.length(1);
    data.need('', 'NL');
    expect(calls).to.have.length(2);
  });

  it('tries again by itself when the browser is back online', async () => {
    const { data, calls } = await controller();
    data.need('+31 6', undefined);
    calls[0]!.reject();
    await settle();
    window.dispatchEvent(new Event('online'));
    expect(calls.map((call) => call.codes)).to.deep.equal([['31'], ['31']]);
  });

  it('tries again when the element is connected again, and stops listening while it is away', async () => {
    const { host, data, calls } = await controller();
    data.need('+31 6', undefined);
    calls[0]!.reject();
    await settle();
    const parent = host.parentElement!;
    host.remove();
    window.dispatchEvent(new Event('online'));
    expect(calls).to.have.length(1);
    parent.append(host);
    expect(calls).to.have.length(2);
  });
});
