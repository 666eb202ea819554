// @ts-check
// Finds a Chrome or Chromium the way a user has it: CHROME_PATH, then PATH, then the usual install places.
// On a bare Debian or Ubuntu machine run as root, installs Debian's chromium; otherwise says what to install.
// It never downloads a browser of its own.
// `node scripts/test/find-browser.mjs [--install]` prints the path, installing Debian's package when allowed.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const PLACES = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  `${process.env.HOME ?? ''}/Applications/Google Chrome.app/Contents/MacOS/Google Chrome`,
  `${process.env.PROGRAMFILES ?? 'C:\\Program Files'}\\Google\\Chrome\\Application\\chrome.exe`,
  `${process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)'}\\Google\\Chrome\\Application\\chrome.exe`,
  `${process.env.LOCALAPPDATA ?? ''}\\Google\\Chrome\\Application\\chrome.exe`,
];

/** @param {string} file */
const runnable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The browser `env` points at, or the first on its PATH, or in a usual place; undefined when there is none.
 * @param {NodeJS.ProcessEnv} [env]
 * @param {{ platform?: NodeJS.Platform, places?: readonly string[] }} [where]
 * @returns {string | undefined}
 */
export function lookupBrowser(env = process.env, { platform = process.platform, places = PLACES } = {}) {
  if (env.CHROME_PATH) {
    if (runnable(env.CHROME_PATH)) return env.CHROME_PATH;
    throw new Error(`CHROME_PATH is set to ${env.CHROME_PATH}, which is not an executable file.`);
  }
  const exts = platform === 'win32' ? ['.exe', ''] : [''];
  for (const name of NAMES) {
    for (const dir of (env.PATH ?? '').split(delimiter)) {
      for (const ext of exts) if (dir && runnable(join(dir, name + ext))) return join(dir, name + ext);
    }
  }
  return places.find(runnable);
}

/**
 * The path of a Chrome or Chromium to test in; installs Debian's chromium when `install` allows it.
 * @param {{ install?: boolean }} [options]
 * @returns {string}
 */
export function findBrowser({ install = false } = {}) {
  const lookup = () => lookupBrowser();
  const found = lookup();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const hasApt = runnable('/usr/bin/apt-get');
  if (install && isRoot && hasApt) {
    console.log('No Chrome or Chromium found: installing Debian\'s "chromium" package (about a minute).');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = lookup();
    if (installed) return installed;
  }
  throw new Error(
    'No Chrome or Chromium found for the browser tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; ' +
      'macOS/Windows: Google Chrome), or point CHROME_PATH at its executable.',
  );
}

/** Flags that let Chromium start quickly and quietly on a closed network, also as root in a container. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--enable-blink-features=ComputedAccessibilityInfo',
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(findBrowser({ install: process.argv.includes('--install') }));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
