// @ts-check
// Judges the bench's figures against their budgets. With --ci a budget already broken on main (as
// docs/performance.md records) fails only when its figure grows past bench/baseline.json by more than the wobble of
// hashed file names (HASH_NOISE): the known overshoot is reported with its difference, and every regression stops
// the run.

/**
 * A figure and its budget; `gzip` and `budget` are bytes, or 0 for a budget that is a yes or no.
 * @typedef {{ name: string, gzip: number, budget: number, ok: boolean }} Budget
 */

/** @param {number} bytes */
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** How far below its baseline a figure may fall before the baseline should be lowered. */
const SHRINK_NOTICE = 256;

/**
 * How far past its baseline a figure may go and still count as not grown. A first view's files name the lazily
 * loaded chunks they import by a hash of their contents, so a change to a chunk loaded later alone renames it, and
 * the first view's gzipped size moves by a few bytes (seen: -2 to +7) with no code of it changed. Real growth is
 * larger than this, and the baseline itself never moves up by it.
 */
export const HASH_NOISE = 16;

/**
 * @param {readonly Budget[]} budgets
 * @param {Readonly<Record<string, number>>} baseline known overshoots by name, in bytes
 * @returns {{ lines: string[], failed: number }} what to print, and how many budgets fail the run
 */
export function judgeBudgets(budgets, baseline) {
  const lines = [];
  let failed = 0;
  for (const b of budgets.filter((budget) => !budget.ok)) {
    const line = b.budget
      ? `Budget broken: ${b.name} is ${kb(b.gzip)} gzip, budget ${kb(b.budget)}.`
      : `Budget broken: ${b.name}.`;
    const known = baseline[b.name];
    if (known !== undefined && b.gzip <= known + HASH_NOISE) {
      const grew = b.gzip > known ? `, +${b.gzip - known} B: within the hashed names' wobble` : '';
      lines.push(`${line} Known and not grown (baseline ${kb(known)}${grew}).`);
    } else {
      lines.push(known !== undefined ? `${line} It grew past its baseline of ${kb(known)}.` : line);
      failed++;
    }
  }
  for (const [name, known] of Object.entries(baseline)) {
    const now = budgets.find((b) => b.name === name);
    if (now && now.gzip < known - SHRINK_NOTICE) {
      lines.push(`${name} shrank to ${kb(now.gzip)}: lower its figure in bench/baseline.json to ${now.gzip}.`);
    }
  }
  return { lines, failed };
}
