/**
 * Hover: what a code is. On an item: its code, title and level, the chain
 * of its parents, descriptors, goal links, actors and indicators, and how
 * many places refer to it. On a document, a descriptor or an actor: its
 * name and who uses it. On a reference that does not resolve: why.
 */
import { CancellationToken, Hover, MarkupKind, Position } from 'vscode-languageserver-protocol';
import type { FeatureContext } from '../engine/context';
import { Problem, resolveReference, Target } from '../model/resolve';
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
  const value = found.target ? describeTarget(ctx, found.target, token) : describeProblem(ctx, found.problem);
  if (value === undefined || cancelled(token)) {
    return null;
  }
  return { contents: { kind: MarkupKind.Markdown, value }, range: spanRange(text, found.span) };
}

function describeProblem(ctx: FeatureContext, problem: Problem | undefined): string | undefined {
  return problem ? '⚠ ' + ctx.messages.format(problem.message, problem.suggestions) : undefined;
}

/** The Markdown text describing a target; undefined when cancelled. */
function describeTarget(ctx: FeatureContext, target: Target, token?: CancellationToken): string | undefined {
  const uses = countUses(ctx, target, token);
  if (!uses) {
    return undefined;
  }
  const m = ctx.messages;
  switch (target.kind) {
    case 'item':
      return describeItem(ctx, target.doc, target.item, uses.references);
    case 'document': {
      const d = target.doc;
      return [
        `**\`${d.id ?? ''}\`** ${escapeMarkdown(d.title)}`,
        `*${m.text('hover.document')}* · ${plural(m, 'items', d.items.length)}`,
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
  const parts = [
    `**\`${item.id}\`** ${escapeMarkdown(item.title)}`,
    `*${escapeMarkdown(m.levelName(item.depth, doc.levels))}* · \`${doc.id ?? ''}\``,
    chain.join(' › '),
  ];
  if (item.description) {
    parts.push(escapeMarkdown(item.description));
  }
  const groups: Record<'descriptors' | 'goals' | 'responsible' | 'partners' | 'related', string[]> = { descriptors: [], goals: [], responsible: [], partners: [], related: [] };
  for (const ref of doc.references.slice(item.refStart, item.refEnd)) {
    if (ref.kind !== 'descriptors' && ref.kind !== 'goals' && ref.kind !== 'responsible' && ref.kind !== 'partners' && ref.kind !== 'related') {
      continue;
    }
    const target = resolveReference(ctx, doc, ref).target;
    groups[ref.kind].push(`\`${ref.text}\`${nameOf(target)}`);
  }
  const labels = { descriptors: 'hover.descriptors', goals: 'hover.goals', responsible: 'hover.responsible', partners: 'hover.partners', related: 'hover.related' } as const;
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
