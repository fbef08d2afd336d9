import { mount } from 'svelte';
import './app/global.css';
import App from './App.svelte';

export default mount(App, { target: document.getElementById('app')! });
