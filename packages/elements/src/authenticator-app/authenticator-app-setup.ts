import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { defineElement } from '../shared/define.js';
import { LocalizeController } from '../shared/localized.js';
import { addEnrollMessages } from '../shared/enroll-messages.js';
import { emit } from '../shared/events.js';
import { StepElement } from '../shared/step.js';
import { AnnouncerController } from '../shared/announcer.js';
import { tokens } from '../shared/tokens.styles.js';
import { fieldStyles } from '../shared/field.styles.js';
import { authenticatorAppStyles } from './authenticator-app-setup.styles.js';
import { drawQr, qrShapes, type QrDrawing } from './qr-code.js';
import { CopyController } from './copy-key.js';
import * as text from './authenticator-app-setup.messages.js';

// The step's words in the other languages load with this module, never with the phone flow.
addEnrollMessages();

/** The key as people type it: its characters in groups of four, without the spaces or dashes it may come with. */
export function keyGroups(secret: string): string[] {
  return secret.replace(/[\s-]+/g, '').match(/.{1,4}/g) ?? [];
}

/**
 * "Set up your authenticator app": short numbered instructions, the QR code the app scans, and for "Can't scan the
 * QR code?" the key to type instead, with a Copy button; then Next, once the account is added, and Back. The host
 * starts the setup, sets `uri` and `secret`, and on `app-continue` asks for a code from the app (`<code-verify>`).
 *
 * The QR code is drawn in the browser as SVG (lean-qr, loaded with this step only): dark modules on a light square
 * with a four-module quiet zone, whatever the page's theme, as scanners expect; in forced colors it takes the
 * system's `CanvasText` on `Canvas`. The key reads left to right in every language, in groups of four, each its
 * own word for a screen reader.
 *
 * Copy writes the key without spaces and says "Key copied"; a browser that refuses the clipboard gets "Select the
 * key and copy it" instead, with the key selected. Both are shown and announced.
 *
 * The key and the URI are secrets: they are properties only (never attributes), never logged, and nothing here
 * keeps them beyond the properties themselves and what is drawn. The host clears them when the step is over.
 *
 * @customElement authenticator-app-setup
 * @summary The authenticator app step: scan a QR code, or type the key.
 *
 * @fires {CustomEvent<void>} app-continue - The person pressed Next after adding the account to their app.
 * @fires {CustomEvent<void>} back - The person pressed Back.
 *
 * @slot actions - Extra buttons after Next and Back, for example Cancel.
 *
 * @csspart heading - The step's heading.
 * @csspart intro - The numbered instructions.
 * @csspart loading - The progress shown while the host fetches the setup.
 * @csspart qr - The QR code (an `<svg>`).
 * @csspart key - The key, in groups of four.
 * @csspart copy - The Copy button (with `button`).
 * @csspart error - The host's error message.
 * @csspart button - Every button.
 * @csspart next - The Next button.
 * @csspart back - The Back button.
 *
 * @cssprop --si-qr-size - Width and height of the QR code. Default `12rem`.
 * @cssprop --si-color-accent - Buttons and focus ring.
 * @cssprop --si-color-error - The error message.
 * @cssprop --si-color-surface-raised - Behind the key.
 */
export class AuthenticatorAppSetup extends StepElement(LitElement) {
  static override styles = [tokens, fieldStyles, authenticatorAppStyles];

  static override properties = {
    // Secrets: never reflected, never read from an attribute, where page inspectors and session replays see them.
    uri: { attribute: false },
    secret: { attribute: false },
    hideBack: { type: Boolean, attribute: 'hide-back' },
    error: {},
  };

  /** The `otpauth://totp/…` URI the QR code holds. */
  declare uri: string;
  /** The same secret in base32, shown as the key to type. */
  declare secret: string;
  /**
   * Leaves Back out, where the step is the first of the flow (the wizard started at this method, as for Change on the
   * Security info page): a Back that leads nowhere would only confuse.
   */
  declare hideBack: boolean;
  /**
   * While the host fetches the setup (no `uri` yet): progress instead of the QR code. After Next: the host is
   * working, and Next does nothing.
   */
  declare pending: boolean;
  /** A message from the host for a failure; shown and announced. */
  declare error: string;

