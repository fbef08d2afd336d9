/** Mounts the dashboard once its code has loaded. */
import { mount } from 'svelte';
import App from '../App.svelte';
import type { AtlasRequest } from './loadAtlas';

export function start(target: HTMLElement, request: AtlasRequest) {
  return mount(App, { target, props: { request } });
}
