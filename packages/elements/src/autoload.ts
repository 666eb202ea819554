/**
 * Defines each element the first time its tag appears in the document, so a page downloads only what it shows.
 * Elements inside a shadow root are not seen here: an element defines the ones it renders itself (the wizard its
 * steps), and a framework that renders into a shadow root imports the element's own entry
 * (`@security-info/elements/security-info-wizard.js`).
 */

/**
 * A static map of dynamic imports, so bundlers split at these modules. Each tag loads the module the wizard loads
 * it with: the picker is the wizard's first step, and the phone and code fields come with the wizard's later steps.
 * A chunk boundary of their own would split the wizard's files wherever they share code (measured with esbuild and
 * Vite: 1 KB more before its first view, 4 KB more for a whole enrollment); a page that shows only the phone field
 * or the code field imports that element's own entry.
 */
const wizard = () => import('./security-info-wizard/security-info-wizard.js');
const steps = () => import('./security-info-wizard/wizard-steps.js');
const loaders = {
  'security-info-wizard': wizard,
  'method-picker': wizard,
  'security-info-phone': steps,
  'code-verify': steps,
  // The Security info page loads the wizard itself when Add or Change is pressed.
  'security-info-methods': () => import('./security-info-methods/security-info-methods.js'),
};

/** The tags this package defines. */
export type SecurityInfoTag = keyof typeof loaders;

const tags = Object.keys(loaders) as SecurityInfoTag[];
const loading: Partial<Record<SecurityInfoTag, Promise<unknown>>> = {};

/**
 * Loads and defines the element of `tag` now, rather than when it first appears, and resolves with its class.
 * A tag already defined (by the element's own entry, or another copy of the library) loads nothing. A failed
 * load rejects, and the next call (or the next time the tag appears) tries again.
 */
export function whenDefined<T extends SecurityInfoTag>(tag: T): Promise<new () => HTMLElementTagNameMap[T]> {
  if (!customElements.get(tag)) {
    loading[tag] ??= loaders[tag]().catch((error: unknown) => {
      delete loading[tag];
      throw error;
    });
  }
  return Promise.all([loading[tag], customElements.whenDefined(tag)]).then(
    ([, constructor]) => constructor as new () => HTMLElementTagNameMap[T],
  );
}

/** Loads and defines every element, for a page that would rather not wait for a tag to appear. */
export async function defineAll(): Promise<void> {
  await Promise.all(tags.map(whenDefined));
}

/** Whichever of the tags is not defined yet. */
const UNDEFINED = tags.map((tag) => `${tag}:not(:defined)`).join();

function discover(root: Element | Document): void {
  const found = [...root.querySelectorAll(UNDEFINED)];
  if (root instanceof Element && root.matches(UNDEFINED)) found.push(root);
  for (const element of found) void whenDefined(element.localName as SecurityInfoTag);
}

// Server rendering imports the package too: there is no document to watch there.
if (typeof document !== 'undefined' && typeof MutationObserver === 'function') {
  discover(document);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) discover(node);
    }
    // Once every element is defined there is nothing left to watch for.
    if (tags.every((tag) => customElements.get(tag))) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}
