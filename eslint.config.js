// Lint rules: TypeScript's recommended set, Lit's and web components' best practices, and guards for the
// library's promises (no DOM in core, no unsafe HTML anywhere, no console output of data, no import circles).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'storybook-static/**',
      'test-results/**',
      'packages/elements/src/generated/**',
      'packages/core/src/generated/**',
      'packages/elements/custom-elements.json',
      'bench/results.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Modules are shaped by meaning: an import circle is an error. Imports are resolved as TypeScript and the
    // packages' source condition resolve them (`./x.js` is `./x.ts`), so a circle through another package counts.
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensionAlias: { '.js': ['.ts', '.js'] },
          conditionNames: ['@security-info/source', 'browser', 'import', 'default'],
        }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    ...wc.configs['flat/best-practice'],
  },
  {
    files: ['packages/elements/src/**/*.ts', 'stories/**/*.ts'],
    plugins: { lit },
    rules: {
      'lit/no-template-bind': 'error',
      'lit/no-useless-template-literals': 'error',
      'lit/attribute-value-entities': 'error',
      'wc/guard-super-call': 'off',
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'lit/directives/unsafe-html.js', message: 'Render strings as text.' }] },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render strings as text.' },
        { property: 'outerHTML', message: 'Render strings as text.' },
      ],
    },
  },
  {
    // The localization runtime finds a translation by the message's id, and translators read its `desc`: a `msg()`
    // without them would stay in English in every language.
    files: ['packages/elements/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='msg'][arguments.length<2]",
          message: 'Give msg() its options: { id, desc }.',
        },
        {
          selector: "CallExpression[callee.name='msg'][arguments.length>1][arguments.1.type!='ObjectExpression']",
          message: 'Give msg() its options as an object literal, { id, desc }: extraction reads them from the source.',
        },
        {
          selector:
            "CallExpression[callee.name='msg'] > ObjectExpression:not(:has(> Property:matches([key.name='id'], [key.value='id'])[value.type='Literal'][value.raw=/^['\"]/]))",
          message: 'Give msg() an id (a string literal): the runtime looks translations up by it.',
        },
        {
          selector:
            "CallExpression[callee.name='msg'] > ObjectExpression:not(:has(> Property:matches([key.name='desc'], [key.value='desc'])))",
          message: 'Give msg() a desc: what translators read.',
        },
      ],
    },
  },
  {
    // chai's `expect(x).to.exist` style assertions are expressions.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    // The core runs in Node and in servers: no DOM.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.{js,mjs,ts}', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
);
