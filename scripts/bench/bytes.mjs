// @ts-check
// Bytes of what a user downloads: each file of an entry's production bundle, minified and gzipped, with what
// decides whether a person loads it (up front, later in English, only in another language, a region's data).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import {
  forOtherLanguages,
  forOtherMethods,
  loadedUpFront,
  methodOf,
  outputOf,
  productionBuild,
  reachable,
} from './production-bundle.mjs';

export const KB = 1024;

/**
 * One output file of a bundle.
 * @typedef {{
 *   path: string, raw: number, gzip: number,
 *   entry: boolean, initial: boolean, english: boolean, locale: boolean, phoneData: boolean, otherMethods: boolean,
 *   methods: string[],
 * }} BundleFile
 */

/** @param {Uint8Array} contents */
export const gzipSize = (contents) => gzipSync(contents, { level: 9 }).length;

/**
 * Bundles `entry` for production and sizes each file.
 * @param {string} entry a path from the repository's root
 * @param {string[]} [external] modules left out (a page has them already)
 * @returns {Promise<BundleFile[]>}
 */
export async function bundleFiles(entry, external = []) {
  const result = await productionBuild({ entryPoints: [entry], external });
  const outputs = result.metafile.outputs;
  const initial = loadedUpFront(outputs, entry);
  // What a page in English can load: everything the entry reaches, static or dynamic, except through a locale
  // module or the localization runtime, which only a page in another language asks for, and except the wizard's
  // other methods, which a phone enrollment never loads (counted by `otherMethods`).
  const english = reachable(outputs, outputOf(outputs, entry), (imported) => {
    const entryPoint = outputs[imported.path]?.entryPoint;
    return !forOtherLanguages(entryPoint) && !forOtherMethods(entryPoint);
  });
  // What the wizard's other methods load, in English: their module and everything it reaches.
  const otherMethods = new Set(
    Object.keys(outputs)
      .filter((key) => forOtherMethods(outputs[key]?.entryPoint))
      .flatMap((key) => [
        ...reachable(outputs, key, (imported) => !forOtherLanguages(outputs[imported.path]?.entryPoint)),
      ]),
  );
  // Each method's own module (methods-app.ts, …), and what it reaches, in English.
  /** @type {[string, Set<string>][]} */
  const byMethod = [];
  for (const key of Object.keys(outputs)) {
    const method = methodOf(outputs[key]?.entryPoint);
    if (method)
      byMethod.push([
        method,
        reachable(outputs, key, (imported) => !forOtherLanguages(outputs[imported.path]?.entryPoint)),
      ]);
  }
  const entryName = (entry.split('/').pop() ?? entry).replace(/\.ts$/, '.js');
  return result.outputFiles.map((file) => {
    const name = file.path.split('/out/')[1] ?? file.path;
    const inputs = Object.keys(outputs[`out/${name}`]?.inputs ?? {});
    return {
      path: name,
      raw: file.contents.length,
      gzip: gzipSize(file.contents),
      entry: name === entryName,
      initial: initial.has(`out/${name}`),
      english: english.has(`out/${name}`),
      locale: inputs.some((input) => input.includes('/generated/locales/')),
      // A chunk of phone metadata: a person loads the one of their region (two for a number of another one).
      phoneData: inputs.some((input) => input.includes('/generated/phone-metadata/phone-data-')),
      otherMethods: otherMethods.has(`out/${name}`),
      // The methods whose own module reaches this file (`app`, `email`, …).
      methods: byMethod.flatMap(([method, reached]) => (reached.has(`out/${name}`) ? [method] : [])),
    };
  });
}

/**
 * @param {readonly { raw: number, gzip: number }[]} files
 * @param {'raw' | 'gzip'} key
 */
export const sum = (files, key) => files.reduce((total, file) => total + file[key], 0);

/**
 * All a page in English can load, with the largest chunk of phone metadata standing for a region's.
 * @param {readonly BundleFile[]} files
 */
export const withOneRegion = (files) => {
  const data = files.filter((file) => file.phoneData).sort((a, b) => b.gzip - a.gzip);
  return files.filter((file) => file.english && !file.phoneData).concat(data.slice(0, 1));
};

/**
 * A peer's files as its package ships them for the browser (minified JS and CSS), gzipped the same way.
 * @param {string} pkg
 * @param {string[]} files paths inside the package
 */
export const peerBytes = (pkg, files) => {
  const dir = new URL(`../../node_modules/${pkg}/`, import.meta.url);
  /** @type {string} */
  const version = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')).version;
  const sizes = files.map((file) => {
    const contents = readFileSync(new URL(file, dir));
    return { gzip: gzipSize(contents), raw: contents.length };
  });
  return { version, gzip: sum(sizes, 'gzip'), raw: sum(sizes, 'raw') };
};
