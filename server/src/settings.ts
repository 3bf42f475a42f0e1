/**
 * The user's settings (VS Code section `strategyCodes`), with defaults.
 */
import { DiagnosticCode, Severity } from './model/types';

export type SeveritySetting = Severity | 'off';

export interface Settings {
  strategyGlobs: string[];
  catalogGlobs: string[];
  markdownGlobs: string[];
  /** Severity per diagnostic code; codes not listed keep their default. */
  severity: Partial<Record<DiagnosticCode, SeveritySetting>>;
  debounceMs: number;
  inlayHints: boolean;
  builtinCatalog: boolean;
  maxFileSizeMB: number;
}

export const DEFAULT_SETTINGS: Settings = {
  strategyGlobs: ['**/*.strategy.yaml', '**/*.strategy.yml'],
  catalogGlobs: ['**/*.descriptors.yaml', '**/*.descriptors.yml'],
  markdownGlobs: ['**/*.md'],
  severity: {},
  debounceMs: 100,
  inlayHints: true,
  builtinCatalog: true,
  maxFileSizeMB: 10,
};

const SEVERITIES = new Set(['off', 'hint', 'information', 'warning', 'error']);

function stringList(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) && value.every((v): v is string => typeof v === 'string') ? value : fallback;
}

/** Reads the `strategyCodes` section as VS Code sends it (nested objects), ignoring values of the wrong type. */
export function readSettings(raw: unknown): Settings {
  const r = (raw ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const files = r.files ?? {};
  const diagnostics = r.diagnostics ?? {};
  const severity: Settings['severity'] = {};
  const rawSeverity = (diagnostics.severity ?? {}) as Record<string, unknown>;
  for (const [code, value] of Object.entries(rawSeverity)) {
    if (typeof value === 'string' && SEVERITIES.has(value)) {
      severity[code as DiagnosticCode] = value as SeveritySetting;
    }
  }
  const num = (v: unknown, d: number): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : d);
  const bool = (v: unknown, d: boolean): boolean => (typeof v === 'boolean' ? v : d);
  return {
    strategyGlobs: stringList(files.strategyGlobs, DEFAULT_SETTINGS.strategyGlobs),
    catalogGlobs: stringList(files.catalogGlobs, DEFAULT_SETTINGS.catalogGlobs),
    markdownGlobs: stringList(files.markdownGlobs, DEFAULT_SETTINGS.markdownGlobs),
    severity,
    debounceMs: num(diagnostics.debounceMs, DEFAULT_SETTINGS.debounceMs),
    inlayHints: bool(r.inlayHints?.enabled, DEFAULT_SETTINGS.inlayHints),
    builtinCatalog: bool(r.catalog?.builtin, DEFAULT_SETTINGS.builtinCatalog),
    maxFileSizeMB: num(r.limits?.maxFileSizeMB, DEFAULT_SETTINGS.maxFileSizeMB),
  };
}
