/**
 * Quick fixes, each attached to the diagnostic it fixes:
 * - `unknown-*` and `invalid-id`: replace the code with each of the closest
 *   valid codes the diagnostic suggests (its `data.suggestions`);
 * - `duplicate-id`: change the code to the next free code of its place;
 * - `numbering-gap`: renumber the sequence, with every reference to a
 *   renumbered item (in every file), in one edit;
 * - `missing-goals-from`: add `goalsFrom:`, one action per plan document.
 */
import { CancellationToken, CodeAction, CodeActionKind, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext } from '../engine/context';
import { Item, StrategyDocument } from '../model/types';
import { isItemCode } from '../parse/codes';
import { EditOptions, itemRenameEdits, SpanEdits, toWorkspaceEdit } from '../engine/edits';
import { nextFreeCode, renumberPlan } from '../engine/sequences';
import { cancelled } from '../engine/shared';

/** The diagnostics source of this server; diagnostics of other sources are not ours to fix. */
const SOURCE = 'strategy-codes';

/** At most this many `goalsFrom` choices: documents that define the goal come first. */
const MAX_PLAN_CHOICES = 10;

const REPLACEABLE = new Set(['unknown-item', 'unknown-goal', 'unknown-descriptor', 'unknown-actor', 'unknown-strategy', 'invalid-id']);

/** The quick fixes for the diagnostics the client sends with the request. */
export function codeActions(ctx: FeatureContext, uri: string, diagnostics: readonly Diagnostic[], options: EditOptions = {}, token?: CancellationToken): CodeAction[] {
  const text = ctx.document(uri);
  const parsed = ctx.index.get(uri)?.parsed;
  if (!text || !parsed) {
    return [];
  }
  const out: CodeAction[] = [];
  const done = new Set<string>();
  for (const d of diagnostics) {
    if ((d.source !== undefined && d.source !== SOURCE) || cancelled(token)) {
      continue;
    }
    const code = String(d.code ?? '');
    // Several gap diagnostics on one item (one per missing value) need one renumbering.
    const key = `${code}@${d.range.start.line}:${d.range.start.character}`;
    if (done.has(key)) {
      continue;
    }
    done.add(key);
    if (REPLACEABLE.has(code)) {
      out.push(...replacements(ctx, uri, text, d, options));
    } else if (parsed.kind === 'strategy' && code === 'duplicate-id') {
      out.push(...nextFreeFix(ctx, parsed, text, d, options));
    } else if (parsed.kind === 'strategy' && code === 'numbering-gap') {
      out.push(...renumberFix(ctx, parsed, text, d, options, token));
    } else if (parsed.kind === 'strategy' && code === 'missing-goals-from') {
      out.push(...goalsFromFixes(ctx, parsed, text, d, options));
    }
  }
  return out;
}

function quickFix(title: string, d: Diagnostic, edit: WorkspaceEdit, isPreferred = false): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit, isPreferred };
}

function singleEdit(ctx: FeatureContext, uri: string, start: number, end: number, newText: string, options: EditOptions): WorkspaceEdit {
  const edits: SpanEdits = new Map([[uri, [{ span: { start, end }, newText }]]]);
  return toWorkspaceEdit(ctx, edits, options);
}

/** One replacement per suggestion of the diagnostic. */
function replacements(ctx: FeatureContext, uri: string, text: TextDocument, d: Diagnostic, options: EditOptions): CodeAction[] {
  const suggestions = (d.data as { suggestions?: unknown } | undefined)?.suggestions;
  if (!Array.isArray(suggestions)) {
    return [];
  }
  const start = text.offsetAt(d.range.start);
  const end = text.offsetAt(d.range.end);
  const slash = text.getText().slice(start, end).indexOf('/');
  return suggestions
    .filter((s): s is string => typeof s === 'string' && s.length > 0)
    .map((s, i) => {
      // An unknown document in a qualified reference (`kv-pln/A1.1`) is fixed by replacing the document part only.
      const to = slash >= 0 && !s.includes('/') ? start + slash : end;
      return quickFix(ctx.messages.text('fix.replace', s), d, singleEdit(ctx, uri, start, to, s, options), i === 0);
    });
}

/** The item whose `id` the diagnostic stands on. */
function itemAt(doc: StrategyDocument, text: TextDocument, d: Diagnostic): Item | undefined {
  const offset = text.offsetAt(d.range.start);
  return doc.items.find((i) => i.idSpan.start === offset && isItemCode(i.id));
}

function nextFreeFix(ctx: FeatureContext, doc: StrategyDocument, text: TextDocument, d: Diagnostic, options: EditOptions): CodeAction[] {
  const item = itemAt(doc, text, d);
  if (!item) {
    return [];
  }
  const parent = item.parent >= 0 ? doc.items[item.parent] : undefined;
  const code = nextFreeCode(doc, parent?.id);
  return [quickFix(ctx.messages.text('fix.nextFree', code), d, singleEdit(ctx, doc.uri, item.idSpan.start, item.idSpan.end, code, options), true)];
}

function renumberFix(ctx: FeatureContext, doc: StrategyDocument, text: TextDocument, d: Diagnostic, options: EditOptions, token?: CancellationToken): CodeAction[] {
  const item = itemAt(doc, text, d);
  const plan = item ? renumberPlan(doc, item) : undefined;
  if (!plan || plan.size === 0) {
    return [];
  }
  const edits = itemRenameEdits(ctx, doc, plan, token);
  return edits ? [quickFix(ctx.messages.text('fix.renumber', String(plan.size)), d, toWorkspaceEdit(ctx, edits, options))] : [];
}

/** Top-level keys that `goalsFrom:` is inserted before, to stay with the document's header. */
const HEADER_END = /^(actors|documents|targetGroups|values|opportunities|risks|items)[ \t]*:/m;

function goalsFromFixes(ctx: FeatureContext, doc: StrategyDocument, text: TextDocument, d: Diagnostic, options: EditOptions): CodeAction[] {
  const source = text.getText();
  if (/^goalsFrom[ \t]*:/m.test(source)) {
    return [];
  }
  const goal = source.slice(text.offsetAt(d.range.start), text.offsetAt(d.range.end));
  const plans = [...ctx.index.strategies()]
    .filter((p): p is StrategyDocument & { id: string } => p.id !== undefined && p.uri !== doc.uri)
    .map((p) => ({ id: p.id, defines: ctx.index.item(p, goal) !== undefined }))
    .sort((a, b) => Number(b.defines) - Number(a.defines) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, MAX_PLAN_CHOICES);
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const header = HEADER_END.exec(source);
  const at = header ? header.index : source.length;
  const lead = !header && source.length > 0 && !source.endsWith('\n') ? eol : '';
  const definers = plans.filter((p) => p.defines).length;
  return plans.map((p) =>
    quickFix(ctx.messages.text('fix.addGoalsFrom', p.id), d, singleEdit(ctx, doc.uri, at, at, `${lead}goalsFrom: ${p.id}${eol}`, options), p.defines && definers === 1),
  );
}
