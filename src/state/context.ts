/** Typed context carrying the AppState to every view. */
import { getContext, setContext } from 'svelte';
import type { AppState } from './app.svelte';

const KEY = Symbol('app');

/** Makes `app` the state of every component below the caller. */
export const setApp = (app: AppState): AppState => setContext(KEY, app);

/** The dashboard's shared state; throws outside the dashboard. */
export function getApp(): AppState {
  const app = getContext<AppState | undefined>(KEY);
  if (!app) throw new Error('getApp() called outside the dashboard (no AppState in context)');
  return app;
}
