/**
 * `Intl` formatters for the elements. Creating one costs far more than using it, and renders ask for them
 * on every keystroke, so each is made once per locale and options. A `lang` that is not a valid language
 * tag (`lang="english"`) falls back to the browser's default instead of throwing during a render.
 */
const made = new Map<string, object>();

function memo<T extends object>(key: string, locale: string | undefined, make: (locale?: string) => T): T {
  let formatter = made.get(`${key}|${locale ?? ''}`) as T | undefined;
  if (!formatter) {
    try {
      formatter = make(locale);
    } catch {
      formatter = make(undefined);
    }
    made.set(`${key}|${locale ?? ''}`, formatter);
  }
  return formatter;
}

export function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return memo(`number|${JSON.stringify(options)}`, locale, (l) => new Intl.NumberFormat(l, options));
}

export function pluralRules(locale: string | undefined): Intl.PluralRules {
  return memo('plural', locale, (l) => new Intl.PluralRules(l));
}

/** Region names in `locale`, English where it has none, the code where neither has one. */
export function regionNames(locale: string | undefined): Intl.DisplayNames {
  return memo(
    'region',
    locale,
    (l) => new Intl.DisplayNames(l ? [l, 'en'] : undefined, { type: 'region', fallback: 'code' }),
  );
}
