/** Mounts the dashboard once its code has loaded. */
import { mount } from 'svelte';
import App from '../App.svelte';
import type { AtlasRequest } from './loadAtlas';

/** Mounts the app into `target`, handing it the data request already under way. */
export function start(target: HTMLElement, request: AtlasRequest) {
  performance.mark('code-loaded');
  return mount(App, { target, props: { request } });
}
