import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'podium-kit/styles.css';
import './demo.css';
import { ApiReferencePage, apiReferenceHash } from './ApiReferencePage.js';
import { DemoApp } from './DemoApp.js';

/** The demo, or its API reference page (`#api-reference`). */
function DemoRoot() {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onHashChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return hash === apiReferenceHash ? <ApiReferencePage /> : <DemoApp />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DemoRoot />
  </StrictMode>,
);
