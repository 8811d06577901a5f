import { getContext, setContext } from 'svelte';
import type { AppState } from './app.svelte';

const KEY = Symbol('mcommunity-app');

export function setApp(app: AppState): void {
  setContext(KEY, app);
}

/** The app state given by `App.svelte` (or by a test). */
export function useApp(): AppState {
  const app = getContext<AppState | undefined>(KEY);
  if (!app) throw new Error('useApp: no AppState in context');
  return app;
}

/** For component tests: the context map that `render(…, { context })` takes. */
export function appContext(app: AppState): Map<symbol, AppState> {
  return new Map([[KEY, app]]);
}
