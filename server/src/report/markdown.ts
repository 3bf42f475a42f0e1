/**
 * The analysis as Markdown: the content of the HTML report as headings, lists
 * and tables (`strategy-report --format md`). The matrix marks a linked cell
 * with `●` and has the same row and column totals.
 */
import { Analysis, DocumentAnalysis } from '../analysis/analysis';
import { Messages } from '../messages';
import { formatTotal, GAP_KINDS, SHARE_KINDS } from './texts';

/** Escapes text for a Markdown table cell or line: the characters that would start markup. */
function md(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]|<>#])/g, '\\$1');
}

/** Inline code spans of the texts kept, the rest escaped. */
function prose(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : md(part)))
    .join('');
}

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function percent(part: number, whole: number): string {
  return `${part}/${whole} (${whole === 0 ? 0 : Math.round((part / whole) * 100)} %)`;
}

/** Renders the analysis as a Markdown document. */
export function renderMarkdown(analysis: Analysis, m: Messages): string {
  const heading = analysis.scope === 'document' && analysis.documents.length === 1 ? analysis.documents[0].title : m.text('report.workspace');
  const out: string[] = [`# ${md(m.text('report.title'))}: ${md(heading)}`, ''];
  const withErrors = analysis.documents.filter((d) => d.errors > 0);
  if (withErrors.length > 0) {
    out.push(`> ${prose(m.text('report.errors'))}`, ...withErrors.map((d) => `> - ${md(m.text('report.errorCount', d.uri, String(d.errors)))}`), '');
  }
  if (analysis.documents.length === 0) {
    out.push(prose(m.text('report.empty')), '');
  }
  for (const doc of analysis.documents) {
    out.push(...renderDocument(doc, m));
  }
  return out.join('\n');
}

