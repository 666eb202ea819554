/** Everything an element test needs: open-wc fixtures, queries by role and name, key presses, axe. */
export { fixture, html, expect, oneEvent, elementUpdated, aTimeout, waitUntil } from '@open-wc/testing';
export * from './queries.js';
export { expectAccessible } from './axe.js';
export { setViewport, emulateMedia } from '@web/test-runner-commands';
