import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkEmail, maskEmail } from './email.js';

const result = (input: string) => checkEmail(input) as { email?: string; problem?: string };
const problem = (input: string) => result(input).problem;
const email = (input: string) => result(input).email;

test('an ordinary address passes, trimmed, with its domain lowercased and its local part as typed', () => {
  assert.deepEqual(checkEmail('  Jan.de-Vries+reset@Example.COM \n'), { email: 'Jan.de-Vries+reset@example.com' });
  assert.equal(email("o'brien_{x}~@sub.example.co.uk"), "o'brien_{x}~@sub.example.co.uk");
});

test('nothing typed is required, not malformed', () => {
  assert.equal(problem(''), 'required');
  assert.equal(problem('   \t'), 'required');
  assert.equal(problem('mailto:'), 'required');
});

test('over 254 characters is too long, counted after trimming; ten thousand characters are refused at once', () => {
  const at254 = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.nl`;
  assert.equal(at254.length, 254);
  assert.equal(email(`  ${at254}  `), at254);
  assert.equal(problem(`${at254}x`), 'too-long');
  assert.equal(problem('a'.repeat(10_000)), 'too-long');
  assert.equal(problem(`${'a'.repeat(5_000)}@${'b'.repeat(5_000)}.com`), 'too-long');
});

test('the address answered is never over 254 characters, though lowercasing lengthens one (İ becomes i and a dot)', () => {
  // 228 characters as typed, 445 once the domain is lowercased, which is what the server keeps and lists.
  const typed = `a@${`${'İ'.repeat(31)}.`.repeat(7)}nl`;
  assert.equal(typed.length, 228);
  assert.equal(problem(typed), 'too-long');
  const fits = `a@${'İ'.repeat(31)}.nl`;
  assert.equal(email(fits)?.length, 67);
});

test('without an @ there is no address', () => {
  assert.equal(problem('jan.example.com'), 'no-at');
});

test('a local part that is empty, long, spaced, quoted or outside the dot-atom is refused', () => {
  for (const input of [
    '@example.com',
    `${'a'.repeat(65)}@example.com`,
    'jan de vries@example.com',
    '"jan de vries"@example.com',
    '"jan@home"@example.com',
    '.jan@example.com',
    'jan.@example.com',
    'jan..vries@example.com',
    'jan(comment)@example.com',
    'jan,vries@example.com',
    'jän@example.com',
    'jan@@example.com',
  ]) {
    assert.equal(problem(input), 'local-part', input);
  }
  assert.equal(email(`${'a'.repeat(64)}@example.com`), `${'a'.repeat(64)}@example.com`);
});

test('a domain without a dot, with an empty, long or hyphen-edged label, or odd characters is refused', () => {
  for (const input of [
    'jan@localhost',
    'jan@',
    'jan@example.com.',
    'jan@.example.com',
    'jan@example..com',
    `jan@${'a'.repeat(64)}.com`,
    'jan@-example.com',
    'jan@example-.com',
    'jan@exa mple.com',
    'jan@exa_mple.com',
    'jan@example.com/path',
    'jan@[192.168.0.1]',
    'jan@192.168.0.1',
    'jan@xn--.com',
    'jan@例え.テスト!',
  ]) {
    assert.equal(problem(input), 'domain', input);
  }
  assert.equal(email(`jan@${'a'.repeat(63)}.com`), `jan@${'a'.repeat(63)}.com`);
});

test('internationalized domains pass in Unicode (lowercased) and as xn--', () => {
  assert.equal(email('info@موقع.وزارة-الاتصالات.مصر'), 'info@موقع.وزارة-الاتصالات.مصر');
  assert.equal(email('info@例え.テスト'), 'info@例え.テスト');
  assert.equal(email('info@中国互联网络信息中心.中国'), 'info@中国互联网络信息中心.中国');
  assert.equal(email('info@मेल.भारत'), 'info@मेल.भारत');
  assert.equal(email('info@MÜNCHEN.de'), 'info@münchen.de');
  assert.equal(email('info@xn--mnchen-3ya.de'), 'info@xn--mnchen-3ya.de');
  assert.equal(email('info@XN--FSQU00A.XN--3LR804GUIC'), 'info@xn--fsqu00a.xn--3lr804guic');
});

test('a domain with an invisible character is refused: IDNA drops it, so it would show a domain it is not', () => {
  for (const invisible of ['\ufe0f', '\u034f', '\u180b', '\u{e0100}', '\u3164', '\u115f', '\u200b', '\u00ad']) {
    const input = `jan@exa${invisible}mple.com`;
    assert.equal(problem(input), 'domain', JSON.stringify(input));
  }
  // Marks that show, as scripts combine them, still pass.
  assert.equal(email('info@मेल.भारत'), 'info@मेल.भारत');
  assert.equal(email('info@ca\u0301fe.fr'), 'info@ca\u0301fe.fr'.normalize('NFKC'));
});

test('full-width @ and dots fold to ASCII, as a Japanese or Chinese keyboard types them', () => {
  assert.equal(email('ｊａｎ＠ｅｘａｍｐｌｅ．ｃｏｍ'), 'jan@example.com');
  assert.equal(email('jan@例え。テスト'), 'jan@例え.テスト');
  assert.equal(email('jan@example｡com'), 'jan@example.com');
});

test('a pasted mailto: prefix is dropped', () => {
  assert.equal(email('mailto:jan@example.com'), 'jan@example.com');
  assert.equal(email(' MAILTO:jan@example.com'), 'jan@example.com');
});

test('an address pasted with the name a mail program shows it under is that address', () => {
  assert.equal(email('Jan <jan@example.com>'), 'jan@example.com');
  assert.equal(email(' "Jan de Vries" < jan@Example.com > '), 'jan@example.com');
  assert.equal(email('<mailto:jan@example.com>'), 'jan@example.com');
  assert.equal(email('Jan ＜jan@example.com＞'), 'jan@example.com');
  assert.equal(problem('Jan <>'), 'required');
  assert.equal(problem('Jan <jan@example.com'), 'local-part');
  assert.equal(problem('Jan <jan@example.com> <ana@example.com>'), 'local-part');
});

test('invisible characters a paste leaves around an address are dropped, not read as part of it', () => {
  // A direction mark from right-to-left text, a zero-width space, a byte order mark: at either end only.
  assert.equal(email('\u200ejan@example.com\u200b'), 'jan@example.com');
  assert.equal(email('\ufeff mailto:jan@example.com\u200f '), 'jan@example.com');
  assert.equal(problem('jan@exa\u200bmple.com'), 'domain');
  assert.equal(problem('\u200b\u200e'), 'required');
});

test('masking keeps the first character and the domain', () => {
  assert.equal(maskEmail('jan@example.com'), 'j•••@example.com');
  assert.equal(maskEmail('j@example.com'), 'j•••@example.com');
  assert.equal(maskEmail('info@例え.テスト'), 'i•••@例え.テスト');
  assert.equal(maskEmail('😀x@example.com'), '😀•••@example.com');
  assert.equal(maskEmail('no-address'), '•••');
});
