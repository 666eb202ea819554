// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cells, readMarkdown } from './markdown.mjs';

test('code blocks are read with their language, first line, indentation and mark', () => {
  const markdown = [
    '# Title', //                                   1
    '', //                                          2
    '```ts', //                                     3
    "const a = '|';", //                            4
    '```', //                                       5
    '', //                                          6
    '- a list item:', //                            7
    '', //                                          8
    '  ```sh', //                                   9
    '  npm test', //                               10
    '  ```', //                                    11
    '', //                                         12
    '<!-- snippet: fragment -->', //               13
    '', //                                         14
    '~~~html', //                                  15
    '<p>```</p>', //                               16
    '~~~', //                                      17
    'Text between.', //                            18
    '```', //                                      19
    'plain', //                                    20
    '```', //                                      21
  ].join('\n');
  const { blocks } = readMarkdown(markdown, 'docs/x.md');
  assert.deepEqual(
    blocks.map(({ line, lang, code, mark }) => ({ line, lang, code, mark })),
    [
      { line: 4, lang: 'ts', code: "const a = '|';", mark: undefined },
      { line: 10, lang: 'sh', code: 'npm test', mark: undefined },
      { line: 16, lang: 'html', code: '<p>```</p>', mark: 'snippet: fragment' },
      { line: 20, lang: '', code: 'plain', mark: undefined },
    ],
  );
});

test('a mark belongs to the block or table right after it, and only when text does not come between', () => {
  const markdown = [
    '<!-- snippet: fragment -->',
    'Some words.',
    '```js',
    'x();',
    '```',
    '<!-- table keys: import("m").T -->',
    '',
    '| option | what `a | b` does |',
    '| ------ | ----------------- |',
    '| `one(request)` | first |',
    '| two | second |',
    '',
    '| not | marked |',
    '| --- | --- |',
  ].join('\n');
  const { blocks, tables } = readMarkdown(markdown, 'x.md');
  assert.equal(blocks[0]?.mark, undefined);
  assert.deepEqual(tables, [
    {
      file: 'x.md',
      line: 8,
      mark: 'table keys: import("m").T',
      rows: [
        ['`one(request)`', 'first'],
        ['two', 'second'],
      ],
    },
  ]);
  assert.deepEqual(cells('| `a | b` | c |'), ['`a | b`', 'c']);
});
