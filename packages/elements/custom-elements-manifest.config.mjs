// The Custom Elements Manifest: generated from the elements' JSDoc, read by Storybook and editors.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/generated/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
