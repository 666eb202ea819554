import { css } from 'lit';

export const phoneStyles = css`
  .field {
    margin-block-start: var(--_space);
  }

  .combobox {
    position: relative;
  }

  .combobox input {
    padding-inline-end: 2.75rem;
  }

  /* The button that opens the list, or the progress shown in its place while the data loads. */
  .toggle,
  .loading {
    position: absolute;
    inset-block: 0;
    inset-inline-end: 0;
    min-inline-size: 2.75rem;
    color: var(--_text-muted);
  }

  .toggle {
    padding: 0;
    border: none;
    background: none;
  }

  .toggle[hidden] {
    display: none;
  }

  .loading {
    display: flex;
    align-items: center;
    justify-content: center;
    pointer-events: none;
  }

  .loading .spinner {
    margin: 0;
  }

  .toggle svg {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }

  [role='listbox'] {
    position: absolute;
    z-index: 10;
    inset-inline: 0;
    inset-block-start: calc(100% + 0.25rem);
    max-block-size: min(18rem, 50vh);
    overflow-y: auto;
    margin: 0;
    padding: 0.25rem;
    list-style: none;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.18);
  }

  [role='option'] {
    display: flex;
    justify-content: space-between;
    gap: 0.75rem;
    padding: 0.5rem 0.625rem;
    min-block-size: 2.5rem;
    align-items: center;
    border-radius: calc(var(--_radius) * 0.6);
    cursor: pointer;
  }

  /* The region chosen before: the selected option (aria-selected) is the active one, which Enter would choose. */
  [role='option'].chosen {
    font-weight: 600;
  }

  [role='option'].active {
    background: var(--_accent);
    color: var(--_on-accent);
  }

  [role='option'] .ltr {
    color: inherit;
    opacity: 0.85;
    font-variant-numeric: tabular-nums;
  }

  .empty {
    padding: 0.5rem 0.625rem;
    color: var(--_text-muted);
  }

  input[type='tel'] {
    direction: ltr;
    text-align: start;
    font-variant-numeric: tabular-nums;
  }

  :host(:dir(rtl)) input[type='tel'] {
    text-align: end;
  }

  fieldset {
    border: none;
    padding: 0;
    margin: var(--_space) 0 0;
    min-inline-size: 0;
  }

  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
  }

  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
    font-weight: 400;
    margin: 0;
  }

  .choice input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    min-block-size: 0;
    margin: 0;
    accent-color: var(--_accent);
  }

  .suggested {
    margin-block-start: 0.5rem;
  }

  .choice-note {
    flex-basis: 100%;
    margin: 0;
  }

  @media (forced-colors: active) {
    [role='option'].active {
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
  }
`;
