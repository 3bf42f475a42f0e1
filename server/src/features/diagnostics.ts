/**
 * All diagnostics of a file: the parser's own, plus those that depend on the
 * rest of the workspace (unknown references, duplicate document and catalog
 * ids, descriptors defined in two workspace catalogs).
 */
import { IndexedFile, WorkspaceIndex } from '../model/workspaceIndex';
import { resolveReference, ResolveContext, resolvesFromRecord } from '../model/resolve';
import { coverageDiagnostics } from '../analysis/coverage';
import { cyclicLinks } from '../model/dependencies';
import { CatalogDocument, CodeDiagnostic, MarkdownDocument, StrategyDocument } from '../model/types';
import { checkPlanNumbering } from '../parse/numbering';

/** Computes every diagnostic of one indexed file. */
export function computeDiagnostics(ctx: Omit<ResolveContext, 'index'>, index: WorkspaceIndex, file: IndexedFile): CodeDiagnostic[] {
  const rctx: ResolveContext = { ...ctx, index };
  const parsed = file.parsed;
  const out = [...parsed.diagnostics];
  switch (parsed.kind) {
    case 'strategy':
      // The coverage rules (§7) are always computed and dropped by the severity settings while off, so turning one on needs no re-index.
      out.push(...duplicateDocument(index, parsed), ...unresolved(rctx, parsed), ...planChecks(index, parsed), ...dependencyCycles(rctx, parsed), ...coverageDiagnostics(rctx, parsed));
      break;
    case 'catalog':
      if (parsed.uri !== ctx.builtinCatalogUri) {
        out.push(...duplicateCatalog(index, parsed, ctx.builtinCatalogUri));
      }
      break;
    case 'markdown':
      out.push(...unresolved(rctx, parsed));
      break;
  }
  // A reference inside a broken node (an unterminated list, say) gets no further diagnostic.
  const broken = parsed.kind === 'markdown' ? [] : (parsed.brokenSpans ?? []);
  const local = new Set(parsed.diagnostics);
  const kept = broken.length === 0 ? out : out.filter((d) => local.has(d) || !broken.some((b) => d.span.start >= b.start && d.span.start <= b.end));
  return kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

function unresolved(ctx: ResolveContext, doc: StrategyDocument | MarkdownDocument): CodeDiagnostic[] {
  const out: CodeDiagnostic[] = [];
  const refs = doc.kind === 'markdown' && doc.strategy ? [doc.strategy, ...doc.references] : doc.references;
  for (const ref of refs) {
    if (resolvesFromRecord(ctx, doc, ref)) {
      continue;
    }
    const res = resolveReference(ctx, doc, ref);
    if (res.problem && !res.problem.silent) {
      out.push({ code: res.problem.code, severity: res.problem.severity ?? 'error', span: ref.span, message: res.problem.message, suggestions: res.problem.suggestions });
    } else if (res.target?.kind === 'item' && res.target.item.removed) {
      // Every reference to a removed item (spec 6.5); bare codes in Markdown never resolve to one (they are not references here).
      out.push({ code: 'removed-item', severity: 'warning', span: ref.span, message: { id: 'removed.reference', args: [ref.text, res.target.item.status ?? ''] } });
    }
  }
  return out;
}

/**
 * The checks of a plan against the workspace strategy it implements (spec
 * 6.3): numbering over both documents, items standing for removed items, and
 * titles of new items (an item standing for the strategy's may omit its
 * title). A plan of an outside strategy is not checked for any of them.
 */
function planChecks(index: WorkspaceIndex, plan: StrategyDocument): CodeDiagnostic[] {
  const strategy = index.strategyOf(plan);
  if (!strategy) {
    return [];
  }
  const out = checkPlanNumbering(plan.items, strategy.items);
  for (const item of plan.items) {
    const same = index.item(strategy, item.id);
    if (same?.removed) {
      out.push({ code: 'removed-item', severity: 'warning', span: item.idSpan, message: { id: 'removed.standsFor', args: [item.id, strategy.id ?? '', same.status ?? ''] } });
    } else if (!same && item.titleSpan === undefined && item.valid) {
      out.push({ code: 'schema', severity: 'error', span: item.idSpan, message: { id: 'schema.required', args: ['title'] } });
    }
  }
  return out;
}

/** `dependency-cycle` on each `after` entry of this document that lies on a cycle, the cycle's other entries as related information. */
function dependencyCycles(ctx: ResolveContext, doc: StrategyDocument): CodeDiagnostic[] {
  return cyclicLinks(ctx, doc).map(({ link, others }) => ({
    code: 'dependency-cycle',
    severity: 'error',
    span: link.ref.span,
    message: { id: 'dependency.cycle', args: [link.ref.fromItem ?? '', link.ref.text] },
    related: others.slice(0, 20).map((o) => ({ uri: o.doc.uri, span: o.ref.span, message: { id: 'dependency.cycleOther', args: [] } })),
  }));
}

function duplicateDocument(index: WorkspaceIndex, doc: StrategyDocument): CodeDiagnostic[] {
  if (doc.id === undefined || !doc.idSpan) {
    return [];
  }
  const others = index.strategyUris(doc.id).filter((u) => u !== doc.uri);
  if (others.length === 0) {
    return [];
  }
  return [
    {
      code: 'duplicate-strategy',
      severity: 'error',
      span: doc.idSpan,
      message: { id: 'dup.strategy', args: [doc.id] },
      related: others.flatMap((u) => {
        const p = index.get(u)?.parsed;
        return p?.kind === 'strategy' && p.idSpan ? [{ uri: u, span: p.idSpan, message: { id: 'dup.otherPlace', args: [doc.id ?? ''] } }] : [];
      }),
    },
  ];
}

function duplicateCatalog(index: WorkspaceIndex, catalog: CatalogDocument, builtinUri: string): CodeDiagnostic[] {
  const out: CodeDiagnostic[] = [];
  if (catalog.id !== undefined && catalog.idSpan) {
    const others = index.catalogUris(catalog.id).filter((u) => u !== catalog.uri && u !== builtinUri);
    if (others.length > 0) {
      out.push({
        code: 'duplicate-strategy',
        severity: 'error',
        span: catalog.idSpan,
        message: { id: 'dup.catalog', args: [catalog.id] },
        related: others.flatMap((u) => {
          const p = index.get(u)?.parsed;
          return p?.kind === 'catalog' && p.idSpan ? [{ uri: u, span: p.idSpan, message: { id: 'dup.otherPlace', args: [catalog.id ?? ''] } }] : [];
        }),
      });
    }
  }
  for (const d of catalog.descriptors) {
    const others = index.descriptorDefiners(d.id).filter((u) => u !== catalog.uri && u !== builtinUri);
    if (others.length === 0) {
      continue;
    }
    out.push({
      code: 'duplicate-id',
      severity: 'error',
      span: d.span,
      message: { id: 'dup.descriptor', args: [d.id] },
      related: others.flatMap((u) => {
        const p = index.get(u)?.parsed;
        const other = p?.kind === 'catalog' ? p.descriptors.find((x) => x.id === d.id) : undefined;
        return other ? [{ uri: u, span: other.span, message: { id: 'dup.otherPlace', args: [d.id] } }] : [];
      }),
    });
  }
  return out;
}
