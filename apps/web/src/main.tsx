import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadLanguage } from './i18n/dictionaries';
import { initialLang } from './i18n/i18n';

// Someone who chose English gets its strings before the first render; Chinese, the default, needs no wait (the
// login page's strings are in this bundle). Should the download fail, the page comes up in Chinese.
// As a transition, React renders the first screen in slices between which the browser may handle a tap, rather
// than in one long task that a slow phone spends unresponsive (Lighthouse's total blocking time).
const render = () =>
  startTransition(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
loadLanguage(initialLang()).then(render, render);
