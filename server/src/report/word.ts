/**
 * The strategy as a Word document a council can approve, through `docx`:
 * one heading per item, its level by depth, numbered by the item's own code
 * (`2.A.11 Title`: the code is the number the council cites); under each
 * item its descriptors, goal links, responsible actor, partners and
 * indicators; then the indicator overview as a table and the gaps.
 */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { Analysis, AnalysisItem, DocumentAnalysis } from '../analysis/analysis';
import { Messages } from '../messages';
import { budgetText } from './budgetText';
import { GAP_KINDS } from './texts';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/** The heading style of an item at `depth` (Word has six; deeper items use the last). */
function heading(depth: number): (typeof HEADINGS)[number] {
  return HEADINGS[Math.min(depth, HEADINGS.length) - 1];
}

/** A line `Label: value` under an item. */
function field(label: string, value: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
}

function itemParagraphs(item: AnalysisItem, m: Messages, names: { goals: Map<string, string>; descriptors: Map<string, string>; actors: Map<string, string> }): Paragraph[] {
  const title = `${item.code} ${item.title}`;
  const out = [new Paragraph({ heading: heading(item.depth), children: [new TextRun({ text: title, strike: item.removed })] })];
  const named = (codes: string[], titles: Map<string, string>): string => codes.map((c) => (titles.get(c) ? `${c} ${titles.get(c)}` : c)).join('; ');
  if (item.descriptors.length > 0) {
    out.push(field(m.text('report.descriptors'), named(item.descriptors, names.descriptors)));
  }
  if (item.goals.length > 0) {
    out.push(field(m.text('report.goals'), named(item.goals, names.goals)));
  }
  if (item.related.length > 0) {
    out.push(field(m.text('report.related'), item.related.join(', ')));
  }
  if (item.responsible !== undefined) {
    out.push(field(m.text('report.responsible'), names.actors.get(item.responsible) ?? item.responsible));
  }
  if (item.partners.length > 0) {
    out.push(field(m.text('report.partners'), item.partners.map((p) => names.actors.get(p) ?? p).join('; ')));
  }
  for (const ind of item.indicators) {
    const figures = [ind.baseline !== undefined ? `${m.text('report.baseline')} ${ind.baseline}` : '', ind.target !== undefined ? `${m.text('report.target')} ${ind.target}` : '', ind.unit ?? '', ind.year ?? '']
      .filter((s) => s !== '')
      .join(', ');
    out.push(field(m.text('report.indicator'), figures ? `${ind.name} (${figures})` : ind.name));
  }
  if (item.budget?.amount !== undefined) {
    out.push(field(m.text('report.budget'), budgetText(item)));
  }
  if (item.status !== undefined) {
    out.push(field(m.text('report.status'), item.status));
  }
  return out;
}

function textCell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
}

function indicatorTable(doc: DocumentAnalysis, m: Messages): Table {
  const heads = ['report.item', 'report.indicator', 'report.unit', 'report.baseline', 'report.target', 'report.year'].map((h) => textCell(m.text(h), true));
  const rows = doc.indicators.map((i) => new TableRow({ children: [i.item, i.name, i.unit, i.baseline, i.target, i.year].map((v) => textCell(v ?? '')) }));
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [new TableRow({ tableHeader: true, children: heads }), ...rows] });
}

function documentSection(doc: DocumentAnalysis, m: Messages): (Paragraph | Table)[] {
  const names = {
    goals: new Map((doc.matrix?.columns ?? []).map((c) => [c.code, c.title])),
    descriptors: new Map(doc.descriptors.flatMap((a) => a.descriptors.map((d) => [d.code, d.title ?? ''] as const))),
    actors: new Map(doc.actors.map((a) => [a.id, a.name])),
  };
  const out: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, text: doc.title })];
  if (doc.items.length === 0) {
    out.push(new Paragraph(m.text('report.noItems')));
  }
  for (const item of doc.items) {
    out.push(...itemParagraphs(item, m, names));
  }
  out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: m.text('report.indicators') }));
  out.push(doc.indicators.length === 0 ? new Paragraph(m.text('report.noIndicators')) : indicatorTable(doc, m));
  out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: m.text('report.gaps') }));
  const gaps = GAP_KINDS.filter((k) => doc.coverage[k.key].length > 0);
  if (gaps.length === 0) {
    out.push(new Paragraph(m.text('report.noGaps')));
  }
  for (const kind of gaps) {
    const codes = doc.coverage[kind.key].map((e) => (typeof e === 'string' ? e : e.code));
    out.push(field(m.text(kind.label), codes.join(', ')));
  }
  return out;
}

/** The analysed documents as a Word file (one section per document). */
export async function writeDocx(analysis: Analysis, m: Messages): Promise<Uint8Array> {
  const sections = analysis.documents.map((doc) => ({ children: documentSection(doc, m) }));
  if (sections.length === 0) {
    sections.push({ children: [new Paragraph(m.text('report.empty'))] });
  }
  const withErrors = analysis.documents.filter((d) => d.errors > 0);
  if (withErrors.length > 0) {
    sections[0].children.unshift(new Paragraph(m.text('report.errors')), ...withErrors.map((d) => new Paragraph(m.text('report.errorCount', d.uri, String(d.errors)))));
  }
  const document = new Document({ creator: 'Strategy Codes', title: m.text('report.title'), sections });
  return new Uint8Array(await Packer.toBuffer(document));
}
