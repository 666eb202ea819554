/**
 * The name suggested for a new passkey, from the device it is made on: "Chrome on Windows". The browser's and the
 * system's names are their own (never translated); the sentence around them is. Read from User-Agent Client Hints
 * where the browser has them, else from the user agent string.
 */
import { msg, str } from '../shared/lit-localize.js';

interface UserAgentData {
  brands?: { brand: string }[];
  platform?: string;
}

const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const PLATFORMS: [RegExp, string][] = [
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Android/, 'Android'],
  [/CrOS|Chrome OS/, 'ChromeOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh|macOS/, 'macOS'],
  [/Linux/, 'Linux'],
];

const first = (table: [RegExp, string][], text: string) => table.find(([pattern]) => pattern.test(text))?.[1];

/** The browser and system a user agent names, as far as it says. */
export function device(userAgent: string, data?: UserAgentData): { browser?: string; platform?: string } {
  const brands = data?.brands?.map(({ brand }) => brand) ?? [];
  const branded = brands.includes('Microsoft Edge')
    ? 'Edge'
    : brands.includes('Opera')
      ? 'Opera'
      : brands.some((brand) => /Chrom/.test(brand))
        ? 'Chrome'
        : undefined;
  const browser = branded ?? first(BROWSERS, userAgent);
  const platform = first(PLATFORMS, data?.platform ?? '') ?? first(PLATFORMS, userAgent);
  return { ...(browser ? { browser } : {}), ...(platform ? { platform } : {}) };
}

/** "Chrome on Windows", or what is known of it; "Passkey" when nothing is. */
export function deviceName(
  userAgent = globalThis.navigator?.userAgent ?? '',
  data = (globalThis.navigator as { userAgentData?: UserAgentData } | undefined)?.userAgentData,
): string {
  const { browser, platform } = device(userAgent, data);
  if (browser && platform)
    return msg(str`${browser} on ${platform}`, {
      id: 'passkey.device-name',
      desc: 'Name suggested for a new passkey: a browser (such as Chrome) on a system (such as Windows). Both are product names.',
    });
  return (
    browser ??
    platform ??
    msg('Passkey', { id: 'passkey.default-name', desc: 'Name suggested for a new passkey when the device is unknown.' })
  );
}
