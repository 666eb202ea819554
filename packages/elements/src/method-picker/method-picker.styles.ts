import { css } from 'lit';

export const methodPickerStyles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }

  /* The button holds only the name (its accessible name equals its visible label); its ::after covers the
     whole card, so a click or tap anywhere on the card chooses the method. */
  .card {
    position: relative;
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 0.875rem;
    align-items: center;
    padding: 0.875rem 1rem;
    background: var(--si-method-background, var(--_surface));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .card:hover:has(button:not(:disabled)) {
    border-color: var(--_accent);
    background: var(--_surface-raised);
  }

  .card:has(button:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .card > svg {
    grid-row: span 3;
    inline-size: 1.75rem;
    block-size: 1.75rem;
    color: var(--_accent);
  }

  button.method {
    all: unset;
    font-weight: 600;
    color: var(--_text);
    cursor: pointer;
  }

  button.method::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: var(--_radius);
  }

  button.method:disabled {
    cursor: not-allowed;
  }

  button.method:focus-visible {
    outline: none;
  }

  .description {
    color: var(--_text-muted);
    font-size: 0.875em;
  }

  .registered {
    font-size: 0.8125em;
    font-weight: 600;
    color: var(--_success);
  }

  .note {
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--_border);
    background: var(--_surface-raised);
    border-radius: var(--_radius);
    color: var(--_text);
    font-size: 0.9375em;
    margin-block-start: var(--_space);
  }

  @media (forced-colors: active) {
    .card > svg,
    .registered {
      color: CanvasText;
    }
    .card:has(button:focus-visible) {
      outline-color: Highlight;
    }
  }
`;
