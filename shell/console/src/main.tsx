/** Entry: the staff console on its own origin (served by the shell's console port). */
import '@cunmen/ui/styles.css';
import './console.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './App.js';
import { pickLocale } from './i18n/index.js';
import { storedElderlyMode } from './layout/elderly.js';

const locale = pickLocale(window.location.search);
document.documentElement.lang = locale;
const storage = (() => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
})();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ConsoleApp locale={locale} elderly={storedElderlyMode(storage)} />
    </StrictMode>,
  );
}
