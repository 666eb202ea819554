export { createSecurityInfoHandler } from './handler.js';
export * from './options.js';
export * from './store.js';
export { createMemoryStore, type MemoryStore } from './memory-store.js';
export * from './senders.js';
export * from './node.js';
export { addressKey, connectionAddress, forwardedFor, type ClientKey, type ConnectionInfo } from './client.js';
export { randomCode } from './codes.js';
export * from './jwt.js';
