/**
 * New recovery codes, shown once in the Security info page's dialog: the warning that they are shown only now and
 * that older codes stop working, the codes as a numbered list (read character by character), Copy, Download (a text
 * file from a Blob's URL), Print (a frame holding only the codes) and Done. Part of the actions' chunk (actions.ts),
 * which loads after the list, so the list's first view carries none of it. The codes live in this object alone:
 * `clear()` empties them when the dialog closes, and nothing here logs or stores them.
 */
import { css, html, nothing, type CSSResult, type LitElement, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '../shared/lit-localize.js';
import { getLocale } from '../shared/localization.js';
import type { CodesView, DialogHandlers } from './dialogs.js';

/** What leaves the page for the printer, apart so a test can stand in for the browser's print dialog. */
export const printer = {
  print(frame: Window): void {
    frame.print();
  },
};

const styles: CSSResult = css`
  .codes {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(10.5em, 1fr));
    gap: 0.25rem 1.5rem;
    margin: var(--_space) 0;
    padding-inline-start: 2.25em;
    font-family: ui-monospace, 'Cascadia Mono', 'Segoe UI Mono', Menlo, Consolas, monospace;
    font-size: 1.0625em;
    letter-spacing: 0.06em;
    user-select: text;
  }

  /* The spelled form is text, which screen readers read in browse mode (an item's aria-label they may skip); it is
     left out of a selection, so what is copied by hand is the codes alone. */
  .spoken {
    user-select: none;
  }

  .codes li::marker {
    color: var(--_text-muted);
    font-size: 0.875em;
  }

  .warning {
    border-inline-start-color: var(--_error);
  }

  .print-frame {
    position: absolute;
    inline-size: 0;
    block-size: 0;
    border: 0;
  }
`;

/**
 * A code as a screen reader should spell it: character by character, a pause between groups. Shown to screen readers
 * as the item's text, the code as printed hidden from them, so every reading mode hears the same.
 */
const spelled = (code: string) =>
  code
    .split('-')
    .map((group) => [...group].join(' '))
    .join(', ');

export class CodesDialog implements CodesView {
  private copied: 'copied' | 'refused' | undefined;
  /** Bumped on each copy, so the same message said twice is heard twice. */
  private copies = 0;
  private url: string | undefined;
  private frame: HTMLIFrameElement | undefined;
  private readonly made = new Date();
  /** Escape was pressed once: the dialog said that the codes will not be shown again. */
  warned = false;

  /**
   * `codes` is kept by reference and emptied on `clear()`; `title` heads the file and the print ("Recovery codes").
   */
  constructor(
    private readonly codes: string[],
    private readonly host: LitElement,
    private readonly title: string,
  ) {
    const root = host.renderRoot as ShadowRoot;
    if (!root.adoptedStyleSheets.includes(styles.styleSheet!))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet!];
  }

  clear(): void {
    this.codes.length = 0;
    this.copied = undefined;
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = undefined;
    this.frame?.remove();
    this.frame = undefined;
  }

  /**
   * Says, with focus on it, that the codes will not be shown again and that Done closes the dialog: a stray Escape
   * keeps them. Again after the dialog was shown anew, as showing it moved focus to its heading.
   */
  warn(): void {
    this.warned = true;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('#codes-kept')?.focus());
  }

  private get list(): HTMLElement | null {
    return this.host.renderRoot.querySelector('#codes');
  }

  private async copy(): Promise<void> {
    this.copies++;
    try {
      await navigator.clipboard.writeText(this.codes.join('\n'));
      this.copied = 'copied';
    } catch {
      // No clipboard (refused, or not a secure context): the codes are selected for the keyboard's copy instead.
      this.copied = 'refused';
      const list = this.list;
      if (list) getSelection()?.selectAllChildren(list);
    }
    this.host.requestUpdate();
  }

  /** The text file's words: what the codes are, when they were made, then one code a line. */
  private text(): string {
    const date = new Intl.DateTimeFormat(getLocale(), { dateStyle: 'long', timeStyle: 'short' }).format(this.made);
    return [
      this.title,
      msg(str`Made ${date}. Each code works once; codes made before these no longer work.`, {
        id: 'methods.codes-file',
        desc: 'Second line of the downloaded or printed recovery codes; the placeholder is the date and time they were made.',
      }),
      '',
      ...this.codes,
      '',
    ].join('\n');
  }

  private download(): void {
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = URL.createObjectURL(new Blob([this.text()], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = this.url;
    link.download = 'recovery-codes.txt';
    link.click();
  }

  /**
   * Prints the codes alone: a hidden frame whose document is built node by node (no markup parsed, so Trusted
   * Types and a strict CSP allow it), printed by itself, so neither the page nor the host's own content is printed.
   */
  private print(): void {
    this.frame?.remove();
    const frame = (this.frame = document.createElement('iframe'));
    frame.className = 'print-frame';
    frame.tabIndex = -1;
    frame.setAttribute('aria-hidden', 'true');
    this.host.renderRoot.querySelector('dialog')?.append(frame);
    const doc = frame.contentDocument!;
    const [title, about, , ...codes] = this.text().split('\n');
    doc.title = title!;
    doc.documentElement.lang = getLocale();
    const heading = doc.createElement('h1');
    heading.textContent = title!;
    const note = doc.createElement('p');
    note.textContent = about!;
    const list = doc.createElement('ol');
    list.dir = 'ltr';
    list.style.fontFamily = 'ui-monospace, Menlo, Consolas, monospace';
    list.style.fontSize = '14pt';
    list.style.lineHeight = '1.8';
    for (const code of codes.filter(Boolean))
      list.append(Object.assign(doc.createElement('li'), { textContent: code }));
    doc.body.style.fontFamily = 'system-ui, sans-serif';
    doc.body.append(heading, note, list);
    printer.print(frame.contentWindow!);
  }

  render(on: DialogHandlers): TemplateResult {
    return html`<h2 id="dialog-title" part="dialog-heading" tabindex="-1" autofocus>
        ${msg('Save your recovery codes', {
          id: 'methods.codes-title',
          desc: 'Heading of the dialog that shows new recovery codes once.',
        })}
      </h2>
      <p id="dialog-body" class="note warning" part="note">
        ${msg(
          'These codes are shown only now. Keep them somewhere safe: each works once, and codes you had before no longer work.',
          { id: 'methods.codes-warning', desc: 'Warning above new recovery codes, in their dialog.' },
        )}
      </p>
      <ol id="codes" class="codes" part="codes" dir="ltr" translate="no" aria-labelledby="dialog-title">
        ${this.codes.map(
          (code) =>
            html`<li>
              <span aria-hidden="true">${code}</span><span class="visually-hidden spoken">${spelled(code)}</span>
            </li>`,
        )}
      </ol>
      <p class="status" part="status" role="status">
        ${keyed(
          this.copies,
          html`<span
            >${
              this.copied === 'copied'
                ? msg('Codes copied.', { id: 'methods.codes-copied', desc: 'Said when the codes were copied.' })
                : this.copied === 'refused'
                  ? msg(
                      "Your browser didn't let the page copy. The codes are selected: copy them with your keyboard.",
                      {
                        id: 'methods.codes-copy-refused',
                        desc: 'Said when the browser refused to copy the recovery codes; the page selected them instead.',
                      },
                    )
                  : nothing
            }</span
          >`,
        )}
      </p>
      ${
        this.warned
          ? html`<p id="codes-kept" class="note warning" part="note" tabindex="-1">
              ${msg("These codes won't be shown again. Save them, then select Done.", {
                id: 'methods.codes-not-again',
                desc: 'Said in the dialog of new recovery codes when the person pressed Escape: the dialog stays open until they select its button "Done".',
              })}
            </p>`
          : nothing
      }
      <div class="actions">
        <button type="button" part="button" @click=${() => this.copy()}>
          ${msg('Copy', { id: 'methods.codes-copy', desc: 'Button that copies the recovery codes.' })}
        </button>
        <button type="button" part="button" @click=${() => this.download()}>
          ${msg('Download', {
            id: 'methods.codes-download',
            desc: 'Button that downloads the recovery codes as a text file.',
          })}
        </button>
        <button type="button" part="button" @click=${() => this.print()}>
          ${msg('Print', { id: 'methods.codes-print', desc: 'Button that prints the recovery codes.' })}
        </button>
        <button type="button" class="primary" part="button" @click=${on.close}>
          ${msg('Done', { id: 'methods.codes-done', desc: 'Button that closes the dialog of new recovery codes.' })}
        </button>
      </div>`;
  }
}
