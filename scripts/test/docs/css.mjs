// @ts-check
// CSS blocks: `tag::part(name)` and `tag:state(name)` must be parts and states the manifest lists for that tag, and
// each `--si-*` custom property one the elements read.

/**
 * What is wrong with a style sheet: parts, states and custom properties the elements do not have.
 * @param {string} css
 * @param {import('./manifest.mjs').Manifest} manifest
 * @param {ReadonlySet<string>} customProperties the `--si-*` names the elements read
 * @returns {{ line: number, message: string }[]}
 */
export function checkCss(css, manifest, customProperties) {
  const problems = [];
  const lines = css.split('\n');
  for (const [index, text] of lines.entries()) {
    const line = index + 1;
    for (const match of text.matchAll(/([a-z][\w]*-[\w-]*)::part\(([^)]*)\)/g)) {
      const [, tag = '', parts = ''] = match;
      const api = manifest.get(tag);
      if (!api) problems.push({ line, message: `<${tag}> is not an element of the manifest` });
      else
        for (const part of parts.trim().split(/\s+/))
          if (!api.parts.has(part)) problems.push({ line, message: `<${tag}> has no part "${part}"` });
    }
    for (const match of text.matchAll(/([a-z][\w]*-[\w-]*):state\(([^)]*)\)/g)) {
      const [, tag = '', state = ''] = match;
      if (!manifest.get(tag)?.states.has(state.trim()))
        problems.push({ line, message: `<${tag}> has no state "${state.trim()}"` });
    }
    for (const match of text.matchAll(/(--si-[\w-]+)/g)) {
      const [, property = ''] = match;
      if (!customProperties.has(property)) problems.push({ line, message: `no element reads ${property}` });
    }
  }
  return problems;
}
