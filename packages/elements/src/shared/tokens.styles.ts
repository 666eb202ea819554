/**
 * Design tokens and the base styles every element shares (the fields' own are in field.styles.ts). Each token is a `--si-*` custom property with a
 * fallback, read once into a private `--_*` property so a brand sets one variable on any ancestor.
 */
import { css } from 'lit';

export const tokens = css`
  /* Colours follow the page's color-scheme (inherited): a page that declares \`color-scheme: light dark\` gets
     the dark palette in dark mode, a light-only page keeps the light one on its light background. */
  :host {
    --_font: var(--si-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--si-font-size, 1rem);
    --_text: var(--si-color-text, light-dark(#1b1b1f, #ececf1));
    --_text-muted: var(--si-color-text-muted, light-dark(#505060, #b9b9c6));
    --_surface: var(--si-color-surface, light-dark(#ffffff, #1c1c22));
    --_surface-raised: var(--si-color-surface-raised, light-dark(#f4f4f7, #2a2a33));
    --_border: var(--si-color-border, light-dark(#767684, #9a9aa8));
    --_accent: var(--si-color-accent, light-dark(#0b5cad, #8cc4ff));
    --_on-accent: var(--si-color-on-accent, light-dark(#ffffff, #0b1b2e));
    --_error: var(--si-color-error, light-dark(#b3261e, #ffb4ab));
    --_success: var(--si-color-success, light-dark(#1b6b34, #8fd9a5));
    --_focus: var(--si-color-focus, light-dark(#0b5cad, #8cc4ff));
    --_radius: var(--si-radius, 0.5rem);
    --_space: var(--si-space, 1rem);
    --_control-height: var(--si-control-height, 2.75rem);
    --_duration: var(--si-duration, 150ms);

    display: block;
    box-sizing: border-box;
    max-inline-size: 100%;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
  }

  :host([hidden]) {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  h2 {
    margin: 0 0 calc(var(--_space) * 0.5);
    font-size: 1.375em;
    line-height: 1.3;
    font-weight: 600;
  }

  h2:focus {
    outline: none;
  }

  h2:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  p {
    margin: 0 0 var(--_space);
  }

  /* Phone numbers, calling codes and codes read left to right in every language. */
  .ltr {
    direction: ltr;
    unicode-bidi: isolate;
  }

  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .error {
    display: flex;
    gap: 0.375rem;
    align-items: flex-start;
    color: var(--_error);
    font-size: 0.875em;
    margin-block: 0.375rem 0;
  }

  .error:empty {
    display: none;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    margin-block-start: calc(var(--_space) * 1.25);
  }

  button {
    font: inherit;
    font-weight: 600;
    min-block-size: var(--_control-height);
    min-inline-size: 6rem;
    padding-inline: 1.25rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
    transition:
      background-color var(--_duration),
      color var(--_duration);
  }

  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }

  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }

  .spinner {
    display: inline-block;
    inline-size: 1em;
    block-size: 1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    vertical-align: -0.15em;
    margin-inline-end: 0.5em;
    animation: si-spin 0.8s linear infinite;
  }

  @keyframes si-spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation-duration: 2.4s !important;
    }
  }

  @media (forced-colors: active) {
    button.primary {
      border-color: ButtonText;
    }

    button:disabled,
    button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
      opacity: 1;
    }

    .error {
      color: CanvasText;
    }

    button:focus-visible {
      outline-color: Highlight;
    }
  }
`;
