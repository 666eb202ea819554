/** The TwiML of a call that reads a code out: slowly, digit by digit, twice, in the person's language. */
import { callWording, parseLocale, wordingLanguage, type WordingLanguage } from './wording.js';

/**
 * The `<Say language>` for each language we have words for: its default voice, then voices by region (the
 * languages Twilio's `<Say>` speaks, https://www.twilio.com/docs/voice/twiml/say).
 */
const SAY_LANGUAGES: Record<WordingLanguage, { fallback: string; regions: Record<string, string> }> = {
  en: { fallback: 'en-US', regions: { GB: 'en-GB', IE: 'en-GB', AU: 'en-AU', NZ: 'en-AU', CA: 'en-CA', IN: 'en-IN' } },
  nl: { fallback: 'nl-NL', regions: {} },
  de: { fallback: 'de-DE', regions: {} },
  fr: { fallback: 'fr-FR', regions: { CA: 'fr-CA' } },
  // Spanish of Spain for Spain, of Mexico for the Americas (`es-419`, `es-US`, `es-AR`...).
  es: { fallback: 'es-MX', regions: { ES: 'es-ES' } },
  it: { fallback: 'it-IT', regions: {} },
  // Portuguese of Brazil for Brazil, of Portugal elsewhere (Portugal, Angola, Mozambique...).
  pt: { fallback: 'pt-PT', regions: { BR: 'pt-BR' } },
};

/**
 * The voice language for a locale, and the language of the words said: the person's language when we have words
 * in it, else English (`en-US`), since words read in another language's voice are hard to follow.
 */
export function sayLanguage(locale: string | undefined): { say: string; words: WordingLanguage } {
  const words = wordingLanguage(locale);
  const parsed = parseLocale(locale);
  if (!parsed || parsed.language !== words) return { say: 'en-US', words: 'en' };
  // `maximize` names the likely region when none was given: `es` is Spain, `pt` Brazil, `en` the United States.
  const region = parsed.maximize().region ?? '';
  const { fallback, regions } = SAY_LANGUAGES[words];
  return { say: regions[region] ?? fallback, words };
}

/** Text and attribute values as XML. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );
}

/**
 * A call saying the code twice: "Your verification code is: 1 · 2 · 3 · 4 · 5 · 6. Once again, your code is:
 * 1 · 2 · 3 ...", each character its own `<Say>` with a second's pause after it, so it can be written down.
 */
export function codeCallTwiml(code: string, locale: string | undefined): string {
  const { say, words } = sayLanguage(locale);
  const wording = callWording(words);
  const sayText = (text: string) => `<Say language="${escapeXml(say)}">${escapeXml(text)}</Say>`;
  const pause = (seconds: number) => `<Pause length="${seconds}"/>`;
  const digits = [...code].map((character) => sayText(character) + pause(1)).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?><Response>' +
    // A moment to bring the phone to the ear.
    pause(1) +
    sayText(wording.callIntro) +
    pause(1) +
    digits +
    pause(1) +
    sayText(wording.callAgain) +
    pause(1) +
    digits +
    '</Response>'
  );
}
