/**
 * The registered numbers' masked and full forms for the list, from a module loaded on demand (phone-format.ts).
 * Until it is here a number has no text (the list shows a placeholder), so a screen reader hears it once,
 * complete; when it cannot load (offline) the last digits stand in, and it is tried again once back online.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PhoneFormat } from './phone-format.js';
import { lastDigits } from './labels.js';

/** Loads the format of `numbers`: phone-format.ts with their calling codes' data, by default. */
export type LoadPhoneFormat = (numbers: readonly string[]) => Promise<PhoneFormat>;

const loadPhoneFormat: LoadPhoneFormat = (numbers) =>
  import('./phone-format.js').then((module) => module.loadPhoneFormat(numbers));

export class PhoneNumbersController implements ReactiveController {
  private format: PhoneFormat | undefined;
  /** The numbers `format` has the data of. */
  private covered = new Set<string>();
  private wanted: readonly string[] = [];
  private failed = false;
  private loading = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: LoadPhoneFormat = loadPhoneFormat,
  ) {
    host.addController(this);
  }

  /** Loads what `numbers` need, unless it is here or on its way. */
  need(numbers: readonly string[]): void {
    this.wanted = numbers;
    const key = numbers.join();
    if (numbers.every((number) => this.covered.has(number)) || key === this.loading) return;
    this.loading = key;
    this.load(numbers)
      .then(
        (format) => {
          this.format = format;
          this.covered = new Set([...this.covered, ...numbers]);
          this.failed = false;
        },
        () => (this.failed = true),
      )
      .finally(() => {
        if (this.loading === key) this.loading = '';
        this.host.requestUpdate();
      });
  }

  /**
   * The format with `e164`'s data, once it is here: the list masks and shows numbers with it, and the actions read
   * the region a changed phone's wizard starts at (`region`), so the list's first view carries no call for that.
   */
  formatOf(e164: string): PhoneFormat | undefined {
    return this.covered.has(e164) ? this.format : undefined;
  }

  /** The masked number; `undefined` while its format is on its way. */
  masked(e164: string): string | undefined {
    return this.formatOf(e164)?.mask(e164) ?? (this.failed ? lastDigits(e164) : undefined);
  }

  /** The whole number, in its region's format when that is here. */
  full(e164: string): string {
    return this.formatOf(e164)?.full(e164) ?? e164;
  }

  hostConnected(): void {
    globalThis.addEventListener?.('online', this.retry);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener?.('online', this.retry);
  }

  private readonly retry = () => {
    if (this.failed) this.need(this.wanted);
  };
}
