/**
 * Word files: paragraphs, headings and tables through `mammoth`'s document
 * model, and the numbers Word shows for automatic numbering, which mammoth
 * does not give: each paragraph's `w:numPr` (or its style's) is read from
 * `word/document.xml` with `@xmldom/xmldom` (the XML parser mammoth itself
 * uses), the list definitions from `word/numbering.xml`, and
 * `WordNumbering` computes the displayed numbers. The zip is opened with
 * `jszip`, mammoth's own zip reader.
 */
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { ImportError, Source, SourceLine, SourceRow, SourceTable } from '../import/model';
import { NumberingDefinitions, NumberingLevel, WordNumbering } from '../import/wordNumbering';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

type XmlElement = Element;

function children(el: XmlElement | null | undefined, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  if (!el) {
    return out;
  }
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as XmlElement).localName === name && (n as XmlElement).namespaceURI === W) {
      out.push(n as XmlElement);
    }
  }
  return out;
}

const child = (el: XmlElement | null | undefined, name: string): XmlElement | undefined => children(el, name)[0];
const val = (el: XmlElement | undefined): string | undefined => el?.getAttributeNS(W, 'val') ?? undefined;

function parseXml(text: string): XmlElement {
  return new DOMParser().parseFromString(text, 'text/xml').documentElement;
}

/** The list definitions of `numbering.xml`. */
function readNumbering(xml: string | undefined): NumberingDefinitions {
  const defs: NumberingDefinitions = { abstract: new Map(), lists: new Map() };
  if (xml === undefined) {
    return defs;
  }
  const root = parseXml(xml);
  for (const a of children(root, 'abstractNum')) {
    const levels = new Map<number, NumberingLevel>();
    for (const lvl of children(a, 'lvl')) {
      levels.set(Number(lvl.getAttributeNS(W, 'ilvl')), {
        start: Number(val(child(lvl, 'start')) ?? 1),
        format: val(child(lvl, 'numFmt')) ?? 'decimal',
        text: val(child(lvl, 'lvlText')) ?? '',
      });
    }
    defs.abstract.set(a.getAttributeNS(W, 'abstractNumId') ?? '', levels);
  }
  for (const n of children(root, 'num')) {
    const startOverrides = new Map<number, number>();
    for (const o of children(n, 'lvlOverride')) {
      const start = val(child(o, 'startOverride'));
      if (start !== undefined) {
        startOverrides.set(Number(o.getAttributeNS(W, 'ilvl')), Number(start));
      }
    }
    defs.lists.set(n.getAttributeNS(W, 'numId') ?? '', { abstractId: val(child(n, 'abstractNumId')) ?? '', startOverrides });
  }
  return defs;
}

/** Paragraph styles' numbering (`w:pStyle` → numId, ilvl), following `w:basedOn`. */
function readStyleNumbering(xml: string | undefined): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  if (xml === undefined) {
    return out;
  }
  const own = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  for (const s of children(parseXml(xml), 'style')) {
    const numPr = child(child(s, 'pPr'), 'numPr');
    own.set(s.getAttributeNS(W, 'styleId') ?? '', {
      numId: val(child(numPr, 'numId')),
      ilvl: val(child(numPr, 'ilvl')) !== undefined ? Number(val(child(numPr, 'ilvl'))) : undefined,
      basedOn: val(child(s, 'basedOn')),
    });
  }
  for (const id of own.keys()) {
    let style = own.get(id);
    for (let depth = 0; style && depth < 10; depth++) {
      if (style.numId !== undefined) {
        out.set(id, { numId: style.numId, ilvl: style.ilvl ?? 0 });
        break;
      }
      style = style.basedOn !== undefined ? own.get(style.basedOn) : undefined;
    }
  }
  return out;
}

/** Each paragraph of `document.xml` in document order: its text and its own numbering properties. */
function readParagraphNumbering(xml: string): { text: string; numId?: string; ilvl?: number; styleId?: string }[] {
  const doc = parseXml(xml);
  const out: { text: string; numId?: string; ilvl?: number; styleId?: string }[] = [];
  const paragraphs = doc.getElementsByTagNameNS(W, 'p');
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs.item(i);
    if (!p) {
      continue;
    }
    const pPr = child(p, 'pPr');
    const numPr = child(pPr, 'numPr');
    const texts = p.getElementsByTagNameNS(W, 't');
    let text = '';
    for (let t = 0; t < texts.length; t++) {
      text += texts.item(t)?.textContent ?? '';
    }
    out.push({
      text: normalise(text),
      numId: val(child(numPr, 'numId')),
      ilvl: val(child(numPr, 'ilvl')) !== undefined ? Number(val(child(numPr, 'ilvl'))) : undefined,
      styleId: val(child(pPr, 'pStyle')),
    });
  }
  return out;
}

