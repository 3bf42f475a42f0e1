/**
 * The caches of the editing features, owned by one language service (never
 * module-level, so that two services — two workspaces, or two tests — never
 * share them). Each cache checks by itself whether it is still current: per
 * parsed document, or per index generation.
 */
import { CompletionCache } from './completion';
import { FileReferenceIndex, UseCount } from './referenceSearch';
import { WorkspaceSymbolIndex } from './symbols';

export class FeatureCache {
  /** Completion candidate lists and fuse indexes, and the last good parse of each document. */
  readonly completion = new CompletionCache();
  /** Each file's references grouped by the name they use, for reference search. */
  readonly fileReferences = new FileReferenceIndex();
  /** How often each target is used, for hovers, until the index changes. */
  useCounts: { generation: number; counts: WeakMap<object, UseCount> } = { generation: -1, counts: new WeakMap() };
  /** Every code of the workspace with a fuzzy index, for workspace symbols. */
  readonly workspaceSymbols = new WorkspaceSymbolIndex();
}
