/**
 * Rename: an item's code (with every code below it: `2.A` → `2.C` also
 * renames `2.A.11` → `2.C.11`), a document id, an actor id, or a descriptor
 * of a workspace catalog — the definition and every reference in every
 * file, in one WorkspaceEdit. Edits replace only the code text (inside the
 * quotes when quoted); nothing is reformatted. A new name that is invalid or
 * taken is refused with a message, and nothing changes.
 */
import { CancellationToken, ErrorCodes, Position, Range, ResponseError, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { FeatureContext } from '../engine/context';
import { Target } from '../model/resolve';
import { Item, StrategyDocument } from '../model/types';
import { addEdit, EditOptions, itemRenameEdits, SpanEdits, toWorkspaceEdit } from '../engine/edits';
import { extendsParent, isActorId, isDescriptorCode, isDocumentId, isItemCode } from '../parse/codes';
import { Located, locate } from '../engine/locate';
import { definitionOf, findUses } from '../engine/referenceSearch';
import { subtreeRenames } from '../engine/sequences';
import { cancelled, spanRange } from '../engine/shared';

/** Characters that would change how YAML reads an actor id in a flow list (`partners: [a, b]`). */
const YAML_UNSAFE_ACTOR = /[\s,[\]{}#&*!|>'"%@`]|: /;

/** The refusal a client shows to the user. */
function refuse(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidRequest, message);
}

/** What can be renamed at a position, with the span of its text; throws a `ResponseError` saying why nothing can. */
function renamable(ctx: FeatureContext, uri: string, position: Position): { found: Located; target: Target } {
  const text = ctx.document(uri);
  const found = text ? locate(ctx, uri, text.offsetAt(position)) : undefined;
  const m = ctx.messages;
  if (!found) {
    throw refuse(m.text('rename.nothing'));
  }
  if (!found.target) {
    const why = found.problem ? m.format(found.problem.message, found.problem.suggestions) : '';
    throw refuse(m.text('rename.unresolved', why));
  }
  if (found.target.kind === 'descriptor' && found.target.definition.catalog.uri === ctx.builtinCatalogUri) {
    throw refuse(m.text('rename.builtin', found.target.definition.descriptor.id));
  }
  if (found.target.kind === 'document' && found.target.doc.id === undefined) {
    throw refuse(m.text('rename.nothing'));
  }
  return { found, target: found.target };
}

/** `textDocument/prepareRename`: the exact range of the name and its current text, or a `ResponseError` saying why nothing can be renamed here. */
export function prepareRename(ctx: FeatureContext, uri: string, position: Position): { range: Range; placeholder: string } {
  const { found } = renamable(ctx, uri, position);
  const text = ctx.document(uri)!;
  return { range: spanRange(text, found.span), placeholder: text.getText().slice(found.span.start, found.span.end) };
}

/** `textDocument/rename`: one WorkspaceEdit for the definition and every use; throws a `ResponseError` when the new name is refused. */
export function rename(ctx: FeatureContext, uri: string, position: Position, newName: string, options: EditOptions = {}, token?: CancellationToken): WorkspaceEdit | null {
  const { target } = renamable(ctx, uri, position);
  const name = newName.trim();
  let edits: SpanEdits | undefined;
  switch (target.kind) {
    case 'item':
      edits = renameItem(ctx, target.doc, target.item, name, token);
      break;
    case 'document':
      edits = renameSimple(ctx, target, name, checkDocumentName(ctx, name), token);
      break;
    case 'actor': {
      const taken = target.doc.actors.some((a) => a.id === name && a !== target.actor);
      const error = !isActorId(name) || YAML_UNSAFE_ACTOR.test(name) ? 'rename.invalidActor' : taken ? 'rename.actorExists' : undefined;
      edits = renameSimple(ctx, target, name, error, token);
      break;
    }
    case 'descriptor':
      edits = renameSimple(ctx, target, name, checkDescriptorName(ctx, target, name), token);
      break;
    case 'outside':
      // An outside document's id: its declaration, and every `implements`, `goalsFrom` and qualified reference naming it.
      edits = renameSimple(ctx, target, name, checkDocumentName(ctx, name) ?? (ctx.index.outsideDocument(name) ? 'rename.documentExists' : undefined), token);
      break;
    case 'outsideItem':
      // A code of an outside document is not known here: nothing to rename it with.
      throw refuse(ctx.messages.text('rename.outsideCode', target.id));
  }
  return edits && !cancelled(token) ? toWorkspaceEdit(ctx, edits, options) : null;
}

function checkDocumentName(ctx: FeatureContext, name: string): string | undefined {
  if (!isDocumentId(name)) {
    return 'rename.invalidDocument';
  }
  return ctx.index.strategyUris(name).length > 0 ? 'rename.documentExists' : undefined;
}

function checkDescriptorName(ctx: FeatureContext, target: Extract<Target, { kind: 'descriptor' }>, name: string): string | undefined {
  if (!isDescriptorCode(name)) {
    return 'rename.invalidDescriptor';
  }
  const { descriptor, catalog } = target.definition;
  // The area a descriptor stands in is the last area defined before it.
  const area = catalog.areas.filter((a) => a.span.start < descriptor.span.start).pop();
  if (area && !name.startsWith(area.id + '.')) {
    return 'rename.descriptorArea';
  }
  return ctx.index.descriptorDefiners(name).length > 0 && name !== descriptor.id ? 'rename.descriptorExists' : undefined;
}

/** Renames a document, an actor or a descriptor: its definition and its uses. */
function renameSimple(ctx: FeatureContext, target: Target, name: string, error: string | undefined, token?: CancellationToken): SpanEdits | undefined {
  const m = ctx.messages;
  if (error !== undefined) {
    const area = target.kind === 'descriptor' ? target.definition.descriptor.id.split('.')[0] : '';
    throw refuse(m.text(error, name, area));
  }
  const def = definitionOf(target);
  const uses = findUses(ctx, target, token);
  if (!def || !uses) {
    return undefined;
  }
  const edits: SpanEdits = new Map();
  for (const place of [def, ...uses]) {
    addEdit(edits, place.uri, place.span, name);
  }
  return edits;
}

/** Renames an item and the items below it, refusing invalid codes and collisions. */
function renameItem(ctx: FeatureContext, doc: StrategyDocument, item: Item, name: string, token?: CancellationToken): SpanEdits | undefined {
  const m = ctx.messages;
  if (!isItemCode(name)) {
    throw refuse(m.text('rename.invalidCode', name));
  }
  const parent = item.parent >= 0 ? doc.items[item.parent] : undefined;
  if (parent && isItemCode(parent.id) && !extendsParent(name, parent.id)) {
    throw refuse(m.text('rename.notUnderParent', name, parent.id));
  }
  if (name === item.id) {
    return new Map();
  }
  const plan = subtreeRenames(doc, item, name);
  const staying = new Set(doc.items.filter((i) => !plan.has(i)).map((i) => i.id));
  for (const [renamed, code] of plan) {
    if (!isItemCode(code)) {
      throw refuse(m.text('rename.invalidChild', name, renamed.id, code));
    }
    if (staying.has(code)) {
      throw refuse(renamed === item ? m.text('rename.collision', name) : m.text('rename.collisionChild', name, code));
    }
  }
  const edits = itemRenameEdits(ctx, doc, plan, token);
  if (!edits || doc.id === undefined) {
    return edits;
  }
  // The plans' items that stand for renamed items are uses already; their own items below them follow (spec 6.3).
  for (const implementing of ctx.index.plansOf(doc.id)) {
    const below = new Map<Item, string>();
    for (const planItem of implementing.items) {
      const rest = planItem.id.slice(item.id.length);
      const extends_ = planItem.id.startsWith(item.id) && (rest.startsWith('.') || (/[A-Z]$/.test(item.id) && /^\d/.test(rest)));
      if (extends_ && isItemCode(planItem.id) && !ctx.index.item(doc, planItem.id)) {
        below.set(planItem, name + rest);
      }
    }
    const more: SpanEdits | undefined = below.size > 0 ? itemRenameEdits(ctx, implementing, below, token) : new Map();
    if (!more) {
      return undefined;
    }
    for (const [uri, list] of more) {
      for (const e of list) {
        addEdit(edits, uri, e.span, e.newText);
      }
    }
  }
  return edits;
}
