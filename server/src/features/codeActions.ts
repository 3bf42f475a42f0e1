/**
 * Quick fixes, each attached to the diagnostic it fixes:
 * - `unknown-*` and `invalid-id`: replace the code with each of the closest
 *   valid codes the diagnostic suggests (its `data.suggestions`);
 * - `duplicate-id`: change the code to the next free code of its place;
 * - `numbering-gap`: renumber the sequence, with every reference to a
 *   renumbered item (in every file), in one edit;
 * - `missing-goals-from`: add `goalsFrom:`, one action per plan document;
 * - `unknown-strategy`: declare the document as an outside document (a
 *   `documents` entry, spec 6.4);
 * - `removed-item`: remove the reference from its list (spec 6.5).
 */
import { CancellationToken, CodeAction, CodeActionKind, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext } from '../engine/context';
import { Item, StrategyDocument } from '../model/types';
import { isDocumentId, isItemCode } from '../parse/codes';
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
      if (parsed.kind === 'strategy' && code === 'unknown-strategy') {
        out.push(...declareOutsideFix(ctx, parsed, text, d, options));
      }
    } else if (parsed.kind === 'strategy' && code === 'removed-item') {
      out.push(...removeReferenceFix(ctx, parsed, text, d, options));
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

/**
 * "Declare `des` as an outside document": a `documents` entry `{id, title}`
 * for the unknown document id (spec 6.4), its title to be written by the
 * author (the id stands in for it). Appended to a block `documents:` list, or
 * a new list before `items:`; a flow-style list is left to the author.
 */
function declareOutsideFix(ctx: FeatureContext, doc: StrategyDocument, text: TextDocument, d: Diagnostic, options: EditOptions): CodeAction[] {
  const source = text.getText();
  const written = source.slice(text.offsetAt(d.range.start), text.offsetAt(d.range.end));
  const id = written.includes('/') ? written.slice(0, written.indexOf('/')) : written;
  if (!isDocumentId(id) || doc.outside.some((o) => o.id === id)) {
    return [];
  }
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const key = /^documents[ \t]*:[ \t]*(#.*)?$/m.exec(source);
  if (!key && /^documents[ \t]*:/m.test(source)) {
    // A flow-style or otherwise written list: the author adds the entry.
    return [];
  }
  let at: number;
  let insert: string;
  if (key) {
    // After the `documents:` line, with the indentation of its entries.
    const lineEnd = source.indexOf('\n', key.index);
    at = lineEnd < 0 ? source.length : lineEnd + 1;
    const entry = /^([ \t]*)- /.exec(source.slice(at));
    const indent = entry ? entry[1] : '  ';
    insert = `${lineEnd < 0 ? eol : ''}${indent}- id: ${id}${eol}${indent}  title: ${id}${eol}`;
  } else {
    const items = /^items[ \t]*:/m.exec(source);
    at = items ? items.index : source.length;
    const lead = !items && source.length > 0 && !source.endsWith('\n') ? eol : '';
    insert = `${lead}documents:${eol}  - id: ${id}${eol}    title: ${id}${eol}`;
  }
  return [quickFix(ctx.messages.text('fix.declareOutside', id), d, singleEdit(ctx, doc.uri, at, at, insert, options))];
}

/**
 * Removes a reference to a removed item from its list (spec 6.5): the entry
 * with its separating comma in a flow list (`[1.A, 1.B]`), its line in a
 * block list. A plan's item that stands for a removed item is no reference,
 * and has no fix.
 */
function removeReferenceFix(ctx: FeatureContext, doc: StrategyDocument, text: TextDocument, d: Diagnostic, options: EditOptions): CodeAction[] {
  const source = text.getText();
  const start = text.offsetAt(d.range.start);
  const ref = doc.references.find((r) => r.span.start === start && r.fromItem !== undefined && (r.kind === 'related' || r.kind === 'after' || r.kind === 'goals'));
  if (!ref) {
    return [];
  }
  let from = ref.span.start;
  let to = ref.span.end;
  // A quoted scalar goes with its quotes.
  if (from > 0 && (source[from - 1] === '"' || source[from - 1] === "'") && source[to] === source[from - 1]) {
    from--;
    to++;
  }
  const lineStart = source.lastIndexOf('\n', from - 1) + 1;
  if (/^[ \t]*-[ \t]*$/.test(source.slice(lineStart, from))) {
    // A block list entry: its whole line; the only entry of its list leaves `key: []`, not an empty value.
    const next = source.indexOf('\n', to);
    const dash = source.slice(lineStart, from).indexOf('-');
    const keyLine = source.slice(source.lastIndexOf('\n', lineStart - 2) + 1, Math.max(lineStart - 1, 0));
    const following = next < 0 ? '' : source.slice(next + 1, source.indexOf('\n', next + 1) < 0 ? source.length : source.indexOf('\n', next + 1));
    const alone = /^[ \t]*[A-Za-z]+[ \t]*:[ \t]*$/.test(keyLine.replace(/\r$/, '')) && !new RegExp(`^[ \\t]{${dash}}-`).test(following);
    if (alone) {
      return [quickFix(ctx.messages.text('fix.removeReference', ref.text), d, singleEdit(ctx, doc.uri, lineStart - 1 - (keyLine.endsWith('\r') ? 1 : 0), next < 0 ? source.length : next - (source[next - 1] === '\r' ? 1 : 0), ' []', options), true)];
    }
    from = lineStart;
    to = next < 0 ? source.length : next + 1;
  } else {
    let left = from;
    while (left > 0 && (source[left - 1] === ' ' || source[left - 1] === '\t')) {
      left--;
    }
    let right = to;
    while (right < source.length && (source[right] === ' ' || source[right] === '\t')) {
      right++;
    }
    if (source[left - 1] === ',') {
      from = left - 1;
    } else if (source[right] === ',') {
      to = right + 1;
      while (to < source.length && (source[to] === ' ' || source[to] === '\t')) {
        to++;
      }
    } else if (source[left - 1] !== '[' || source[right] !== ']') {
      // Not in a list (a single scalar): removing it would leave the key empty.
      return [];
    }
  }
  return [quickFix(ctx.messages.text('fix.removeReference', ref.text), d, singleEdit(ctx, doc.uri, from, to, '', options), true)];
}
