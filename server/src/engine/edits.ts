/**
 * Text edits across the workspace as one LSP WorkspaceEdit, and the edits
 * that give items new codes together with every reference to them. Rename
 * and the renumbering quick fix both build their edits here.
 */
import { CancellationToken, OptionalVersionedTextDocumentIdentifier, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { Item, Span, StrategyDocument } from '../model/types';
import type { FeatureContext } from './context';
import { itemUses } from './referenceSearch';
import { spanRange } from './shared';

/** How the client takes workspace edits. */
export interface EditOptions {
  /** The client supports `documentChanges` (`workspace.workspaceEdit.documentChanges`). */
  documentChanges?: boolean;
  /** The version of an open document as the client knows it; null for files not open. */
  versionOf?: (uri: string) => number | null;
}

/** Text replacements per URI, as spans of the indexed texts. */
export type SpanEdits = Map<string, { span: Span; newText: string }[]>;

/**
 * The edits that give items of `doc` new codes: each definition and every
 * reference to it in every file. Undefined when cancelled.
 */
export function itemRenameEdits(ctx: FeatureContext, doc: StrategyDocument, plan: ReadonlyMap<Item, string>, token?: CancellationToken): SpanEdits | undefined {
  const uses = itemUses(ctx, doc, [...plan.keys()], token);
  if (!uses) {
    return undefined;
  }
  const edits: SpanEdits = new Map();
  for (const [item, code] of plan) {
    addEdit(edits, doc.uri, item.idSpan, code);
    for (const use of uses.get(item) ?? []) {
      addEdit(edits, use.uri, use.span, code);
    }
  }
  return edits;
}

/** Adds one replacement to `edits`, once per span. */
export function addEdit(edits: SpanEdits, uri: string, span: Span, newText: string): void {
  const list = edits.get(uri) ?? [];
  // The same span can be reached twice (a definition that is also listed as a use); one edit is enough.
  if (!list.some((e) => e.span.start === span.start && e.span.end === span.end)) {
    list.push({ span, newText });
  }
  edits.set(uri, list);
}

/** Span edits as one WorkspaceEdit: versioned `documentChanges` when the client supports them, `changes` otherwise. */
export function toWorkspaceEdit(ctx: FeatureContext, edits: SpanEdits, options: EditOptions = {}): WorkspaceEdit {
  const perUri: [string, TextEdit[]][] = [];
  for (const [uri, list] of [...edits].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const text = ctx.document(uri);
    if (text && list.length > 0) {
      perUri.push([uri, list.sort((a, b) => a.span.start - b.span.start).map((e) => TextEdit.replace(spanRange(text, e.span), e.newText))]);
    }
  }
  if (options.documentChanges) {
    return {
      documentChanges: perUri.map(([uri, textEdits]) => TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(uri, options.versionOf?.(uri) ?? null), textEdits)),
    };
  }
  return { changes: Object.fromEntries(perUri) };
}
