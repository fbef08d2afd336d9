import './app/global.css';
import { requestAtlas } from './app/loadAtlas';

// The data starts downloading before the dashboard's code: this entry is tiny, the rest loads in parallel.
const request = requestAtlas(location.search);
import('./app/start').then(({ start }) => start(document.getElementById('app')!, request));
