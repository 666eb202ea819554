// Compile-time check that the Vue types of the tags are registered as global components.
import type {} from '@security-info/elements/types/vue';
import type { GlobalComponents } from 'vue';

export type Wizard = GlobalComponents['security-info-wizard'];
export type Page = GlobalComponents['security-info-methods'];
export type Passkey = GlobalComponents['passkey-setup'];
export const registered: [Wizard, Page, Passkey] extends [object, object, object] ? true : false = true;
