/**
 * Strategy codes in Markdown (spec section 5) as navigation sees them:
 * qualified references (`praha-integrace/2.A.11`) in every Markdown file, the
 * front matter's `strategy:`, and bare codes (`2.A.11`) of the document the
 * front matter names — the latter only where they resolve, since a bare
 * number may just as well be a section number.
 */
import { resolveReference, ResolveContext } from '../model/resolve';
import { BareCode, MarkdownDocument, Reference, StrategyDocument } from '../model/types';
import { spanContains } from './shared';
import type { Located } from './locate';

/**
 * The reference a bare code stands for: a qualified reference to the front
 * matter's document, so that it resolves exactly as `doc-id/CODE` would.
 * Undefined when the file's front matter names no strategy.
 */
export function bareCodeReference(md: MarkdownDocument, bare: BareCode): Reference | undefined {
  if (!md.strategy) {
    return undefined;
  }
  return { kind: 'markdown', text: `${md.strategy.code}/${bare.code}`, span: bare.span, docId: md.strategy.code, code: bare.code, codeSpan: bare.span };
}

/** The document-id part of a qualified reference, as a reference of its own (kind `documents`). */
export function documentPart(ref: Reference): Reference | undefined {
  if (ref.docId === undefined || !ref.docSpan) {
    return undefined;
  }
  return { kind: 'documents', text: ref.docId, span: ref.docSpan, code: ref.docId, codeSpan: ref.docSpan, fromItem: ref.fromItem };
}

/** What stands at `offset` of a Markdown file: the front matter's document, a qualified reference, or a bare code that resolves. */
export function locateInMarkdown(ctx: ResolveContext, md: MarkdownDocument, offset: number): Located | undefined {
  if (md.strategy && spanContains(md.strategy.span, offset)) {
    const res = resolveReference(ctx, md, md.strategy);
    return { target: res.target, problem: res.problem, span: md.strategy.codeSpan, definition: false, ref: md.strategy };
  }
  for (const ref of md.references) {
    if (!spanContains(ref.span, offset)) {
      continue;
    }
    return locateReference(ctx, md, ref, offset);
  }
  for (const bare of md.bareCodes) {
    if (!spanContains(bare.span, offset)) {
      continue;
    }
    const ref = bareCodeReference(md, bare);
    const res = ref ? resolveReference(ctx, md, ref) : undefined;
    // A bare code that does not resolve may be a section number: it is nothing.
    return res?.target ? { target: res.target, span: bare.span, definition: false, ref } : undefined;
  }
  return undefined;
}

/**
 * What a reference at `offset` points at: its document part (`praha` in
 * `praha/2.A.11`) when the offset is there, else the code it names.
 */
export function locateReference(ctx: ResolveContext, from: StrategyDocument | MarkdownDocument, ref: Reference, offset: number): Located {
  const docRef = documentPart(ref);
  if (docRef && spanContains(docRef.span, offset)) {
    const res = resolveReference(ctx, from, docRef);
    return { target: res.target, problem: res.problem, span: docRef.span, definition: false, ref: docRef };
  }
  const res = resolveReference(ctx, from, ref);
  return { target: res.target, problem: res.problem, span: ref.codeSpan, definition: false, ref };
}