  private qr: QrDrawing | undefined;
  private readonly announcer = new AnnouncerController(this);
  private readonly copier = new CopyController(this, {
    announce: (outcome) => this.announcer.announce(text.copied(outcome)),
  });

  constructor() {
    super();
    this.uri = '';
    this.secret = '';
    this.error = '';
    new LocalizeController(this);
  }

  private get loading(): boolean {
    return this.pending && !this.qr;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const wasPending = changed.has('pending') ? Boolean(changed.get('pending')) : this.pending;
    const wasLoading = this.hasUpdated && wasPending && !this.qr;
    if (changed.has('uri')) this.qr = drawQr(this.uri);
    if (changed.has('secret')) {
      // What was said about copying the old key says nothing about the new one.
      this.copier.reset();
      this.announcer.clear();
    }
    // Said once when the host starts fetching after the step is shown; the visible line says it from then on.
    if (this.hasUpdated && this.loading && !wasLoading) this.announcer.announce(text.loading());
    else if (wasLoading && !this.loading) this.announcer.clear();
  }

  private readonly onCopy = async () => {
    const outcome = await this.copier.copy(keyGroups(this.secret).join(''));
    if (outcome === 'refused') {
      // Half the work done for them: the key is selected, ready for the keyboard's copy.
      const key = this.renderRoot.querySelector('.key');
      if (key) getSelection()?.selectAllChildren(key);
    }
  };

  private readonly onNext = () => {
    if (!this.pending) emit(this, 'app-continue', undefined);
  };

  private readonly onBack = () => emit(this, 'back', undefined);

  protected override render() {
    const { pending, qr } = this;
    const steps = text.instructions();
    return html`
      <h2 part="heading" tabindex="-1">${text.heading()}</h2>
      <ol part="intro">
        ${steps.map((step) => html`<li>${step}</li>`)}
      </ol>
      ${this.loading ? html`<p class="loading" part="loading"><span class="spinner" aria-hidden="true"></span>${text.loading()}</p>` : nothing}
      ${
        qr
          ? html`<svg
              class="qr"
              part="qr"
              role="img"
              aria-label=${text.qrLabel()}
              viewBox="0 0 ${qr.size} ${qr.size}"
              shape-rendering="crispEdges"
            >
              ${qrShapes(qr)}
            </svg>`
          : nothing
      }
      ${this.secret ? this.renderKey() : nothing}
      <p class="error" part="error" role="alert">${this.error}</p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          part="button next"
          aria-disabled=${pending ? 'true' : 'false'}
          @click=${this.onNext}
        >
          ${pending && !this.loading ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${text.next()}
        </button>
        ${
          this.hideBack
            ? nothing
            : html`<button type="button" part="button back" @click=${this.onBack}>${text.back()}</button>`
        }
        <slot name="actions"></slot>
      </div>
      ${this.announcer.render()}
    `;
  }

  private renderKey() {
    const outcome = this.copier.outcome;
    return html`<details>
      <summary>${text.cantScan()}</summary>
      <p>${text.keyIntro()}</p>
      <code class="key" part="key" dir="ltr"
        >${keyGroups(this.secret).map(
          // A space between groups: without it a screen reader reads the key as one long word.
          (group, i) => html`${i ? ' ' : ''}<span>${group}</span>`,
        )}</code
      >
      <div class="copy">
        <button type="button" class="link" part="button copy" @click=${this.onCopy}>${text.copy()}</button>
        ${
          // Hidden from screen readers, which hear it once from the announcer instead of twice.
          outcome ? html`<span class="hint" aria-hidden="true">${text.copied(outcome)}</span>` : nothing
        }
      </div>
    </details>`;
  }
}

defineElement('authenticator-app-setup', AuthenticatorAppSetup);

declare global {
  interface HTMLElementTagNameMap {
    'authenticator-app-setup': AuthenticatorAppSetup;
  }
  interface HTMLElementEventMap {
    'app-continue': CustomEvent<void>;
    back: CustomEvent<void>;
  }
}
