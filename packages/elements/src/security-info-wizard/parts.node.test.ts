// The parts the wizard forwards (exportparts) are every part its steps' elements document, each under its step's
// name, and the wizard's JSDoc (so the manifest, Storybook and the docs) lists each: a part added to a step, or
// renamed there, without its forwarding fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const wizard = read('./security-info-wizard.ts');
const steps = read('./wizard-steps.ts');
const methods = read('./wizard-methods.ts');

/** The parts an element's JSDoc documents. */
const documented = (source: string) => [...source.matchAll(/@csspart ([\w-]+) - /g)].map((match) => match[1]!).sort();

/** The `inner: outer` pairs of an exportparts constant, its string pieces joined. */
function forwarded(source: string, name: string): [inner: string, outer: string][] {
  const value = new RegExp(`const ${name} =([^;]+);`).exec(source)?.[1];
  assert.ok(value, `no ${name}`);
  const joined = [...value.matchAll(/'([^']*)'/g)].map((match) => match[1]).join('');
  return joined.split(',').map((pair) => pair.split(':').map((part) => part.trim()) as [string, string]);
}

const stepsOf = [
  { prefix: 'methods-', element: '../method-picker/method-picker.ts', parts: forwarded(wizard, 'METHODS_PARTS') },
  {
    prefix: 'phone-',
    element: '../security-info-phone/security-info-phone.ts',
    parts: forwarded(steps, 'PHONE_PARTS'),
  },
  { prefix: 'code-', element: '../code-verify/code-verify.ts', parts: forwarded(steps, 'CODE_PARTS') },
  { prefix: 'email-', element: '../email-address/email-address.ts', parts: forwarded(methods, 'EMAIL_PARTS') },
  {
    prefix: 'app-',
    element: '../authenticator-app/authenticator-app-setup.ts',
    parts: forwarded(methods, 'APP_PARTS'),
  },
  {
    prefix: 'questions-',
    element: '../security-questions/security-questions-form.ts',
    parts: forwarded(methods, 'QUESTIONS_PARTS'),
  },
  { prefix: 'passkey-', element: '../passkey/passkey-setup.ts', parts: forwarded(methods, 'PASSKEY_PARTS') },
];

for (const { prefix, element, parts } of stepsOf) {
  test(`every part of ${element.split('/').pop()} is forwarded once, as ${prefix}…`, () => {
    assert.deepEqual(parts.map(([inner]) => inner).sort(), documented(read(element)));
    for (const [, outer] of parts) assert.ok(outer.startsWith(prefix), `${outer} does not say its step`);
    assert.equal(new Set(parts.map(([, outer]) => outer)).size, parts.length);
  });
}

test("the wizard's JSDoc lists every forwarded part, and no other of its steps'", () => {
  const outer = stepsOf.flatMap(({ parts }) => parts.map(([, name]) => name)).sort();
  const stepParts = documented(wizard).filter((name) =>
    /^(methods|phone|code|email|app|questions|passkey)-/.test(name),
  );
  assert.deepEqual(stepParts, outer);
});
