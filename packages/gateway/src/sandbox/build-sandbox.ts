/**
 * Builds the sandbox's browser bundle (GraphiQL, React and the plan panel) with esbuild into a
 * folder the gateway serves files from: `sandbox.js`, `sandbox.css` and the licences of what
 * was bundled. Run by the package's build (`tsup.config.ts`, after the library is built, into
 * `dist/sandbox`), and by tests that need the page. Never imported by the gateway at run time:
 * esbuild is a build-time tool only.
 *
 * @module
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export interface BuildSandboxOptions {
  /** Where to write the files (created if needed). */
  readonly outdir: string;
  /** The browser entry (default `client/main.tsx` next to this file). */
  readonly entry?: string;
  /** Minify (default true). */
  readonly minify?: boolean;
}

/** The files a built sandbox has; the gateway serves exactly these. */
export const SANDBOX_FILES = ['sandbox.js', 'sandbox.css'] as const;

/** Bundles the sandbox into `outdir`. */
export async function buildSandbox(options: BuildSandboxOptions): Promise<void> {
  const entry = options.entry ?? fileURLToPath(new URL('./client/main.tsx', import.meta.url));
  await build({
    entryPoints: { sandbox: entry },
    outdir: options.outdir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2020'],
    jsx: 'automatic',
    minify: options.minify ?? true,
    // React and GraphiQL pick their production code paths from this.
    define: { 'process.env.NODE_ENV': '"production"' },
    // Fonts and icons stay inside the CSS: the page needs nothing but the two files.
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl' },
    // Licences of the bundled packages (MIT) go to sandbox.js.LEGAL.txt / sandbox.css.LEGAL.txt.
    legalComments: 'linked',
    logLevel: 'warning',
  });
}
