import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { createFetchAdapter } from '@security-info/core';
import type { SecurityInfoCompleteDetail } from '@security-info/elements';

@Component({
  selector: 'app-root',
  // The security-info tags are custom elements: Angular binds [property] and (event) on them as on any element.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Security info</h1>
      <security-info-wizard
        purpose="mfa"
        default-country="NL"
        [adapter]="adapter"
        (security-info-complete)="onComplete($event)"
      ></security-info-wizard>
      <p role="status">{{ registered() ? 'Registered ' + registered()!.phoneNumber : '' }}</p>
    </main>
  `,
})
export class AppComponent {
  readonly adapter = createFetchAdapter({ baseUrl: '/api/security-info' });
  readonly registered = signal<SecurityInfoCompleteDetail | null>(null);

  onComplete(event: Event): void {
    this.registered.set((event as CustomEvent<SecurityInfoCompleteDetail>).detail);
  }
}
