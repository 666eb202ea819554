import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APP_TOTP, findStep, hotp, totp, totpStep, type TotpAlgorithm } from './totp.js';

const ascii = (text: string) => new TextEncoder().encode(text);
/** RFC 6238's seeds: "12345678901234567890" repeated to the hash's own length (20, 32 and 64 bytes). */
const SEEDS: Record<TotpAlgorithm, Uint8Array> = {
  SHA1: ascii('12345678901234567890'),
  SHA256: ascii('12345678901234567890123456789012'),
  SHA512: ascii('1234567890123456789012345678901234567890123456789012345678901234'),
};

// RFC 6238, appendix B: time in seconds, then the 8-digit TOTP for SHA-1, SHA-256 and SHA-512.
const APPENDIX_B: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

// RFC 4226, appendix D: HOTP of the SHA-1 seed for counters 0 to 9.
const APPENDIX_D = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];

describe('HOTP (RFC 4226)', () => {
  it('gives the appendix D values', async () => {
    for (const [counter, expected] of APPENDIX_D.entries())
      assert.equal(await hotp(SEEDS.SHA1, counter), expected, `counter ${counter}`);
  });

  it('refuses lengths other than 6 to 8 digits', async () => {
    for (const digits of [5, 9, 6.5])
      await assert.rejects(hotp(SEEDS.SHA1, 0, { algorithm: 'SHA1', digits }), RangeError);
  });
});

describe('TOTP (RFC 6238)', () => {
  it('gives the appendix B values for SHA-1, SHA-256 and SHA-512, each with its own seed', async () => {
    for (const [seconds, ...expected] of APPENDIX_B) {
      const algorithms: TotpAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];
      for (const [i, algorithm] of algorithms.entries()) {
        const code = await totp(SEEDS[algorithm], seconds * 1000, { algorithm, digits: 8, periodSeconds: 30 });
        assert.equal(code, expected[i], `${algorithm} at ${seconds}`);
      }
    }
  });

  it('uses 30-second steps counted from the epoch', () => {
    assert.equal(totpStep(59_000), 1);
    assert.equal(totpStep(1111111109_000), 0x23523ec);
    assert.equal(totpStep(20000000000_000), 0x27bc86aa);
  });

  it('gives the 6-digit code an app shows: the last 6 digits of the 8', async () => {
    assert.equal(await totp(SEEDS.SHA1, 1111111109_000, APP_TOTP), '081804');
  });
});

describe('findStep', () => {
  const key = SEEDS.SHA1;
  const at = 1_700_000_000_000;
  const step = totpStep(at);
  const codeAt = (offset: number) => hotp(key, step + offset);

  it('finds the current step and one either side', async () => {
    for (const offset of [-1, 0, 1]) assert.equal(await findStep(key, await codeAt(offset), at), step + offset);
  });

  it('refuses a code two steps away', async () => {
    for (const offset of [-2, 2]) assert.equal(await findStep(key, await codeAt(offset), at), null);
  });

  it('refuses a step at or before the last one accepted', async () => {
    assert.equal(await findStep(key, await codeAt(0), at, { after: step }), null);
    assert.equal(await findStep(key, await codeAt(-1), at, { after: step - 1 }), null);
    assert.equal(await findStep(key, await codeAt(1), at, { after: step }), step + 1);
  });

  it('refuses a code of another length or another key', async () => {
    const code = await codeAt(0);
    assert.equal(await findStep(key, `${code}0`, at), null);
    assert.equal(await findStep(key, code.slice(1), at), null);
    assert.equal(await findStep(SEEDS.SHA256, code, at), null);
  });
});
