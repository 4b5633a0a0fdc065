import { defineConfig } from 'tsup';
import { baseConfig } from '../../tsup.config.base';
import { buildSandbox } from './src/sandbox/build-sandbox';

// After the library, the sandbox's browser bundle (GraphiQL + the plan panel) into dist/sandbox,
// which the gateway serves at GET / (see src/sandbox/README.md).
export default defineConfig(
  baseConfig({
    platform: 'node',
    onSuccess: () => buildSandbox({ outdir: 'dist/sandbox' }),
  }),
);
