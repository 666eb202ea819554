/** A bare element to host a reactive controller under test, counting its updates. */
import { LitElement } from 'lit';
import { defineElement } from '../src/shared/define.js';
import { fixture, html } from './helpers.js';

export class TestHost extends LitElement {
  updates = 0;

  protected override updated(): void {
    this.updates++;
  }
}
defineElement('test-host', TestHost);

declare global {
  interface HTMLElementTagNameMap {
    'test-host': TestHost;
  }
}

/** A host on the page, updated once. */
export function testHost(): Promise<TestHost> {
  return fixture<TestHost>(html`<test-host></test-host>`);
}
