/** Typed context carrying the AppState to every view. */
import { getContext, setContext } from 'svelte';
import type { AppState } from './app.svelte';

const KEY = Symbol('app');

export const setApp = (app: AppState): AppState => setContext(KEY, app);

export function getApp(): AppState {
  const app = getContext<AppState | undefined>(KEY);
  if (!app) throw new Error('getApp() called outside the dashboard (no AppState in context)');
  return app;
}
