/**
 * The sandbox's browser entry: reads the gateway's settings from the page and mounts the app.
 * Bundled with GraphiQL and React by `../build-sandbox.ts` at build time; nothing is loaded from
 * a CDN.
 *
 * @module
 */
import { createRoot } from 'react-dom/client';
import 'graphiql/graphiql.css';
import './sandbox.css';
import { App, type SandboxConfig } from './app.js';

const element = document.getElementById('orrery-sandbox-config');
const config = JSON.parse(element?.textContent ?? '{}') as Partial<SandboxConfig>;
createRoot(document.getElementById('root')!).render(
  <App config={{ endpoint: config.endpoint ?? '/graphql', ...config }} />,
);
