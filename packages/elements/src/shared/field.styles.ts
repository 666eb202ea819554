/** The styles of form fields, shared by the phone and code elements: labels, hints, inputs and link buttons. */
import { css } from 'lit';

export const fieldStyles = css`
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  label,
  legend {
    display: block;
    font-weight: 600;
    margin-block-end: 0.25rem;
  }

  .hint {
    color: var(--_text-muted);
    font-size: 0.875em;
  }

  input,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-block-size: var(--_control-height);
    padding-inline: 0.75rem;
    inline-size: 100%;
    min-inline-size: 0;
  }

  input:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  input[aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }

  input:disabled,
  input:read-only {
    background: var(--_surface-raised);
  }

  button.link {
    border-color: transparent;
    background: none;
    min-inline-size: 0;
    padding-inline: 0.25rem;
    text-decoration: underline;
  }

  @media (forced-colors: active) {
    input[aria-invalid='true'] {
      border-color: Mark;
    }

    input:focus-visible,
    select:focus-visible {
      outline-color: Highlight;
    }
  }
`;
