/**
 * What the wizard's steps (`<method-picker>`, `<security-info-phone>`, `<code-verify>`) share: a `pending` state
 * while the host works, and a heading that takes focus when the step appears, so a screen reader starts there.
 */
import type { LitElement, PropertyDeclarations } from 'lit';

/** A step as the wizard sees it. */
export interface Step extends HTMLElement {
  /** The host is working: the step shows progress and takes no second submission. */
  pending: boolean;
  /** Moves focus to the step's heading. */
  focusHeading(): void;
  readonly updateComplete: Promise<boolean>;
}

/** Moves focus to the heading a step starts with: the first `<h2>` in `root`. */
export function focusHeading(root: ParentNode): void {
  root.querySelector<HTMLElement>('h2')?.focus();
}

// A mixin's constructor must take `any[]` (TypeScript's rule for mixin classes).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T> = abstract new (...args: any[]) => T;

/**
 * Makes an element a step. A mixin rather than a base class: the steps that are form controls already extend
 * `FormAssociatedElement`, and the method picker is a plain `LitElement`.
 */
export function StepElement<Base extends Constructor<LitElement>>(base: Base) {
  abstract class Stepping extends base {
    static properties: PropertyDeclarations = { pending: { type: Boolean, reflect: true } };

    /** The host is working: the step shows progress and takes no second submission. */
    declare pending: boolean;

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    constructor(...args: any[]) {
      super(...args);
      this.pending = false;
    }

    /** Moves focus to the heading, so a screen reader starts reading the step there. */
    focusHeading(): void {
      focusHeading(this.renderRoot);
    }
  }
  return Stepping as Constructor<Pick<Step, 'pending' | 'focusHeading'>> & Base;
}
