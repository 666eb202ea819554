// @ts-check
// The elements' public API as the Custom Elements Manifest lists it (packages/elements/custom-elements.json, which
// `npm run analyze` writes): what markup and style sheets in the docs may name.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './repository.mjs';

const MANIFEST = join(ROOT, 'packages/elements/custom-elements.json');

/**
 * @typedef {{ attributes: Set<string>, properties: Set<string>, events: Set<string>, parts: Set<string>,
 *   states: Set<string> }} ElementApi
 * @typedef {Map<string, ElementApi>} Manifest
 */

/**
 * What each tag of a Custom Elements Manifest offers.
 * @param {any} manifest the parsed custom-elements.json
 * @returns {Manifest}
 */
export function readManifest(manifest) {
  /** @type {Manifest} */
  const tags = new Map();
  /** @param {{ name: string }[] | undefined} list */
  const names = (list) => new Set((list ?? []).map((item) => item.name));
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.tagName) continue;
      /** @type {{ kind: string, name: string, privacy?: string, static?: boolean }[]} */
      const members = declaration.members ?? [];
      tags.set(declaration.tagName, {
        attributes: names(declaration.attributes),
        properties: new Set(
          members
            .filter((member) => member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public')
            .map((member) => member.name),
        ),
        events: names(declaration.events),
        parts: names(declaration.cssParts),
        states: names(declaration.cssStates),
      });
    }
  }
  return tags;
}

/**
 * The manifest `npm run analyze` wrote, read.
 * @returns {Manifest}
 */
export function loadManifest() {
  if (!existsSync(MANIFEST)) throw new Error(`${relative(ROOT, MANIFEST)} is missing: run npm run analyze`);
  return readManifest(JSON.parse(readFileSync(MANIFEST, 'utf8')));
}
