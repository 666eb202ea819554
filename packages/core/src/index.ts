export type * from './types.js';
export * from './errors.js';
export * from './policy.js';
export * from './phone.js';
export * from './memory-adapter.js';
export * from './enrollment.js';
export * from './sign-in.js';
export * from './challenge.js';
export * from './fetch-adapter.js';
