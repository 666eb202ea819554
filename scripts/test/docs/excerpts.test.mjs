// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { excerptsOf } from './excerpts.mjs';

test('an interface a block declares without using is an excerpt; one it uses is its own', () => {
  const code = [
    'interface PhoneChallenge {',
    '  challengeId: string;',
    "  'codeLength'?: number;",
    '}',
    'interface Props { a: string }',
    'export function f(props: Props) { return props.a; }',
  ].join('\n');
  assert.deepEqual(excerptsOf(code), [{ name: 'PhoneChallenge', members: ['challengeId', 'codeLength'], line: 1 }]);
});
