/**
 * The workspace of a command-line tool: the paths it was given, each folder
 * a workspace root and each file checked with the files of its folder, read
 * from disk into a language service. `strategy-check` and `strategy-report`
 * load their workspace the same way, so a report describes exactly what the
 * checker checks.
 */
import * as fs from 'fs';
import * as path from 'path';
import { LanguageService } from '../languageService';
import { Settings } from '../settings';
import { WorkspaceSync } from '../sync/workspaceSync';
import { pathToUri, uriToPath } from './fileSystem';
import { NodeWorkspace } from './nodeWorkspace';
import { loadSchemas } from './schemas';

/** What a tool loaded: the service, and the given paths as targets. */
export interface LoadedWorkspace {
  service: LanguageService;
  /** The URIs of the files named on their own (not as part of a folder). */
  files: Set<string>;
  /** Whether a URI lies in one of the given paths. */
  inTarget: (uri: string) => boolean;
}

/** Why a workspace could not be loaded, or a file in it not read (the tool names it and goes on or stops). */
export interface LoadProblem {
  /** The path as the user gave it, or relative to `cwd`. */
  path: string;
  /** `cannot read`: the path does not exist or cannot be read; `not a workspace file`: a file of no known kind. */
  kind: 'cannot read' | 'not a workspace file';
  /** The system's error code, for `cannot read`. */
  code?: string;
}

/** A path a tool was given: absolute, and whether it is a folder. */
export interface Target {
  abs: string;
  dir: boolean;
}

/**
 * The given paths as targets, and the workspace roots they make: each folder
 * is a root, and a file named on its own is checked with the files of its
 * folder. A path that does not exist or cannot be read is `fatal`.
 */
export function resolveTargets(paths: readonly string[], cwd: string): { targets: Target[]; roots: string[]; fatal?: undefined } | { fatal: LoadProblem } {
  const targets: Target[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    try {
      targets.push({ abs, dir: fs.statSync(abs).isDirectory() });
    } catch (e) {
      return { fatal: { path: p, kind: 'cannot read', code: (e as NodeJS.ErrnoException).code ?? String(e) } };
    }
  }
  return { targets, roots: [...new Set(targets.map((t) => (t.dir ? t.abs : path.dirname(t.abs))))] };
}

/**
 * Once the workspace is indexed: the files named on their own, and whether a
 * URI lies in one of the targets. A named file of no known kind is `fatal`.
 */
export function targetFiles(targets: readonly Target[], service: LanguageService, cwd: string): { files: Set<string>; inTarget: (uri: string) => boolean; fatal?: undefined } | { fatal: LoadProblem } {
  const files = new Set<string>();
  for (const t of targets) {
    if (!t.dir) {
      const uri = pathToUri(t.abs);
      if (!service.index.has(uri)) {
        return { fatal: { path: path.relative(cwd, t.abs), kind: 'not a workspace file' } };
      }
      files.add(uri);
    }
  }
  return { files, inTarget: (uri) => files.has(uri) || targets.some((t) => t.dir && uri.startsWith(pathToUri(t.abs) + '/')) };
}

/**
 * Loads the workspace below `paths` (relative to `cwd`). A path that does not
 * exist, or a file named on its own that is not a workspace file, stops the
 * load (`fatal`); a file that cannot be read is reported in `unreadable` and
 * skipped, so that the rest is still loaded.
 */
export function loadWorkspace(
  paths: readonly string[],
  cwd: string,
  options: { locale: string; settings: Settings },
): { workspace: LoadedWorkspace; unreadable: LoadProblem[]; fatal?: undefined } | { fatal: LoadProblem } {
  const resolved = resolveTargets(paths, cwd);
  if (resolved.fatal) {
    return { fatal: resolved.fatal };
  }
  const { targets, roots } = resolved;
  const service = new LanguageService({ schemas: loadSchemas(), locale: options.locale, roots: roots.map(pathToUri), settings: options.settings });
  const unreadable: LoadProblem[] = [];
  // The same scan as the language server's: the sync module lists and reads the files.
  const sync = new WorkspaceSync({
    service,
    workspace: new NodeWorkspace(roots.map(pathToUri)),
    output: {
      publish: () => undefined,
      unreadable: (uri, error) => unreadable.push({ path: path.relative(cwd, uriToPath(uri) ?? uri), kind: 'cannot read', code: error }),
    },
  });
  sync.scanNow();
  const found = targetFiles(targets, service, cwd);
  if (found.fatal) {
    return { fatal: found.fatal };
  }
  const { files, inTarget } = found;
  return { workspace: { service, files, inTarget }, unreadable };
}

/** The problem as a tool says it: `cannot read PATH: CODE`, or that a named file is of no known kind. */
export function describeProblem(problem: LoadProblem): string {
  return problem.kind === 'cannot read'
    ? `cannot read ${problem.path}: ${problem.code ?? ''}`
    : `${problem.path} is not a strategy (*.strategy.yaml), catalog (*.descriptors.yaml) or Markdown file`;
}
