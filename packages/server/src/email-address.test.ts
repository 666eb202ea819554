import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { asciiAddress, asciiDomain } from './email-address.js';

describe('asciiDomain', () => {
  it('writes a Unicode domain in its xn-- form', () => {
    assert.equal(asciiDomain('bücher.example'), 'xn--bcher-kva.example');
  });

  it('keeps a domain already in xn-- form', () => {
    assert.equal(asciiDomain('xn--bcher-kva.example'), 'xn--bcher-kva.example');
  });

  it('lowercases as the conversion does', () => {
    assert.equal(asciiDomain('Bücher.EXAMPLE'), 'xn--bcher-kva.example');
  });

  it('keeps a domain that has no ASCII form as written', () => {
    assert.equal(asciiDomain('Exa mple.COM'), 'Exa mple.COM');
  });
});

describe('asciiAddress', () => {
  it('converts the domain only, keeping the local part as written', () => {
    assert.equal(asciiAddress('Jan@Bücher.Example'), 'Jan@xn--bcher-kva.example');
    assert.equal(asciiAddress('Jan@xn--bcher-kva.example'), 'Jan@xn--bcher-kva.example');
    assert.equal(asciiAddress('Jan@EXAMPLE.com'), 'Jan@example.com');
  });

  it('with lowercase, lowercases the local part too', () => {
    assert.equal(asciiAddress('Jan@Bücher.Example', { lowercase: true }), 'jan@xn--bcher-kva.example');
    assert.equal(asciiAddress('JAN@EXAMPLE.COM', { lowercase: true }), 'jan@example.com');
  });

  it('keeps a domain that has no ASCII form, lowercased only when asked', () => {
    assert.equal(asciiAddress('Jan@Exa mple.COM'), 'Jan@Exa mple.COM');
    assert.equal(asciiAddress('Jan@Exa mple.COM', { lowercase: true }), 'jan@exa mple.com');
  });

  it('splits at the last @', () => {
    assert.equal(asciiAddress('"a@b"@Bücher.Example'), '"a@b"@xn--bcher-kva.example');
  });
});
