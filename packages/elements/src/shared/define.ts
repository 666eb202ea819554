/** Polite registration: a tag that is already defined (say, by a second copy of the library) is left alone. */
export function defineElement(
  tag: string,
  constructor: CustomElementConstructor,
  registry: CustomElementRegistry = globalThis.customElements,
): void {
  if (!registry || registry.get(tag)) return;
  registry.define(tag, constructor);
}
