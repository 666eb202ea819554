export * from './handler.js';
export * from './store.js';
export * from './node.js';
export { randomCode } from './codes.js';
