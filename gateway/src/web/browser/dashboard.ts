/**
 * The live operations dashboard served on GET /dashboard: a React app (./dashboard/) that reads
 * with the typed documents of operations/dashboard.graphql and stays current over graphql-ws.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { App, type DashboardPageConfig } from './dashboard/App';
import './dashboard/dashboard.css';
import { pageConfig } from './page-config';

createRoot(document.getElementById('root')!).render(createElement(App, { config: pageConfig<DashboardPageConfig>() }));
