/**
 * Finds controls the way a person does: by role and accessible name, through shadow roots. Uses Chromium's
 * computed accessibility info (enabled by the test browser's `ComputedAccessibilityInfo` flag).
 */
import { sendKeys } from '@web/test-runner-commands';

type Accessible = Element & { computedRole?: string | null; computedName?: string | null };

export interface RoleQuery {
  /** Exact accessible name, or a pattern it must match. */
  name?: string | RegExp;
  /** Include elements that are hidden (`display: none`, `hidden`). Default false. */
  hidden?: boolean;
}

function* deepElements(root: ParentNode): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* deepElements(element.shadowRoot);
  }
}

function isVisible(element: Element): boolean {
  return (element as HTMLElement).checkVisibility?.() ?? true;
}

function nameMatches(actual: string, expected: string | RegExp | undefined): boolean {
  if (expected === undefined) return true;
  return typeof expected === 'string' ? actual.trim() === expected : expected.test(actual);
}

export function queryAllByRole<T extends Element = HTMLElement>(
  root: ParentNode,
  role: string,
  query: RoleQuery = {},
): T[] {
  const root_ = root as ParentNode & { shadowRoot?: ShadowRoot | null };
  const start: ParentNode = root_.shadowRoot ?? root;
  return [...deepElements(start)].filter((element): element is T => {
    const el = element as Accessible;
    if (el.computedRole !== role) return false;
    if (!query.hidden && !isVisible(el)) return false;
    return nameMatches(el.computedName ?? '', query.name);
  });
}

export function queryByRole<T extends Element = HTMLElement>(
  root: ParentNode,
  role: string,
  query: RoleQuery = {},
): T | null {
  return queryAllByRole<T>(root, role, query)[0] ?? null;
}

/** Like {@link queryByRole}, but throws with what is there when nothing matches. */
export function getByRole<T extends Element = HTMLElement>(root: ParentNode, role: string, query: RoleQuery = {}): T {
  const found = queryByRole<T>(root, role, query);
  if (found) return found;
  const root_ = root as ParentNode & { shadowRoot?: ShadowRoot | null };
  const present = [...deepElements(root_.shadowRoot ?? root)]
    .map((element) => element as Accessible)
    .filter(
      (element) =>
        element.computedRole && !['generic', 'none', 'StaticText', 'InlineTextBox'].includes(element.computedRole),
    )
    .map((element) => `${element.computedRole} "${element.computedName ?? ''}"`);
  throw new Error(`No ${role} named ${String(query.name ?? '(any)')}. Present: ${present.join(', ') || 'nothing'}`);
}

/** Focuses `element` and types `text` with real key presses, as a person would. */
export async function typeInto(element: HTMLElement, text: string): Promise<void> {
  element.focus();
  await sendKeys({ type: text });
}

/** Presses one key (`Enter`, `ArrowDown`, `Backspace`, ...) on whatever has focus. */
export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/** Pastes `text` into a focused input the way a clipboard paste reaches it: a `paste` event, then an `input`. */
export function paste(input: HTMLInputElement, text: string): void {
  input.focus();
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  if (!input.dispatchEvent(event)) return;
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? start;
  input.setRangeText(text, start, end, 'end');
  input.dispatchEvent(
    new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste', data: text }),
  );
}

/** The element that has focus, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Resolves once `target` dispatches `type`; rejects after `timeout` ms so a missing event fails clearly. */
export function nextEvent<K extends keyof HTMLElementEventMap>(
  target: EventTarget,
  type: K,
  timeout = 2000,
): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No ${type} event within ${timeout} ms`)), timeout);
    target.addEventListener(
      type,
      (event) => {
        clearTimeout(timer);
        resolve(event as HTMLElementEventMap[K]);
      },
      { once: true },
    );
  });
}

/** Records every `type` event `target` fires, to assert how many a burst of clicks produced. */
export function recordEvents<K extends keyof HTMLElementEventMap>(
  target: EventTarget,
  type: K,
): HTMLElementEventMap[K][] {
  const seen: HTMLElementEventMap[K][] = [];
  target.addEventListener(type, (event) => seen.push(event as HTMLElementEventMap[K]));
  return seen;
}
