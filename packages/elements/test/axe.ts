/** Runs axe-core on a rendered element and fails with a readable list of every violation. */
import 'axe-core/axe.min.js';
import type { AxeResults, RunOptions } from 'axe-core';

declare global {
  interface Window {
    axe: typeof import('axe-core');
  }
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Rules that judge a whole page, not a component placed in a test page. */
const PAGE_RULES = ['region', 'landmark-one-main', 'page-has-heading-one', 'bypass', 'html-has-lang'];

let queue: Promise<unknown> = Promise.resolve();

export async function expectAccessible(element: Element, options: RunOptions = {}): Promise<void> {
  // axe refuses to run twice at once; tests in one file may share the page.
  const run = queue.then(() =>
    window.axe.run(element, {
      runOnly: { type: 'tag', values: WCAG_TAGS },
      rules: Object.fromEntries(PAGE_RULES.map((id) => [id, { enabled: false }])),
      resultTypes: ['violations'],
      ...options,
    }),
  );
  queue = run.catch(() => undefined);
  const results: AxeResults = await run;
  if (results.violations.length === 0) return;
  const lines = results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help}\n    at ${node.target.join(' ')}\n    ${node.failureSummary ?? ''}`,
    ),
  );
  throw new Error(`axe found ${lines.length} accessibility violation(s):\n${lines.join('\n')}`);
}
