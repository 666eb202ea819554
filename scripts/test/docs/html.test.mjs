// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bareImports, packagesImported, scanHtml } from './html.mjs';

test('HTML is scanned for start tags, attributes and scripts, comments left out', () => {
  const html = [
    '<!-- <method-picker></method-picker> -->',
    '<security-info-wizard purpose="mfa" [adapter]="a > b" (security-info-complete)="done($event)" hidden>',
    '</security-info-wizard>',
    '<script type="module">',
    "  import '@security-info/elements';",
    '</script>',
  ].join('\n');
  const { elements, scripts } = scanHtml(html);
  assert.deepEqual(
    elements.map(({ tag, line, attributes }) => ({ tag, line, names: attributes.map((attribute) => attribute.name) })),
    [
      {
        tag: 'security-info-wizard',
        line: 2,
        names: ['purpose', '[adapter]', '(security-info-complete)', 'hidden'],
      },
      { tag: 'script', line: 4, names: ['type'] },
    ],
  );
  assert.equal(elements[0]?.attributes[1]?.value, 'a > b');
  assert.equal(scripts.length, 1);
  assert.equal(scripts[0]?.type, 'module');
  assert.equal(scripts[0]?.line, 4);
  assert.equal(scripts[0]?.code.trim(), "import '@security-info/elements';");
  assert.ok(html.slice(scripts[0]?.start, scripts[0]?.end).endsWith('</script>'));
});

test('the bare imports of a script, and the packages of this repository among them', () => {
  const code = [
    "import '@security-info/elements/security-info-wizard.js';",
    "import { createFetchAdapter } from '@security-info/core';",
    "import { html } from 'lit';",
    "import './local.js';",
    "import data from 'https://example.com/data.js';",
  ].join('\n');
  assert.deepEqual(bareImports(code), [
    '@security-info/elements/security-info-wizard.js',
    '@security-info/core',
    'lit',
  ]);
  assert.deepEqual(packagesImported(code), ['@security-info/elements', '@security-info/core']);
});
