import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadLanguage } from './i18n/dictionaries';
import { initialLang } from './i18n/i18n';

// Someone who chose English gets its strings before the first render; Chinese, the default, needs no wait (the
// login page's strings are in this bundle). Should the download fail, the page comes up in Chinese.
const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
loadLanguage(initialLang()).then(render, render);
