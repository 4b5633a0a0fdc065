/**
 * Where a proposed change comes from (branch, commit, author, message), sent with a check and
 * shown with its result. Read from, in order: `ORRERY_VCS_*` variables (a pipeline that knows
 * better), the CI's own variables (GitHub Actions, GitLab CI, CircleCI, Buildkite, Jenkins), then
 * git in the working directory. Each part is optional: no git, no repository or a detached HEAD
 * never fails a check, the part is just left out.
 *
 * @module
 */
import { execFile } from 'node:child_process';
import type { CheckRequest } from '@orrery/registry-client';

export type VcsContext = NonNullable<CheckRequest['context']>;
type Env = Readonly<Record<string, string | undefined>>;

/** The first variable that is set and not blank. */
function first(env: Env, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  return undefined;
}

/**
 * The context the environment gives. CI variables come before git because a CI checkout is
 * usually a detached HEAD (no branch) and, on GitHub pull requests, a merge commit.
 */
export function contextFromEnv(env: Env): VcsContext {
  const githubAuthor = env['GITHUB_ACTOR']?.trim();
  return dropEmpty({
    branch: first(env, [
      'ORRERY_VCS_BRANCH',
      'GITHUB_HEAD_REF', // pull requests: the source branch (GITHUB_REF_NAME is "42/merge")
      'GITHUB_REF_NAME',
      'CI_COMMIT_REF_NAME',
      'CIRCLE_BRANCH',
      'BUILDKITE_BRANCH',
      'BRANCH_NAME',
      'GIT_BRANCH',
    ]),
    commit: first(env, [
      'ORRERY_VCS_COMMIT',
      'GITHUB_SHA',
      'CI_COMMIT_SHA',
      'CIRCLE_SHA1',
      'BUILDKITE_COMMIT',
      'GIT_COMMIT',
    ]),
    author:
      first(env, [
        'ORRERY_VCS_AUTHOR',
        'CI_COMMIT_AUTHOR',
        'BUILDKITE_BUILD_AUTHOR',
        'CIRCLE_USERNAME',
      ]) ?? githubAuthor,
    message: first(env, ['ORRERY_VCS_MESSAGE', 'CI_COMMIT_MESSAGE', 'BUILDKITE_MESSAGE']),
  });
}

function dropEmpty(context: Record<string, string | undefined>): VcsContext {
  return Object.fromEntries(
    Object.entries(context).filter((e): e is [string, string] => Boolean(e[1])),
  ) as VcsContext;
}

/** Runs git; undefined on any failure (not installed, not a repository, no commit yet). */
function git(cwd: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      'git',
      [...args],
      { cwd, timeout: 5000, windowsHide: true, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
      (error, stdout) => resolve(error ? undefined : stdout.trim() || undefined),
    );
  });
}

/** The context of the HEAD commit of the repository at `cwd`, or `{}` outside one. */
export async function contextFromGit(cwd: string): Promise<VcsContext> {
  // One `git log` for the commit's parts; %x00 separates them (a subject may hold anything).
  const [branch, head] = await Promise.all([
    git(cwd, ['rev-parse', '--abbrev-ref', 'HEAD']),
    git(cwd, ['log', '-1', '--format=%H%x00%an <%ae>%x00%s']),
  ]);
  const [commit, author, message] = head?.split('\0') ?? [];
  return dropEmpty({
    // A detached HEAD names no branch.
    branch: branch === 'HEAD' ? undefined : branch,
    commit,
    author,
    message,
  });
}

/** The environment's parts first, git's for the rest; undefined when nothing is known. */
export async function vcsContext(cwd: string, env: Env): Promise<VcsContext | undefined> {
  const fromEnv = contextFromEnv(env);
  let fromGit = await contextFromGit(cwd);
  // The checkout is another commit than the one CI names: its author and message would lie.
  if (fromEnv.commit && fromGit.commit && fromGit.commit !== fromEnv.commit) {
    fromGit = fromGit.branch ? { branch: fromGit.branch } : {};
  }
  const context = { ...fromGit, ...fromEnv };
  return Object.keys(context).length ? context : undefined;
}
