/**
 * Hover: what a code is. On an item: its code, title and level, the chain
 * of its parents, descriptors, goal links, actors and indicators, and how
 * many places refer to it. On a document, a descriptor or an actor: its
 * name and who uses it. On a reference that does not resolve: why.
 */
import { CancellationToken, Hover, MarkupKind, Position } from 'vscode-languageserver-protocol';
import type { FeatureContext } from '../engine/context';
import { Problem, resolveReference, standsFor, Target } from '../model/resolve';
import { canonicalNode, followers } from '../model/dependencies';
import { Item, StrategyDocument } from '../model/types';
import { locate } from '../engine/locate';
import { countUses } from '../engine/referenceSearch';
import { cancelled, escapeMarkdown, plural, spanRange } from '../engine/shared';

/** Long lists in a hover stop after this many entries. */
const MAX_LISTED = 12;

/** The hover at a position, or null where there is no code. */
export function hover(ctx: FeatureContext, uri: string, position: Position, token?: CancellationToken): Hover | null {
  const text = ctx.document(uri);
  const found = text ? locate(ctx, uri, text.offsetAt(position)) : undefined;
  if (!text || !found) {
    return null;
  }
  const value = found.target ? describeTarget(ctx, found.target, token, found.standIn) : describeProblem(ctx, found.problem);
  if (value === undefined || cancelled(token)) {
    return null;
  }
  return { contents: { kind: MarkupKind.Markdown, value }, range: spanRange(text, found.span) };
}

function describeProblem(ctx: FeatureContext, problem: Problem | undefined): string | undefined {
  return problem ? '⚠ ' + ctx.messages.format(problem.message, problem.suggestions) : undefined;
}

/** The Markdown text describing a target (on a plan's item standing for it, that item); undefined when cancelled. */
function describeTarget(ctx: FeatureContext, target: Target, token?: CancellationToken, standIn?: { doc: StrategyDocument; item: Item }): string | undefined {
  const uses = countUses(ctx, target, token);
  if (!uses) {
    return undefined;
  }
  const m = ctx.messages;
  switch (target.kind) {
    case 'item':
      return standIn ? describeItem(ctx, standIn.doc, standIn.item, uses.references) : describeItem(ctx, target.doc, target.item, uses.references);
    case 'document': {
      const d = target.doc;
      return [
        `**\`${d.id ?? ''}\`** ${escapeMarkdown(d.title)}`,
        `*${m.text('hover.document')}* · ${plural(m, 'items', d.items.length)}`,
        ...(d.implements && d.implements.code !== d.id ? [m.text('hover.plan', d.implements.code)] : []),
        plural(m, 'refs', uses.references),
      ].join('\n\n');
    }
    case 'descriptor': {
      const { descriptor, catalog } = target.definition;
      const builtin = catalog.uri === ctx.builtinCatalogUri ? ` (${m.text('hover.builtin')})` : '';
      return [
        `**\`${descriptor.id}\`** ${escapeMarkdown(descriptor.title)}`,
        `*${m.text('hover.descriptor')}* · ${m.text('hover.catalog')}: ${escapeMarkdown(catalog.title)} (\`${catalog.id ?? ''}\`)${builtin}`,
        m.text('hover.usedBy', plural(m, 'items', uses.items)),
      ].join('\n\n');
    }
    case 'outside':
    case 'outsideItem': {
      // An outside document (spec 6.4): its title and link, and that its codes are not checked.
      const declaration = target.declaration;
      const code = target.kind === 'outsideItem' ? `**\`${target.id}/${target.code}\`**` : `**\`${target.id}\`**`;
      const link = declaration?.url ? ` · [${escapeMarkdown(declaration.url)}](${declaration.url})` : '';
      return [
        `${code} ${escapeMarkdown(declaration?.title ?? '')}`.trimEnd(),
        `*${m.text('hover.outside')}*${link}`,
        m.text(target.kind === 'outsideItem' ? 'hover.notChecked' : 'hover.outsideNotChecked'),
        plural(m, 'refs', uses.references),
      ].join('\n\n');
    }
    case 'actor': {
      const { doc, actor } = target;
      const roles: string[] = [];
      for (const ref of doc.references) {
        if ((ref.kind === 'responsible' || ref.kind === 'partners') && ref.code === actor.id && ref.fromItem !== undefined) {
          roles.push(`\`${ref.fromItem}\` (${m.text(ref.kind === 'responsible' ? 'hover.asResponsible' : 'hover.asPartner')})`);
        }
      }
      return [
        `**${escapeMarkdown(actor.name || actor.id)}** (\`${actor.id}\`)`,
        `*${m.text('hover.actor')}* · ${plural(m, 'items', roles.length)}`,
        ...(roles.length > 0 ? [`${m.text('hover.actorItems')}: ${listed(roles)}`] : []),
      ].join('\n\n');
    }
  }
}

