/**
 * Copy to the clipboard and say how it went: "Key copied", or, when the browser refuses (no permission, an insecure
 * page, no clipboard at all), what to do instead. The outcome is both shown and announced, and forgotten when the
 * text to copy changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type CopyOutcome = 'copied' | 'refused';

export interface CopyOptions {
  /** Says an outcome to screen readers. */
  announce: (outcome: CopyOutcome) => void;
  /** The clipboard to write to; the page's by default. */
  clipboard?: () => Pick<Clipboard, 'writeText'> | undefined;
}

export class CopyController implements ReactiveController {
  private last: CopyOutcome | undefined;
  /** Counts copies, so an answer that arrives after a newer copy or a reset is dropped. */
  private attempt = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CopyOptions,
  ) {
    host.addController(this);
  }

  /** How the last copy went, until `reset()`. */
  get outcome(): CopyOutcome | undefined {
    return this.last;
  }

  /** Writes `text` to the clipboard; resolves with the outcome once it is known. */
  async copy(text: string): Promise<CopyOutcome> {
    const attempt = ++this.attempt;
    let outcome: CopyOutcome;
    try {
      const clipboard = (this.options.clipboard ?? (() => globalThis.navigator?.clipboard))();
      if (!clipboard) throw new Error('no clipboard');
      await clipboard.writeText(text);
      outcome = 'copied';
    } catch {
      outcome = 'refused';
    }
    if (attempt === this.attempt) {
      this.last = outcome;
      this.options.announce(outcome);
      this.host.requestUpdate();
    }
    return outcome;
  }

  /** Forgets the outcome: the text changed, or the host left the page. */
  reset(): void {
    this.attempt++;
    if (this.last === undefined) return;
    this.last = undefined;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.reset();
  }
}
