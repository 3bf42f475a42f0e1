/**
 * The analysis as one HTML page: the `strategy-report --format html` file
 * and the Strategy Overview webview are both drawn by `renderHtml`, so what a
 * council prints and what the author sees while typing are the same.
 *
 * The page is self-contained: inline CSS with the system's fonts, bars as
 * inline SVG, no script (the webview adds its own, with a nonce), nothing
 * fetched. Every code and every marked cell of the matrix carries the place
 * it comes from (`data-uri`, `data-start`), which the webview turns into a
 * link that opens the item; in a file they link to the item within the page.
 */
import { Analysis, DocumentAnalysis, LinkMatrix } from '../analysis/analysis';
import { Messages } from '../messages';
import { Span } from '../model/types';
import { formatTotal, GAP_KINDS, SHARE_KINDS } from './texts';
import { budgetText } from './budgetText';

/** How the page is drawn. */
export interface HtmlOptions {
  messages: Messages;
  /** `file`: a printable page in its own colours; `webview`: VS Code's theme colours. */
  target: 'file' | 'webview';
  /** Markup added to `<head>` (the webview's content security policy). */
  head?: string;
  /** Markup added at the end of `<body>` (the webview's script). */
  tail?: string;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Inline code in the texts (`goalsFrom`) as `<code>`, the rest escaped. */
function prose(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** The anchor of an item within the page. */
function anchor(doc: DocumentAnalysis, code: string): string {
  return `i-${encodeURIComponent(doc.id)}-${encodeURIComponent(code)}`;
}

/** A code that opens its item: the place as data attributes, and an in-page link where the item is in the page. */
function codeLink(code: string, uri: string | undefined, span: Span | undefined, href: string | undefined, title?: string): string {
  const place = uri !== undefined && span !== undefined ? ` data-uri="${escapeHtml(uri)}" data-start="${span.start}"` : '';
  const tip = title ? ` title="${escapeHtml(title)}"` : '';
  return `<a class="code"${href ? ` href="#${href}"` : ''}${place}${tip}>${escapeHtml(code)}</a>`;
}

const FILE_STYLE = `
:root { --fg: #1b1b1b; --bg: #fff; --muted: #5f6368; --line: #c9cdd2; --head: #f1f3f4; --mark: #1a5fb4; --bar: #1a5fb4; --barbg: #e3e7eb; --gap: #a51d2d; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: var(--fg); background: var(--bg); margin: 2rem; line-height: 1.4; }
@media print { body { margin: 0; } section.document { break-before: page; } section.document:first-of-type { break-before: auto; } a { color: inherit; text-decoration: none; } }
`;

const WEBVIEW_STYLE = `
:root { --fg: var(--vscode-foreground); --bg: var(--vscode-editor-background); --muted: var(--vscode-descriptionForeground); --line: var(--vscode-panel-border, var(--vscode-editorWidget-border)); --head: var(--vscode-editorWidget-background); --mark: var(--vscode-textLink-foreground); --bar: var(--vscode-charts-blue, var(--vscode-textLink-foreground)); --barbg: var(--vscode-editorWidget-border, #8884); --gap: var(--vscode-errorForeground); }
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--fg); background: var(--bg); margin: 1rem; line-height: 1.4; }
a.code, td.mark { cursor: pointer; }
a.code:focus, td.mark:focus { outline: 1px solid var(--vscode-focusBorder); }
table.matrix td.title { max-width: 18em; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
`;

const COMMON_STYLE = `
h1 { font-size: 1.6em; } h2 { font-size: 1.3em; border-bottom: 1px solid var(--line); } h3 { font-size: 1.1em; }
a.code { color: var(--mark); font-family: ui-monospace, "DejaVu Sans Mono", monospace; text-decoration: none; }
.muted, .note { color: var(--muted); }
.errors { border-left: 4px solid var(--gap); padding: .2rem .8rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .15rem .4rem; text-align: left; vertical-align: top; }
thead th, tr.totals td, tr.totals th { background: var(--head); }
table.matrix td.mark, table.matrix td.cell { text-align: center; min-width: 1.6em; }
table.matrix td.mark { color: var(--mark); font-weight: bold; }
table.matrix td.title { min-width: 12em; max-width: 28em; }
table.matrix th.goal { font-weight: normal; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85em; }
table.matrix tr.group th { background: var(--head); font-weight: normal; font-style: italic; }
table.matrix td.total, table.matrix tr.totals td { text-align: center; font-weight: bold; }
table.matrix td.zero { color: var(--gap); }
ol.tree, ol.tree ol { list-style: none; padding-left: 1.2rem; } ol.tree { padding-left: 0; }
ol.tree li { margin: .2rem 0; }
.removed > .head { text-decoration: line-through; color: var(--muted); }
.level { color: var(--muted); font-size: .85em; }
dl.fields { margin: .1rem 0 .3rem 1.2rem; display: grid; grid-template-columns: max-content 1fr; gap: 0 .6rem; font-size: .92em; }
dl.fields dt { color: var(--muted); } dl.fields dd { margin: 0; }
svg.bar rect.bg { fill: var(--barbg); } svg.bar rect.fg { fill: var(--bar); } svg.bar text { fill: var(--fg); font-size: 10px; font-family: inherit; }
ul.gaps li strong { color: var(--gap); }
`;

/** The page's content (inside `<main id="report">`): the webview replaces it on each update, keeping its scroll. */
export function renderHtmlBody(analysis: Analysis, messages: Messages): string {
  const m = messages;
  const body: string[] = [`<h1>${escapeHtml(m.text('report.title'))}: ${escapeHtml(pageHeading(analysis, m))}</h1>`];
  const withErrors = analysis.documents.filter((d) => d.errors > 0);
  if (withErrors.length > 0) {
    body.push(
      `<div class="errors" role="alert"><p>${prose(m.text('report.errors'))}</p><ul>${withErrors
        .map((d) => `<li>${escapeHtml(m.text('report.errorCount', d.uri, String(d.errors)))}</li>`)
        .join('')}</ul></div>`,
    );
  }
  if (analysis.documents.length === 0) {
    body.push(`<p class="note">${prose(m.text('report.empty'))}</p>`);
  }
  for (const doc of analysis.documents) {
    body.push(renderDocument(doc, m));
  }
  return body.join('\n');
}

function pageHeading(analysis: Analysis, m: Messages): string {
  return analysis.scope === 'document' && analysis.documents.length === 1 ? analysis.documents[0].title : m.text('report.workspace');
}

/** Renders the analysis as a whole HTML page. */
export function renderHtml(analysis: Analysis, options: HtmlOptions): string {
  const m = options.messages;
  const style = COMMON_STYLE + (options.target === 'webview' ? WEBVIEW_STYLE : FILE_STYLE);
  return [
    '<!DOCTYPE html>',
    `<html lang="${m.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    options.head ?? '',
    `<title>${escapeHtml(m.text('report.title'))}: ${escapeHtml(pageHeading(analysis, m))}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    `<main id="report">${renderHtmlBody(analysis, m)}</main>`,
    options.tail ?? '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function renderDocument(doc: DocumentAnalysis, m: Messages): string {
  const out: string[] = [`<section class="document" data-document="${escapeHtml(doc.id)}">`];
  out.push(`<h2>${codeLink(doc.id || doc.uri, doc.uri, { start: 0, end: 0 }, undefined)} ${escapeHtml(doc.title)}</h2>`);
  if (doc.goalsFrom !== undefined) {
    out.push(`<p class="muted">${escapeHtml(m.text('report.goalsFrom'))}: <code>${escapeHtml(doc.goalsFrom)}</code></p>`);
  }
  out.push(`<h3>${escapeHtml(m.text('report.matrix'))}</h3>`);
  if (doc.matrix) {
    out.push(renderMatrix(doc, doc.matrix, m));
  } else if (doc.matrixNote) {
    out.push(`<p class="note">${prose(m.text(`report.note.${doc.matrixNote}`, doc.goalsFrom ?? ''))}</p>`);
  }
  out.push(renderCoverage(doc, m));
  out.push(renderGaps(doc, m));
  out.push(renderResponsibility(doc, m));
  out.push(renderIndicators(doc, m));
  out.push(renderDescriptors(doc, m));
  out.push(renderBudget(doc, m));
  out.push(`<h3>${escapeHtml(m.text('report.items'))}</h3>`, renderTree(doc, m));
  out.push('</section>');
  return out.join('\n');
}

/** Consecutive runs of equal group keys, for the column and row group headers. */
function runs<T>(list: readonly T[], key: (t: T) => string): { key: string; first: T; count: number }[] {
  const out: { key: string; first: T; count: number }[] = [];
  for (const t of list) {
    const k = key(t);
    const last = out[out.length - 1];
    if (last && last.key === k) {
      last.count++;
    } else {
      out.push({ key: k, first: t, count: 1 });
    }
  }
  return out;
}

function renderMatrix(doc: DocumentAnalysis, matrix: LinkMatrix, m: Messages): string {
  const cols = matrix.columns;
  const out: string[] = [`<table class="matrix" aria-label="${escapeHtml(m.text('report.matrixOf', matrix.plan.id))}">`, '<thead>'];
  const groupKey = (c: (typeof cols)[number]): string => `${c.kind}\u0000${c.group}`;
  out.push(
    `<tr><th colspan="2" rowspan="2">${escapeHtml(m.text('report.matrixOf', matrix.plan.id))}</th>${runs(cols, groupKey)
      .map((g) => `<th colspan="${g.count}" title="${escapeHtml(g.first.groupTitle)}">${escapeHtml(g.first.group)}${g.first.kind === 'other' ? ` <span class="muted">(${escapeHtml(m.text('report.other'))})</span>` : ''}</th>`)
      .join('')}<th rowspan="2">${escapeHtml(m.text('report.total'))}</th></tr>`,
  );
  out.push(`<tr>${cols.map((c) => `<th class="goal">${codeLink(c.code, c.uri, c.span, undefined, c.title)}</th>`).join('')}</tr>`, '</thead>', '<tbody>');
  const rowGroups = runs(matrix.rows, (r) => `${r.band ?? ''}\u0000${r.group}`);
  let index = 0;
  for (const g of rowGroups) {
    const band = g.first.band !== undefined ? `${escapeHtml(g.first.band)} · ` : '';
    out.push(`<tr class="group"><th colspan="${cols.length + 3}">${band}${escapeHtml(g.first.group)} ${escapeHtml(g.first.groupTitle)}</th></tr>`);
    for (const row of matrix.rows.slice(index, index + g.count)) {
      const marked = new Set(row.cells);
      const cells = cols.map((c, i) =>
        marked.has(i)
          ? `<td class="mark" data-uri="${escapeHtml(doc.uri)}" data-start="${row.span.start}" title="${escapeHtml(`${row.code} → ${c.code}`)}">●</td>`
          : '<td class="cell"></td>',
      );
      out.push(
        `<tr><th>${codeLink(row.code, doc.uri, row.span, anchor(doc, row.code))}</th><td class="title" title="${escapeHtml(row.title)}">${escapeHtml(row.title)}</td>${cells.join('')}<td class="total${row.cells.length === 0 ? ' zero' : ''}">${row.cells.length}</td></tr>`,
      );
    }
    index += g.count;
  }
  out.push(
    `<tr class="totals"><th colspan="2">${escapeHtml(m.text('report.total'))}</th>${cols.map((c) => `<td class="${c.total === 0 ? 'zero' : ''}">${c.total}</td>`).join('')}<td>${matrix.marks}</td></tr>`,
  );
  out.push('</tbody>', '</table>');
  return out.join('\n');
}

/** A horizontal bar of `part` out of `whole`, with the figures written on it. */
function bar(part: number, whole: number): string {
  const width = 160;
  const filled = whole === 0 ? 0 : Math.round((part / whole) * width);
  const percent = whole === 0 ? 0 : Math.round((part / whole) * 100);
  return `<svg class="bar" width="${width + 100}" height="14" role="img" aria-label="${part} / ${whole}"><rect class="bg" x="0" y="1" width="${width}" height="12"/><rect class="fg" x="0" y="1" width="${filled}" height="12"/><text x="${width + 4}" y="11">${part}/${whole} (${percent} %)</text></svg>`;
}

function renderCoverage(doc: DocumentAnalysis, m: Messages): string {
  const c = doc.coverage;
  const out: string[] = [`<h3>${escapeHtml(m.text('report.coverage'))}</h3>`];
  const facts = [`${escapeHtml(m.text('report.measures'))}: <strong>${c.measures}</strong>`];
  if (c.planGoals > 0) {
    facts.push(`${escapeHtml(m.text('report.planGoals'))}: ${bar(c.planGoals - c.uncoveredGoals.length, c.planGoals)}`);
  }
  out.push(`<p>${facts.join(' · ')}</p>`);
  if (c.perPriority.length === 0) {
    return out.join('\n');
  }
  const kinds = SHARE_KINDS.filter((k) => k.key !== 'goals' || doc.goalsFrom !== undefined);
  out.push(
    `<table class="coverage"><thead><tr><th colspan="2"></th><th>${escapeHtml(m.text('report.measures'))}</th>${kinds.map((k) => `<th>${escapeHtml(m.text(k.label))}</th>`).join('')}</tr></thead><tbody>`,
  );
  for (const p of c.perPriority) {
    out.push(`<tr><th>${escapeHtml(p.code)}</th><td>${escapeHtml(p.title)}</td><td>${p.measures}</td>${kinds.map((k) => `<td>${bar(p[k.key], p.measures)}</td>`).join('')}</tr>`);
  }
  out.push('</tbody></table>');
  return out.join('\n');
}

function renderGaps(doc: DocumentAnalysis, m: Messages): string {
  const c = doc.coverage;
  const items: string[] = [];
  for (const kind of GAP_KINDS) {
    const list = c[kind.key];
    if (list.length === 0) {
      continue;
    }
    const codes = list.map((entry) => (typeof entry === 'string' ? codeLink(entry, doc.uri, spanOf(doc, entry), anchor(doc, entry)) : codeLink(entry.code, entry.uri, entry.span, undefined, entry.title)));
    items.push(`<li><strong>${escapeHtml(m.text(kind.label))} (${list.length})</strong>: ${codes.join(', ')}</li>`);
  }
  const body = items.length === 0 ? `<p>${escapeHtml(m.text('report.noGaps'))}</p>` : `<ul class="gaps">${items.join('')}</ul>`;
  return `<h3>${escapeHtml(m.text('report.gaps'))}</h3>\n${body}`;
}

function spanOf(doc: DocumentAnalysis, code: string): Span | undefined {
  return doc.items.find((i) => i.code === code)?.span;
}

function itemLinks(doc: DocumentAnalysis, codes: readonly string[]): string {
  return codes.map((code) => codeLink(code, doc.uri, spanOf(doc, code), anchor(doc, code))).join(', ');
}

function renderResponsibility(doc: DocumentAnalysis, m: Messages): string {
  const out = [`<h3>${escapeHtml(m.text('report.responsibility'))}</h3>`];
  if (doc.responsibility.length === 0) {
    out.push(`<p class="note">${escapeHtml(m.text('report.noActors'))}</p>`);
    return out.join('\n');
  }
  out.push(
    `<table class="responsibility"><thead><tr><th>${escapeHtml(m.text('report.actor'))}</th><th>${escapeHtml(m.text('report.asResponsible'))}</th><th>${escapeHtml(m.text('report.asPartner'))}</th></tr></thead><tbody>`,
  );
  for (const a of doc.responsibility) {
    out.push(`<tr><td>${escapeHtml(a.name ?? a.id)} <span class="muted">(${escapeHtml(a.id)})</span></td><td>${itemLinks(doc, a.responsible)}</td><td>${itemLinks(doc, a.partner)}</td></tr>`);
  }
  out.push('</tbody></table>');
  return out.join('\n');
}

function renderIndicators(doc: DocumentAnalysis, m: Messages): string {
  const out = [`<h3>${escapeHtml(m.text('report.indicators'))}</h3>`];
  if (doc.indicators.length === 0) {
    out.push(`<p class="note">${escapeHtml(m.text('report.noIndicators'))}</p>`);
    return out.join('\n');
  }
  const heads = ['report.item', 'report.indicator', 'report.unit', 'report.baseline', 'report.target', 'report.year'];
  out.push(`<table class="indicators"><thead><tr>${heads.map((h) => `<th>${escapeHtml(m.text(h))}</th>`).join('')}</tr></thead><tbody>`);
  for (const i of doc.indicators) {
    const cells = [i.name, i.unit, i.baseline, i.target, i.year].map((v) => `<td>${escapeHtml(v ?? '')}</td>`).join('');
    out.push(`<tr><td>${itemLinks(doc, [i.item])}</td>${cells}</tr>`);
  }
  out.push('</tbody></table>');
  return out.join('\n');
}

function renderDescriptors(doc: DocumentAnalysis, m: Messages): string {
  const out = [`<h3>${escapeHtml(m.text('report.descriptors'))}</h3>`];
  if (doc.descriptors.length === 0) {
    out.push(`<p class="note">${escapeHtml(m.text('report.noDescriptors'))}</p>`);
    return out.join('\n');
  }
  out.push('<table class="descriptors"><tbody>');
  for (const area of doc.descriptors) {
    out.push(`<tr class="group"><th colspan="3">${escapeHtml(m.text('report.area', area.area))}${area.title ? ` ${escapeHtml(area.title)}` : ''}</th></tr>`);
    for (const d of area.descriptors) {
      out.push(`<tr><td><code>${escapeHtml(d.code)}</code></td><td>${escapeHtml(d.title ?? '')}</td><td>${itemLinks(doc, d.items)}</td></tr>`);
    }
  }
  out.push('</tbody></table>');
  return out.join('\n');
}

function renderBudget(doc: DocumentAnalysis, m: Messages): string {
  const out = [`<h3>${escapeHtml(m.text('report.budget'))}</h3>`];
  if (doc.budget.length === 0) {
    out.push(`<p class="note">${escapeHtml(m.text('report.noBudget'))}</p>`);
    return out.join('\n');
  }
  out.push(`<table class="budget"><thead><tr><th colspan="2"></th><th>${escapeHtml(m.text('report.budget'))}</th><th>${escapeHtml(m.text('report.budgetItems'))}</th></tr></thead><tbody>`);
  for (const p of doc.budget) {
    const unreadable = p.unreadable.length > 0 ? `<br><span class="note">${escapeHtml(m.text('report.budgetUnreadable', p.unreadable.join(', ')))}</span>` : '';
    out.push(`<tr><th>${escapeHtml(p.code)}</th><td>${escapeHtml(p.title)}</td><td>${p.totals.map((t) => escapeHtml(formatTotal(m, t))).join('<br>')}${unreadable}</td><td>${itemLinks(doc, p.items)}</td></tr>`);
  }
  out.push('</tbody></table>');
  return out.join('\n');
}

/** The item tree with titles, and under each item its descriptors, goal links, actors and indicators. */
function renderTree(doc: DocumentAnalysis, m: Messages): string {
  if (doc.items.length === 0) {
    return `<p class="note">${escapeHtml(m.text('report.noItems'))}</p>`;
  }
  const goalTitles = new Map((doc.matrix?.columns ?? []).map((c) => [c.code, c.title]));
  const descriptorTitles = new Map(doc.descriptors.flatMap((a) => a.descriptors.map((d) => [d.code, d.title ?? ''] as const)));
  const actorNames = new Map(doc.actors.map((a) => [a.id, a.name]));
  const children = new Map<string | undefined, typeof doc.items>();
  for (const item of doc.items) {
    const list = children.get(item.parent) ?? [];
    list.push(item);
    children.set(item.parent, list);
  }
  const render = (parent: string | undefined, depth: number): string => {
    const list = (children.get(parent) ?? []).filter((i) => i.depth === depth);
    if (list.length === 0) {
      return '';
    }
    const lis = list.map((item) => {
      const fields: [string, string][] = [];
      const named = (codes: string[], titles: Map<string, string>): string => codes.map((c) => `<code>${escapeHtml(c)}</code>${titles.get(c) ? ` ${escapeHtml(titles.get(c) ?? '')}` : ''}`).join('; ');
      if (item.descriptors.length > 0) {
        fields.push([m.text('report.descriptors'), named(item.descriptors, descriptorTitles)]);
      }
      if (item.goals.length > 0) {
        fields.push([m.text('report.goals'), named(item.goals, goalTitles)]);
      }
      if (item.related.length > 0) {
        fields.push([m.text('report.related'), itemLinks(doc, item.related)]);
      }
      if (item.responsible !== undefined) {
        fields.push([m.text('report.responsible'), escapeHtml(actorNames.get(item.responsible) ?? item.responsible)]);
      }
      if (item.partners.length > 0) {
        fields.push([m.text('report.partners'), escapeHtml(item.partners.map((p) => actorNames.get(p) ?? p).join('; '))]);
      }
      for (const ind of item.indicators) {
        const figures = [ind.baseline, ind.target].some((v) => v !== undefined) ? ` (${escapeHtml(ind.baseline ?? '–')} → ${escapeHtml(ind.target ?? '–')}${ind.unit ? ` ${escapeHtml(ind.unit)}` : ''}${ind.year ? `, ${escapeHtml(ind.year)}` : ''})` : '';
        fields.push([m.text('report.indicator'), escapeHtml(ind.name) + figures]);
      }
      if (item.budget?.amount !== undefined) {
        fields.push([m.text('report.budget'), escapeHtml(budgetText(item))]);
      }
      if (item.status !== undefined) {
        fields.push([m.text('report.status'), escapeHtml(item.status)]);
      }
      const dl = fields.length === 0 ? '' : `<dl class="fields">${fields.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
      return `<li id="${anchor(doc, item.code)}" class="${item.removed ? 'removed' : ''}"><span class="head">${codeLink(item.code, doc.uri, item.span, undefined)} ${escapeHtml(item.title)} <span class="level">${escapeHtml(item.level)}</span></span>${dl}${render(item.code, depth + 1)}</li>`;
    });
    return `<ol class="tree">${lis.join('')}</ol>`;
  };
  return render(undefined, 1);
}
