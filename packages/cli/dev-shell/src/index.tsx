import '@cunmen/ui/styles.css';
import './dev-shell.css';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);

// Reload after every rebuild of the widget (the build id only ever grows).
const events = new EventSource('/__cunmen/events');
let seen: number | null = null;
events.addEventListener('hello', (e) => {
  seen = Number((e as MessageEvent).data);
});
events.addEventListener('build', (e) => {
  const id = Number((e as MessageEvent).data);
  if (seen !== null && id > seen) window.location.reload();
  seen = id;
});
