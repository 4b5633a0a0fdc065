import { defineConfig } from 'tsup';
import { baseConfig } from '../../tsup.config.base';

// An app, not a library: one runnable entry, no type declarations.
export default defineConfig(baseConfig({ entry: ['src/main.ts'], platform: 'node', dts: false }));
