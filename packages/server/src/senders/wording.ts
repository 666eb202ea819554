/** What the senders say: a text message, a call's sentences and an email, in the person's language where we have it. */
import { ConfigurationError } from '../options.js';

/** The languages the messages are written in; any other locale gets English. */
export type WordingLanguage = 'en' | 'nl' | 'de' | 'fr' | 'es' | 'it' | 'pt';

interface Wording {
  /** The text message's sentence. */
  text: (code: string) => string;
  /** Said before the code, then before it again. */
  callIntro: string;
  callAgain: string;
  /** An email's subject, and its body around the code. */
  emailSubject: string;
  emailText: (code: string) => string;
}

// The tone follows the elements' translations: informal in Dutch and Spanish, formal in German and French.
const WORDING: Record<WordingLanguage, Wording> = {
  en: {
    text: (code) => `Your verification code is ${code}.`,
    callIntro: 'Your verification code is:',
    callAgain: 'Once again, your code is:',
    emailSubject: 'Your verification code',
    emailText: (code) => `Your verification code is ${code}.\n\nIf you did not ask for it, you can ignore this email.`,
  },
  nl: {
    text: (code) => `Je verificatiecode is ${code}.`,
    callIntro: 'Je verificatiecode is:',
    callAgain: 'Nog een keer, je code is:',
    emailSubject: 'Je verificatiecode',
    emailText: (code) =>
      `Je verificatiecode is ${code}.\n\nHeb je deze code niet aangevraagd? Dan kun je deze e-mail negeren.`,
  },
  de: {
    text: (code) => `Ihr Bestätigungscode lautet ${code}.`,
    callIntro: 'Ihr Bestätigungscode lautet:',
    callAgain: 'Noch einmal, Ihr Code lautet:',
    emailSubject: 'Ihr Bestätigungscode',
    emailText: (code) =>
      `Ihr Bestätigungscode lautet ${code}.\n\nWenn Sie ihn nicht angefordert haben, können Sie diese E-Mail ignorieren.`,
  },
  fr: {
    text: (code) => `Votre code de vérification est ${code}.`,
    callIntro: 'Votre code de vérification est :',
    callAgain: 'Je répète, votre code est :',
    emailSubject: 'Votre code de vérification',
    emailText: (code) =>
      `Votre code de vérification est ${code}.\n\nSi vous ne l’avez pas demandé, vous pouvez ignorer cet e-mail.`,
  },
  es: {
    text: (code) => `Tu código de verificación es ${code}.`,
    callIntro: 'Tu código de verificación es:',
    callAgain: 'Repito, tu código es:',
    emailSubject: 'Tu código de verificación',
    emailText: (code) => `Tu código de verificación es ${code}.\n\nSi no lo pediste, puedes ignorar este correo.`,
  },
  it: {
    text: (code) => `Il tuo codice di verifica è ${code}.`,
    callIntro: 'Il tuo codice di verifica è:',
    callAgain: 'Ripeto, il tuo codice è:',
    emailSubject: 'Il tuo codice di verifica',
    emailText: (code) => `Il tuo codice di verifica è ${code}.\n\nSe non l’hai richiesto, puoi ignorare questa email.`,
  },
  pt: {
    text: (code) => `O seu código de verificação é ${code}.`,
    callIntro: 'O seu código de verificação é:',
    callAgain: 'Repito, o seu código é:',
    emailSubject: 'O seu código de verificação',
    emailText: (code) => `O seu código de verificação é ${code}.\n\nSe não o pediu, pode ignorar este e-mail.`,
  },
};

/** The locale as `Intl.Locale`, or `undefined` when there is none or it is not BCP 47 (it comes from a client). */
export function parseLocale(locale: string | undefined): Intl.Locale | undefined {
  if (!locale) return undefined;
  try {
    return new Intl.Locale(locale);
  } catch {
    return undefined;
  }
}

/** The language a message to someone with this locale is written in. */
export function wordingLanguage(locale: string | undefined): WordingLanguage {
  const language = parseLocale(locale)?.language;
  return language && language in WORDING ? (language as WordingLanguage) : 'en';
}

/** The call's sentences in a language. */
export function callWording(language: WordingLanguage): Pick<Wording, 'callIntro' | 'callAgain'> {
  return WORDING[language];
}

/**
 * The origin-bound one-time code line (https://wicg.github.io/sms-one-time-codes/): as the last line of a text
 * message, browsers offer the code only on `https://<host>` (autocomplete="one-time-code", WebOTP).
 */
export function otpLine(host: string, code: string): string {
  return `@${host} #${code}`;
}

/**
 * A text message's body: the sentence, then, when `otpHost` is given, a blank line and the origin-bound line.
 * "Your verification code is 123456.\n\n@portal.example.com #123456"
 */
export function codeText(code: string, locale: string | undefined, otpHost?: string): string {
  const sentence = WORDING[wordingLanguage(locale)].text(code);
  return otpHost ? `${sentence}\n\n${otpLine(otpHost, code)}` : sentence;
}

/** An email with a code: its subject and plain text in the person's language (English where we have none). */
export function emailWording(code: string, locale: string | undefined): { subject: string; text: string } {
  const wording = WORDING[wordingLanguage(locale)];
  return { subject: wording.emailSubject, text: wording.emailText(code) };
}

/**
 * Checks the host of the portal the codes are for. The line carries a host only (the origin is `https://<host>`):
 * no scheme, port or path, and international names in their ASCII (punycode) form.
 */
export function checkOtpHost(host: string | undefined): string | undefined {
  if (host === undefined) return undefined;
  const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
  if (typeof host !== 'string' || host.length > 253 || !new RegExp(`^${label}(?:\\.${label})*$`).test(host))
    throw new ConfigurationError(
      `otpHost must be the portal's host name only, like portal.example.com (lower case, ASCII, no scheme, port ` +
        `or path): the one-time-code line binds the code to https://<host>.`,
    );
  return host;
}
