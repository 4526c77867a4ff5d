import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'podium-kit/styles.css';
import './demo.css';
import { DemoApp } from './DemoApp.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DemoApp />
  </StrictMode>,
);
