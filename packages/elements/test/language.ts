import { followDocumentLanguage, setLocale } from '../src/shared/localization.js';

/**
 * For a suite that calls setLocale: the document in English while it runs (nothing chosen until a test chooses), and
 * afterwards the words back in English, the document's language followed again and its `lang` as it was.
 */
export function onEnglishPage(): void {
  let lang: string;
  before(() => {
    lang = document.documentElement.lang;
    document.documentElement.lang = 'en';
  });
  after(async () => {
    await setLocale('en');
    followDocumentLanguage();
    document.documentElement.lang = lang;
  });
}
