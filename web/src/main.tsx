import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Gate } from './Gate.tsx';
import { checkSessionEarly } from './session.ts';
import { preload } from './routes.ts';
import './styles.css';

// Before React draws anything: the session check, the page's code and its first data at once.
checkSessionEarly();
preload(window.location.hash);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Gate />
  </StrictMode>,
);