function renderDocument(doc: DocumentAnalysis, m: Messages): string[] {
  const out: string[] = [`## \`${doc.id}\` ${md(doc.title)}`, ''];
  if (doc.goalsFrom !== undefined) {
    out.push(`${md(m.text('report.goalsFrom'))}: \`${doc.goalsFrom}\``, '');
  }
  out.push(`### ${md(m.text('report.matrix'))}`, '');
  const matrix = doc.matrix;
  if (matrix) {
    const head = [md(m.text('report.code')), md(m.text('report.title.column')), ...matrix.columns.map((c) => `\`${c.code}\``), md(m.text('report.total'))];
    const rows = matrix.rows.map((r) => {
      const marked = new Set(r.cells);
      return [`\`${r.code}\``, md(r.title), ...matrix.columns.map((_, i) => (marked.has(i) ? '●' : '')), String(r.cells.length)];
    });
    rows.push([md(m.text('report.total')), '', ...matrix.columns.map((c) => String(c.total)), String(matrix.marks)]);
    out.push(md(m.text('report.matrixOf', matrix.plan.id)), '', table(head, rows), '');
  } else if (doc.matrixNote) {
    out.push(prose(m.text(`report.note.${doc.matrixNote}`, doc.goalsFrom ?? '')), '');
  }
  const c = doc.coverage;
  out.push(`### ${md(m.text('report.coverage'))}`, '', `${md(m.text('report.measures'))}: ${c.measures}`, '');
  if (c.planGoals > 0) {
    out.push(`${md(m.text('report.planGoals'))}: ${percent(c.planGoals - c.uncoveredGoals.length, c.planGoals)}`, '');
  }
  if (c.perPriority.length > 0) {
    const kinds = SHARE_KINDS.filter((k) => k.key !== 'goals' || doc.goalsFrom !== undefined);
    out.push(
      table(
        [md(m.text('report.code')), md(m.text('report.title.column')), md(m.text('report.measures')), ...kinds.map((k) => md(m.text(k.label)))],
        c.perPriority.map((p) => [`\`${p.code}\``, md(p.title), String(p.measures), ...kinds.map((k) => percent(p[k.key], p.measures))]),
      ),
      '',
    );
  }
  out.push(`### ${md(m.text('report.gaps'))}`, '');
  const gaps = GAP_KINDS.filter((k) => c[k.key].length > 0).map(
    (k) => `- **${md(m.text(k.label))} (${c[k.key].length})**: ${c[k.key].map((e) => `\`${typeof e === 'string' ? e : e.code}\``).join(', ')}`,
  );
  out.push(...(gaps.length > 0 ? gaps : [md(m.text('report.noGaps'))]), '');
  out.push(`### ${md(m.text('report.responsibility'))}`, '');
  out.push(
    doc.responsibility.length === 0
      ? md(m.text('report.noActors'))
      : table(
          [md(m.text('report.actor')), md(m.text('report.asResponsible')), md(m.text('report.asPartner'))],
          doc.responsibility.map((a) => [`${md(a.name ?? a.id)} (\`${a.id}\`)`, a.responsible.map((x) => `\`${x}\``).join(', '), a.partner.map((x) => `\`${x}\``).join(', ')]),
        ),
    '',
  );
  out.push(`### ${md(m.text('report.indicators'))}`, '');
  out.push(
    doc.indicators.length === 0
      ? md(m.text('report.noIndicators'))
      : table(
          ['report.item', 'report.indicator', 'report.unit', 'report.baseline', 'report.target', 'report.year'].map((h) => md(m.text(h))),
          doc.indicators.map((i) => [`\`${i.item}\``, ...[i.name, i.unit, i.baseline, i.target, i.year].map((v) => md(v ?? ''))]),
        ),
    '',
  );
  out.push(`### ${md(m.text('report.descriptors'))}`, '');
  out.push(
    doc.descriptors.length === 0
      ? md(m.text('report.noDescriptors'))
      : table(
          [md(m.text('report.code')), md(m.text('report.title.column')), md(m.text('report.items'))],
          doc.descriptors.flatMap((a) => a.descriptors.map((d) => [`\`${d.code}\``, md(d.title ?? ''), d.items.map((x) => `\`${x}\``).join(', ')])),
        ),
    '',
  );
  out.push(`### ${md(m.text('report.budget'))}`, '');
  out.push(
    doc.budget.length === 0
      ? md(m.text('report.noBudget'))
      : table(
          [md(m.text('report.code')), md(m.text('report.title.column')), md(m.text('report.budget')), md(m.text('report.budgetItems'))],
          doc.budget.map((p) => [
            `\`${p.code}\``,
            md(p.title),
            [...p.totals.map((t) => md(formatTotal(m, t))), ...(p.unreadable.length > 0 ? [md(m.text('report.budgetUnreadable', p.unreadable.join(', ')))] : [])].join('; '),
            p.items.map((x) => `\`${x}\``).join(', '),
          ]),
        ),
    '',
  );
  out.push(`### ${md(m.text('report.items'))}`, '');
  if (doc.items.length === 0) {
    out.push(md(m.text('report.noItems')), '');
  }
  for (const item of doc.items) {
    const indent = '  '.repeat(item.depth - 1);
    const title = item.removed ? `~~${md(item.title)}~~` : md(item.title);
    out.push(`${indent}- \`${item.code}\` ${title} *(${md(item.level)})*`);
    const fields: [string, string[]][] = [
      ['report.descriptors', item.descriptors],
      ['report.goals', item.goals],
      ['report.related', item.related],
      ['report.responsible', item.responsible !== undefined ? [item.responsible] : []],
      ['report.partners', item.partners],
    ];
    for (const [label, values] of fields) {
      if (values.length > 0) {
        out.push(`${indent}  - ${md(m.text(label))}: ${values.map((v) => `\`${v}\``).join(', ')}`);
      }
    }
    for (const ind of item.indicators) {
      out.push(`${indent}  - ${md(m.text('report.indicator'))}: ${md(ind.name)}${ind.target !== undefined ? ` → ${md(ind.target)}${ind.unit ? ` ${md(ind.unit)}` : ''}` : ''}`);
    }
  }
  out.push('');
  return out;
}
