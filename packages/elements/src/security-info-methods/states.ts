/**
 * The Security info page's custom states, for a host's styles (`security-info-methods:state(loading)`): each is on
 * while the page shows it. The element's JSDoc lists them with `@cssstate` (api-docs.node.test.ts checks both agree).
 */
import type { MethodsLoader } from './methods-loader.js';

export const PAGE_STATES = ['loading', 'empty', 'error', 'offline', 'busy', 'adding', 'changing'] as const;
export type PageState = (typeof PAGE_STATES)[number];

/**
 * The states from what the page shows: its list (`loader`), the connection, a change under way or something being
 * opened (`busy`), and the wizard if it is shown, adding a method or (`replaces`) changing one.
 */
export const pageStates = (
  { status, registrations }: Pick<MethodsLoader, 'status' | 'registrations'>,
  offline: boolean,
  busy: boolean,
  wizard: { replaces?: string | undefined } | null,
): Record<PageState, boolean> => ({
  loading: status === 'loading',
  empty: status === 'ready' && !registrations?.methods.length,
  error: status === 'failed',
  offline,
  busy,
  adding: !!wizard && !wizard.replaces,
  changing: !!wizard?.replaces,
});
