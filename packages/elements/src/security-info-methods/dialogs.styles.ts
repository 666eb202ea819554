import { css } from 'lit';

/**
 * What opens over the list, and what only the actions render (a row's progress or failure, the offer of recovery
 * codes): adopted by the element when the dialogs' module arrives (actions.ts), so the list's first view does not
 * carry them.
 */
export const dialogStyles = css`
  /* As the page's h2 (security-info-methods.styles.ts): a long word wraps rather than widen the page. */
  h3 {
    overflow-wrap: break-word;
    hyphens: auto;
  }

  /* A row's progress or failure (renderRow) takes a line of its own under the row. */
  .method > p {
    flex-basis: 100%;
    margin: 0;
  }

  dialog {
    inline-size: min(28rem, 100% - 2rem);
    max-block-size: calc(100% - 2rem);
    padding: 1.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }

  dialog:has(security-info-wizard) {
    inline-size: min(34rem, 100% - 2rem);
  }

  /* Over the wizard (in its dialog or in place of the list) the title is a line above the step's own heading, not a
     second heading as large. */
  h2.above {
    font-size: 0.875em;
    color: var(--_text-muted);
    margin-block-end: 0.75rem;
  }

  /* A dialog's title names the method whole in its own weight (the list sets the identifier apart). */
  h2 [part~='identifier'] {
    font-weight: inherit;
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }

  button.danger {
    background: var(--si-color-danger, var(--_error));
    border-color: var(--si-color-danger, var(--_error));
    color: var(--_surface);
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
  }

  legend {
    margin-block-end: 0.5rem;
  }

  .choice {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    min-block-size: var(--_control-height);
    /* A passkey's name may be one long word. */
    overflow-wrap: anywhere;
  }

  .choice input {
    margin: 0;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    accent-color: var(--_accent);
  }

  @media (forced-colors: active) {
    button.danger {
      border-color: ButtonText;
    }
  }
`;