/** Joins entries, cutting long lists with an ellipsis. */
function listed(entries: string[]): string {
  return entries.length > MAX_LISTED ? entries.slice(0, MAX_LISTED).join(', ') + ', …' : entries.join(', ');
}

function describeItem(ctx: FeatureContext, doc: StrategyDocument, item: Item, useCount: number): string {
  const m = ctx.messages;
  const chain: string[] = [];
  for (let i: Item | undefined = item; i; i = i.parent >= 0 ? doc.items[i.parent] : undefined) {
    chain.unshift(`\`${i.id}\``);
  }
  // A plan's item that stands for its strategy's (spec 6.3) shows both titles; its own may be omitted.
  const strategy = standsFor(ctx.index, doc, item);
  const parts = [
    `**\`${item.id}\`** ${escapeMarkdown(item.title || strategy?.item.title || '')}`,
    `*${escapeMarkdown(m.levelName(strategy?.item.depth ?? item.depth, doc.levels ?? strategy?.doc.levels))}* · \`${doc.id ?? ''}\``,
    chain.join(' › '),
  ];
  if (strategy) {
    parts.push(m.text('hover.standsFor', item.id, strategy.doc.id ?? '', escapeMarkdown(strategy.item.title)));
  }
  const removed = item.removed ? item : strategy?.item.removed ? strategy.item : undefined;
  if (removed) {
    parts.push(`**${m.text('hover.removed', escapeMarkdown(removed.status ?? ''))}**`);
  }
  if (item.description) {
    parts.push(escapeMarkdown(item.description));
  }
  const groups: Record<'descriptors' | 'goals' | 'responsible' | 'partners' | 'related' | 'after' | 'before', string[]> = { descriptors: [], goals: [], responsible: [], partners: [], related: [], after: [], before: [] };
  for (const ref of doc.references.slice(item.refStart, item.refEnd)) {
    if (ref.kind !== 'descriptors' && ref.kind !== 'goals' && ref.kind !== 'responsible' && ref.kind !== 'partners' && ref.kind !== 'related' && ref.kind !== 'after') {
      continue;
    }
    const target = resolveReference(ctx, doc, ref).target;
    groups[ref.kind].push(`\`${ref.text}\`${nameOf(target)}`);
  }
  // What comes after this item (spec 6.6): the `after` entries anywhere that lead to it.
  for (const link of followers(ctx, canonicalNode(ctx, doc, item))) {
    const code = link.doc === doc || link.doc.id === undefined ? link.ref.fromItem ?? '' : `${link.doc.id}/${link.ref.fromItem ?? ''}`;
    const from = link.doc.items.find((i) => i.id === link.ref.fromItem);
    groups.before.push(`\`${code}\`${from ? ' ' + escapeMarkdown(from.title) : ''}`);
  }
  const labels = {
    descriptors: 'hover.descriptors',
    goals: 'hover.goals',
    responsible: 'hover.responsible',
    partners: 'hover.partners',
    related: 'hover.related',
    after: 'hover.after',
    before: 'hover.before',
  } as const;
  const lines = (Object.keys(labels) as (keyof typeof labels)[]).filter((k) => groups[k].length > 0).map((k) => `**${m.text(labels[k])}:** ${listed(groups[k])}`);
  if (lines.length > 0) {
    parts.push(lines.join('  \n'));
  }
  if (item.indicators.length > 0) {
    parts.push(indicatorTable(ctx, item));
  }
  parts.push(plural(m, 'refs', useCount));
  return parts.join('\n\n');
}

/** The name a resolved reference shows next to its code. */
function nameOf(target: Target | undefined): string {
  switch (target?.kind) {
    case 'item':
      return ' ' + escapeMarkdown(target.item.title);
    case 'descriptor':
      return ' ' + escapeMarkdown(target.definition.descriptor.title);
    case 'actor':
      return ' ' + escapeMarkdown(target.actor.name);
    default:
      return '';
  }
}

function indicatorTable(ctx: FeatureContext, item: Item): string {
  const m = ctx.messages;
  const cell = (s: string | undefined): string => escapeMarkdown(s ?? '');
  const header = ['hover.indicator', 'hover.unit', 'hover.baseline', 'hover.target', 'hover.year'].map((id) => m.text(id));
  const rows = item.indicators.slice(0, MAX_LISTED).map((i) => `| ${[i.name, i.unit, i.baseline, i.target, i.year].map(cell).join(' | ')} |`);
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows].join('\n');
}
