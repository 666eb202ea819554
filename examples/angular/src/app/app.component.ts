import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { createFetchAdapter } from '@security-info/core';
import type { SecurityInfoMethodsChangeDetail } from '@security-info/elements';

@Component({
  selector: 'app-root',
  // The security-info tags are custom elements: Angular binds [property] and (event) on them as on any element.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>My account</h1>
      <!-- The person's sign-in methods; Add and Change open the wizard in a dialog. -->
      <security-info-methods
        default-country="NL"
        [adapter]="adapter"
        (security-info-methods-change)="onChange($event)"
      ></security-info-methods>
      <!-- The page says each change to screen readers itself; this is what the rest of the app may want to know. -->
      <p>{{ change() ? 'Security info updated (' + change() + ').' : '' }}</p>
    </main>
  `,
})
export class AppComponent {
  readonly adapter = createFetchAdapter({ baseUrl: '/api/security-info' });
  readonly change = signal<SecurityInfoMethodsChangeDetail['change'] | null>(null);

  onChange(event: Event): void {
    this.change.set((event as CustomEvent<SecurityInfoMethodsChangeDetail>).detail.change);
  }
}