const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** mammoth's document model, as far as this reader uses it. */
interface MammothNode {
  type: string;
  children?: MammothNode[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  colSpan?: number;
  rowSpan?: number;
}

function nodeText(node: MammothNode): string {
  switch (node.type) {
    case 'text':
      return node.value ?? '';
    case 'tab':
      return '\t';
    case 'break':
      return '\n';
    case 'paragraph':
    case 'run':
    case 'hyperlink':
      return (node.children ?? []).map(nodeText).join('');
    default:
      return (node.children ?? []).map(nodeText).join('');
  }
}

/** A heading's level from its style (`Heading 2`, `Nadpis 2`, `Title`). */
function headingLevel(node: MammothNode): number | undefined {
  const name = `${node.styleName ?? ''} ${node.styleId ?? ''}`;
  const m = /(?:heading|nadpis)\s*(\d)/i.exec(name);
  if (m) {
    return Number(m[1]);
  }
  return /\b(?:title|název)\b/i.test(node.styleName ?? '') ? 0 : undefined;
}

/** A table's rows; a merged cell gives its text to its first grid position only. */
function tableRows(table: MammothNode, index: number): SourceTable {
  const rows: SourceRow[] = [];
  const pending: number[] = [];
  (table.children ?? []).forEach((row, r) => {
    const cells: string[] = [];
    let column = 0;
    const skipPending = (): void => {
      while ((pending[column] ?? 0) > 0) {
        pending[column]--;
        cells.push('');
        column++;
      }
    };
    for (const cell of row.children ?? []) {
      skipPending();
      const text = (cell.children ?? []).map((p) => normalise(nodeText(p))).filter((t) => t !== '').join('\n');
      const span = cell.colSpan ?? 1;
      for (let s = 0; s < span; s++) {
        cells.push(s === 0 ? text : '');
        pending[column] = (cell.rowSpan ?? 1) - 1;
        column++;
      }
    }
    skipPending();
    rows.push({ cells, at: { table: index, row: r + 1 } });
  });
  return { name: `Tabulka ${index}`, rows };
}

/** Reads a Word file. Throws `ImportError` for a file that is not a readable .docx. */
export async function readDocx(name: string, bytes: Uint8Array): Promise<Source> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new ImportError('import.error.corrupt', [name, 'Word (.docx)', (e as Error).message ?? String(e)]);
  }
  if (zip.file('EncryptionInfo') || zip.file('EncryptedPackage')) {
    throw new ImportError('import.error.encrypted', [name]);
  }
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (documentXml === undefined) {
    throw new ImportError('import.error.corrupt', [name, 'Word (.docx)', 'word/document.xml is missing']);
  }
  const numbering = new WordNumbering(readNumbering(await zip.file('word/numbering.xml')?.async('string')));
  const styleNumbering = readStyleNumbering(await zip.file('word/styles.xml')?.async('string'));
  const xmlParagraphs = readParagraphNumbering(documentXml);
  let body: MammothNode | undefined;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        transformDocument: (doc: MammothNode) => {
          body = doc;
          return doc;
        },
      },
    );
  } catch (e) {
    throw new ImportError('import.error.corrupt', [name, 'Word (.docx)', (e as Error).message ?? String(e)]);
  }
  const lines: SourceLine[] = [];
  const tables: SourceTable[] = [];
  let cursor = 0;
  let paragraphIndex = 0;
  // Every paragraph, in tables too, counts in Word's lists: each is matched to its place in document.xml by its text.
  const numberOf = (text: string): string | undefined => {
    for (let i = cursor; i < Math.min(xmlParagraphs.length, cursor + 50); i++) {
      if (xmlParagraphs[i].text === text) {
        const p = xmlParagraphs[i];
        cursor = i + 1;
        const numPr = p.numId !== undefined ? { numId: p.numId, ilvl: p.ilvl ?? 0 } : p.styleId !== undefined ? styleNumbering.get(p.styleId) : undefined;
        return numPr && numPr.numId !== '0' ? numbering.next(numPr.numId, p.ilvl ?? numPr.ilvl) : undefined;
      }
    }
    return undefined;
  };
  const walk = (node: MammothNode, inTable: boolean): void => {
    if (node.type === 'paragraph') {
      const text = nodeText(node);
      const number = numberOf(normalise(text));
      if (!inTable) {
        paragraphIndex++;
        lines.push({ text: normalise(text), at: { paragraph: paragraphIndex }, number, heading: headingLevel(node), breakAfter: true });
      }
      return;
    }
    if (node.type === 'table') {
      tables.push(tableRows(node, tables.length + 1));
      for (const c of node.children ?? []) {
        walk(c, true);
      }
      return;
    }
    for (const c of node.children ?? []) {
      walk(c, inTable);
    }
  };
  if (body) {
    walk(body, false);
  }
  return { kind: 'docx', name, lines, tables };
}
