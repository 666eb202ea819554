// @ts-check
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findBrowser, lookupBrowser } from './find-browser.mjs';

const work = mkdtempSync(join(tmpdir(), 'find-browser-'));
after(() => rmSync(work, { recursive: true, force: true }));

/**
 * An executable (or, with `mode` 0o644, a plain) file at `dir/name`.
 * @param {string} dir
 * @param {string} name
 */
function file(dir, name, mode = 0o755) {
  mkdirSync(join(work, dir), { recursive: true });
  const path = join(work, dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, mode);
  return path;
}

const linux = { platform: /** @type {const} */ ('linux'), places: [] };

test('CHROME_PATH comes first', () => {
  const chrome = file('own', 'my-chrome');
  file('bin', 'chromium');
  assert.equal(lookupBrowser({ CHROME_PATH: chrome, PATH: join(work, 'bin') }, linux), chrome);
});

test('a CHROME_PATH that is not a program is an error, not a silent fallback', () => {
  const text = file('own', 'notes.txt', 0o644);
  assert.throws(() => lookupBrowser({ CHROME_PATH: text, PATH: join(work, 'bin') }, linux), /not an executable/);
});

test('then the PATH, Chromium before Chrome, in the order of the PATH', () => {
  const chrome = file('first', 'google-chrome');
  const chromium = file('second', 'chromium');
  assert.equal(lookupBrowser({ PATH: [join(work, 'first'), join(work, 'second')].join(delimiter) }, linux), chromium);
  assert.equal(lookupBrowser({ PATH: join(work, 'first') }, linux), chrome);
  file('plain', 'chromium', 0o644);
  assert.equal(lookupBrowser({ PATH: join(work, 'plain') }, linux), undefined);
});

test('then the usual install places', () => {
  const app = file('Applications', 'Google Chrome');
  assert.equal(lookupBrowser({ PATH: '' }, { platform: 'darwin', places: ['/nowhere/chrome', app] }), app);
  assert.equal(lookupBrowser({ PATH: '' }, { platform: 'darwin', places: ['/nowhere/chrome'] }), undefined);
});

test('with none, and no leave to install one, it says what to install', () => {
  const { CHROME_PATH, PATH } = process.env;
  delete process.env.CHROME_PATH;
  process.env.PATH = join(work, 'empty');
  try {
    assert.throws(() => findBrowser(), /No Chrome or Chromium found.*apt-get install chromium.*CHROME_PATH/s);
  } finally {
    if (CHROME_PATH !== undefined) process.env.CHROME_PATH = CHROME_PATH;
    process.env.PATH = PATH;
  }
});

test('the command prints the path it found', () => {
  const chrome = file('own', 'chrome-for-cli');
  const run = spawnSync(process.execPath, [fileURLToPath(new URL('./find-browser.mjs', import.meta.url))], {
    encoding: 'utf8',
    env: { ...process.env, CHROME_PATH: chrome },
  });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), chrome);
});
