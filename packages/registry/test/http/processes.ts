/**
 * Registry child processes for e2e tests. Node cannot run the TypeScript sources directly, so
 * `registry-process.ts` is bundled once with esbuild (the one tsup uses), workspace packages
 * from their sources (`source` condition) and npm dependencies left external. The bundle is
 * written one level below the package (in the git-ignored `.orrery/`), where the package's
 * `node_modules`, `migrations/` and `package.json` resolve as they do from `dist/`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rm, rmdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<unknown>;
}

const PACKAGE_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** Bundles the child entry; returns its path and a cleanup. */
export async function bundleRegistryProcess(): Promise<{ file: string; remove(): Promise<void> }> {
  const require = createRequire(import.meta.url);
  const esbuild = createRequire(require.resolve('tsup'))('esbuild') as EsbuildLike;
  const dir = `${PACKAGE_DIR}.orrery`;
  await mkdir(dir, { recursive: true });
  const file = `${dir}/registry-process-${randomBytes(4).toString('hex')}.mjs`;
  await esbuild.build({
    entryPoints: [fileURLToPath(new URL('./registry-process.ts', import.meta.url))],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    external: ['pg', '@electric-sql/pglite', 'graphql', 'undici'],
    logLevel: 'error',
  });
  return {
    file,
    async remove() {
      await rm(file, { force: true });
      // Left in place when another run's bundle is still there.
      await rmdir(dir).catch(() => undefined);
    },
  };
}

export interface RegistryProcess {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `node file` with `env`; resolves once it prints its URL. */
export function startRegistryProcess(
  file: string,
  env: Record<string, string>,
): Promise<RegistryProcess> {
  const child = spawn(process.execPath, [file], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n')[0];
      if (stdout.includes('\n') && line) {
        try {
          resolve({ url: (JSON.parse(line) as { url: string }).url, child, stop });
        } catch (error) {
          reject(error as Error);
        }
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`registry process exited (${code}) before listening:\n${stderr}`)),
    );
  });
}
