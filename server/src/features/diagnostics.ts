/**
 * All diagnostics of a file: the parser's own, plus those that depend on the
 * rest of the workspace (unknown references, duplicate document and catalog
 * ids, descriptors defined in two workspace catalogs).
 */
import { IndexedFile, WorkspaceIndex } from '../model/workspaceIndex';
import { resolveReference, ResolveContext } from '../model/resolve';
import { coverageDiagnostics } from '../analysis/coverage';
import { CatalogDocument, CodeDiagnostic, MarkdownDocument, StrategyDocument } from '../model/types';

/** Computes every diagnostic of one indexed file. */
export function computeDiagnostics(ctx: Omit<ResolveContext, 'index'>, index: WorkspaceIndex, file: IndexedFile): CodeDiagnostic[] {
  const rctx: ResolveContext = { ...ctx, index };
  const parsed = file.parsed;
  const out = [...parsed.diagnostics];
  switch (parsed.kind) {
    case 'strategy':
      // The coverage rules (§7) are always computed and dropped by the severity settings while off, so turning one on needs no re-index.
      out.push(...duplicateDocument(index, parsed), ...unresolved(rctx, parsed), ...coverageDiagnostics(rctx, parsed));
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
    const res = resolveReference(ctx, doc, ref);
    if (res.problem && !res.problem.silent) {
      out.push({ code: res.problem.code, severity: 'error', span: ref.span, message: res.problem.message, suggestions: res.problem.suggestions });
    }
  }
  return out;
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
