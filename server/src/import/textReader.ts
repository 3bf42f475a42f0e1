/**
 * Coded text to the intermediate tree: the national strategy database's
 * export (`dbexport`), a PDF's text layer, text pasted from Word or an OCR'd
 * page, and the paragraphs of a Word file. A line that starts with a code
 * opens an item; the lines right after it continue its title; later
 * paragraphs are its description; `Deskriptory:` and *Vazba na cíle* blocks,
 * and lines such as `Gestor: …`, give it descriptors, goals and attributes.
 * Every line ends up in the tree or in the report.
 */
import { headerMatcher } from '../table/columns';
import { foldText } from '../model/text';
import { ActorTable, applyAttribute, descriptorsIn, saysRemoved } from './attributes';
import { isContentsLine, isPageNumber, LineCode, readLineCode } from './lineCodes';
import { Finding, ImportDocument, ImportError, ImportGroup, ImportResult, newItem, Source, SourceLine, SourceLocation } from './model';
import { TreeBuilder } from './tree';

/** What the caller knows about the document beyond its source. */
export interface TextImportOptions {
  /** The document id to write. */
  id: string;
  /** Read as the national database's export: its banner, owner and title lines, and its unnamed priority areas. */
  dbexport: boolean;
  /** Title for the plan of goals listed with titles (`Vazba na cíle`), a second document. */
  planId: string;
}

type Mode = 'start' | 'title' | 'body' | 'descriptors' | 'goals' | 'documents' | 'group';

/** Item keys a `Key: value` line may set (header words from the one table layout). */
const LINE_KEYS = new Set(['description', 'descriptors', 'goals', 'related', 'after', 'responsible', 'partners', 'indicator', 'unit', 'baseline', 'target', 'year', 'from', 'to', 'budget', 'currency', 'source', 'status']);

/** Reads coded lines into a strategy. Throws `ImportError` when the source holds no code at all. */
export function readCodedText(source: Source, options: TextImportOptions): ImportResult {
  return new TextReader(source, options).read();
}

class TextReader {
  private readonly findings: Finding[] = [];
  private readonly tree = new TreeBuilder();
  private readonly actors = new ActorTable();
  private readonly header = headerMatcher();
  private readonly doc: ImportDocument;
  private mode: Mode = 'start';
  /** True after a blank line: the next text is a new paragraph. */
  private blank = false;
  /** Paragraphs before the first code (title, then description), with where each starts. */
  private readonly preamble: { text: string; at: SourceLocation }[] = [];
  /** Goals listed with their titles, for the plan document. */
  private readonly planGoals = new Map<string, { title: string; at: SourceLocation }>();
  /** Goals of a *Vazba na cíle* block met before any item (they belong to the document's items). */
  private readonly documentGoals: string[] = [];
  private readonly levels: string[] = [];
  private readonly descriptorNames = new Map<string, string>();
  private headerLines = 0;

  /**
   * True when the source names its levels before their codes (`Strategický cíl SC1`, `Opatření 1.1.1`)
   * on several lines: a bare number there that does not fall under such an item is a chapter number.
   */
  private readonly labelled: boolean;

  constructor(
    private readonly source: Source,
    private readonly options: TextImportOptions,
  ) {
    this.doc = { strategy: options.id, title: '', documents: [], actors: this.actors.actors, items: this.tree.items };
    let labelled = 0;
    for (const l of source.lines) {
      if (readLineCode(l.number !== undefined ? `${l.number} ${l.text}` : l.text)?.label !== undefined && ++labelled >= 2) {
        break;
      }
    }
    this.labelled = labelled >= 2 && !options.dbexport;
  }

  read(): ImportResult {
    for (const line of this.source.lines) {
      this.line(line);
    }
    if (this.tree.all.length === 0) {
      this.numberParagraphs();
    }
    this.finishDocument();
    const plan = this.planDocument();
    return { document: this.doc, descriptors: [...this.descriptorNames].map(([code, title]) => ({ code, title })), plan, findings: this.findings };
  }

  private report(kind: Finding['kind'], at: SourceLocation, id: string, ...args: string[]): void {
    this.findings.push({ kind, at, id, args });
  }

  /** True while the current line was indented in the source. */
  private indented = false;

  private line(line: SourceLine): void {
    this.indented = /^\s/.test(line.text);
    const text = line.text.replace(/\s+/g, ' ').trim();
    if (text === '') {
      this.blank = true;
      if (this.mode === 'title') {
        this.mode = 'body';
      }
      return;
    }
    if (!/[\p{L}\p{N}]/u.test(text)) {
      this.report('left-out', line.at, 'import.leftOut.noise', text);
      return;
    }
    if (isContentsLine(text)) {
      this.report('left-out', line.at, 'import.leftOut.contents', text);
      return;
    }
    if (isPageNumber(text)) {
      this.report('left-out', line.at, 'import.leftOut.pageNumber', text);
      return;
    }
    if (this.options.dbexport && this.dbexportHeader(text, line.at)) {
      return;
    }
    const numbered = line.number !== undefined ? `${line.number} ${text}` : text;
    if (this.blockLine(numbered, line.at)) {
      this.blank = false;
      return;
    }
    const code = readLineCode(numbered);
    if (code && code.label === undefined && this.labelled && !this.tree.nests(code.code)) {
      // A chapter of a document whose items carry their level's words: a heading, kept as a group.
      this.report('normalised', line.at, 'import.normalised.chapter', numbered);
      this.group(numbered, line.at, code.code.split('.').length);
    } else if (code) {
      this.item(code, line.at);
    } else if (line.heading !== undefined) {
      this.group(text, line.at, line.heading);
    } else {
      this.prose(text, line.at);
    }
    this.blank = line.breakAfter === true;
  }

  /** The export's first lines: the portal's banner, the owner, and the title with its edition and period. */
  private dbexportHeader(text: string, at: SourceLocation): boolean {
    if (this.tree.all.length > 0 || this.headerLines >= 3 || readLineCode(text)) {
      return false;
    }
    this.headerLines++;
    if (/port[aá]l/iu.test(text) && /financov/iu.test(text)) {
      this.report('left-out', at, 'import.leftOut.banner', text);
      return true;
    }
    if (this.doc.owner === undefined && this.doc.title === '' && !/\d{4}/.test(text)) {
      this.doc.owner = text;
      return true;
    }
    if (this.doc.title === '') {
      const edition = /\s*\[\s*(akt\.?|aktualizace)\s*(\d{4})\s*\]\s*$/iu.exec(text);
      const title = edition ? text.slice(0, edition.index).trim() : text;
      this.doc.title = title;
      if (edition) {
        this.doc.description = `Aktualizace ${edition[2]}`;
        this.report('normalised', at, 'import.normalised.edition', edition[0].trim(), this.doc.description);
      }
      const period = /(\d{4})\s*[–—-]\s*(\d{4})/.exec(title);
      if (period) {
        this.doc.period = `${period[1]}–${period[2]}`;
      }
      return true;
    }
    return false;
  }

  /** `Deskriptory:` and *Vazba na cíle* blocks, and `Key: value` lines. True when the line was used. */
  private blockLine(text: string, at: SourceLocation): boolean {
    const folded = foldText(text);
    const heading = /^(deskriptory?|vazb[ay] na cil[ey]?|vazba na cile strategickeho planu|(?:vazb[ay]|navaznost|soulad) (?:na|se) (?:jine |dalsi )?strategick(?:e|ymi) dokument(?:y|u|ech))\s*:?\s*(.*)$/.exec(folded);
    if (heading) {
      const inline = text.slice(text.length - heading[2].length);
      this.mode = heading[1].startsWith('deskript') ? 'descriptors' : heading[1].includes('dokument') ? 'documents' : 'goals';
      if (inline.trim() !== '') {
        this.blockEntries(inline, at);
      }
      return true;
    }
    if (this.mode === 'descriptors' || this.mode === 'goals' || this.mode === 'documents') {
      if (this.blockEntries(text, at)) {
        return true;
      }
      this.mode = 'body';
    }
    const kv = /^([^:]{2,40}):\s*(.+)$/u.exec(text);
    const current = this.tree.current;
    if (kv && current) {
      const key = this.header(kv[1]);
      if (key !== undefined && LINE_KEYS.has(key)) {
        if (!applyAttribute(current, key, kv[2], this.actors)) {
          // A known field with a value it cannot hold (`Termín: průběžně`) stays, as written, in the description.
          current.description = current.description ? `${current.description}\n${text}` : text;
        }
        this.mode = 'body';
        return true;
      }
    }
    if (current && saysRemoved(text) && text.length < 60) {
      current.status = 'vypuštěno';
      this.report('normalised', at, 'import.normalised.removed', current.id, text);
      return true;
    }
    return false;
  }

  /** Entries of a descriptor or goal block; false when the text is not one (the block has ended). */
  private blockEntries(text: string, at: SourceLocation): boolean {
    const current = this.tree.current;
    if (this.mode === 'documents') {
      // One cited document per line, until a code or a heading ends the block; a URL on the line is its link.
      if (readLineCode(text) || /:$/.test(text)) {
        return false;
      }
      const url = /https?:\/\/\S+/.exec(text)?.[0];
      const title = url ? text.replace(url, '').replace(/[\s(),;–-]+$/u, '').trim() : text;
      this.doc.documents.push(url ? { title: title || url, url } : { title });
      return true;
    }
    if (this.mode === 'descriptors') {
      const found = descriptorsIn(text);
      if (found.length === 0) {
        return false;
      }
      for (const d of found) {
        if (current) {
          current.descriptors.push(d.code);
        } else {
          this.report('left-out', at, 'import.leftOut.noItem', text);
        }
        if (d.name !== '' && !this.descriptorNames.has(d.code)) {
          this.descriptorNames.set(d.code, d.name);
        }
      }
      return true;
    }
    const goals: { code: string; title: string }[] = [];
    for (const part of text.split(/[,;]\s*(?=[A-Z]+\d|\d)/u)) {
      const code = readLineCode(part) ?? (/^\s*([A-Z]{1,3}\d{1,3}(?:\.\d{1,3})*|\d{1,3}(?:\.\d{1,3})+)\.?\s*$/.exec(part) ? { code: part.trim().replace(/\.$/, ''), rest: '' } : undefined);
      if (!code) {
        return goals.length > 0 ? this.addGoals(goals, at) : false;
      }
      goals.push({ code: code.code, title: code.rest });
    }
    return this.addGoals(goals, at);
  }

  private addGoals(goals: { code: string; title: string }[], at: SourceLocation): true {
    const current = this.tree.current;
    for (const g of goals) {
      (current ? current.goals : this.documentGoals).push(g.code);
      if (g.title !== '' && !this.planGoals.has(g.code)) {
        this.planGoals.set(g.code, { title: g.title, at });
      }
    }
    return true;
  }

  private item(code: LineCode, at: SourceLocation): void {
    let id = code.code;
    if (code.trailingDot) {
      this.report('normalised', at, 'import.normalised.trailingDot', `${id}.`, id);
    }
    if (code.label !== undefined) {
      this.report('normalised', at, 'import.normalised.label', code.label, id);
    }
    if (this.options.dbexport) {
      id = this.dbexportCode(id, at);
    }
    const item = newItem(id, code.rest, at);
    if (saysRemoved(code.rest)) {
      item.status = 'vypuštěno';
      this.report('normalised', at, 'import.normalised.removed', id, code.rest);
    }
    if (item.title === '') {
      item.title = id;
      this.report('marked', at, 'import.marked.noTitle', id);
    }
    const depth = this.tree.add(item);
    if (code.label !== undefined) {
      this.noteLevel(code.label, depth);
    }
    this.mode = 'title';
  }

  /** Fixes what the export writes inconsistently, and names its unnamed priority areas. */
  private dbexportCode(id: string, at: SourceLocation): string {
    let code = id;
    const current = this.tree.current;
    // An activity written `A.1.I` under measure `1.A.1` is `1.A.1.I`: the export dropped the priority's number.
    if (/^[A-Z]+\./.test(code) && current) {
      const priority = current.id.split('.')[0];
      const full = `${priority}.${code}`;
      if (full.split('.').length >= 3 && this.tree.codes.has(full.split('.').slice(0, -1).join('.'))) {
        this.report('normalised', at, 'import.normalised.priorityAdded', code, full);
        code = full;
      }
    }
    const segments = code.split('.');
    if (segments.length >= 2 && /^\d+$/.test(segments[0]) && !this.tree.codes.has(segments[0])) {
      const priority = newItem(segments[0], `Prioritní oblast ${segments[0]} (název v exportu chybí)`, at);
      priority.note = 'Export neuvádí název prioritní oblasti: název je doplněn importem.';
      this.tree.closeItems();
      this.tree.add(priority);
      this.report('marked', at, 'import.marked.unnamedPriority', segments[0]);
    }
    return code;
  }

  /** The words before a code name its level (`Cíl č.` → `Cíl`); the first name met at a depth is kept. */
  private noteLevel(label: string, depth: number): void {
    const name = label.replace(/\s+č\.$/u, '').trim();
    const word = name.charAt(0).toUpperCase() + name.slice(1).toLowerCase();
    while (this.levels.length < depth - 1) {
      this.levels.push('');
    }
    if (this.levels[depth - 1] === undefined || this.levels[depth - 1] === '') {
      this.levels[depth - 1] = word;
    }
  }

  private group(text: string, at: SourceLocation, level: number): void {
    const group: ImportGroup = { kind: 'group', group: text, items: [], at };
    this.tree.openGroup(group, level);
    this.mode = 'group';
  }

  /** Text that is not a code: a title's continuation, a description, a heading, or the preamble. */
  private prose(text: string, at: SourceLocation): void {
    const current = this.tree.current;
    if (this.mode === 'title' && current && !this.blank) {
      current.title = joinLines(current.title, text);
      return;
    }
    const group = this.tree.currentGroup;
    if (this.tree.all.length > 0 && looksLikeHeading(text)) {
      this.group(text, at, 1);
      return;
    }
    if (this.mode === 'group' && group) {
      group.description = appendParagraph(group.description, text, this.blank);
      return;
    }
    if (current) {
      current.description = appendParagraph(current.description, text, this.blank || this.mode !== 'body');
      this.mode = 'body';
      return;
    }
    const last = this.preamble[this.preamble.length - 1];
    // An indented line starts a paragraph of its own (OCR marks a new page or block so), and so does a line that
    // starts with a capital after a line that does not end mid-word: a list whose entries are not separated by blank lines.
    if (last && !this.blank && !this.indented && !(/^[\p{Lu}„]/u.test(text) && !/[-,(]$/.test(last.text))) {
      last.text = joinLines(last.text, text);
    } else {
      this.preamble.push({ text, at });
    }
  }

  /** A source with no code at all but paragraphs (an OCR'd list of activities): each paragraph becomes an item numbered by the import. */
  private numberParagraphs(): void {
    if (this.preamble.length === 0 || (this.documentGoals.length === 0 && this.planGoals.size === 0)) {
      throw new ImportError('import.error.noCodes', [this.source.name]);
    }
    // Paragraphs that start with a capital are the entries of the list; one that starts with a conjunction or
    // preposition continues the paragraph before it (OCR breaks a wrapped line into two); other text in lower case
    // (lists of opportunities, risks) is not an item and is reported.
    const entries: { text: string; at: SourceLocation }[] = [];
    for (const p of this.preamble) {
      const last = entries[entries.length - 1];
      if (last && /^(?:a|i|k|s|v|z|o|u|na|do|pro|se|ve|ze|nebo|či|který|která|které)\s/u.test(p.text)) {
        last.text = joinLines(last.text, p.text);
      } else if (/^[\p{Lu}„"‚,]/u.test(p.text)) {
        entries.push({ ...p });
      } else {
        this.report('left-out', p.at, 'import.leftOut.notAnItem', p.text.slice(0, 120));
      }
    }
    entries.forEach((p, i) => {
      const item = newItem(String(i + 1), p.text, p.at);
      item.note = 'Zdroj položku nečísluje: kód je doplněn importem.';
      item.goals.push(...this.documentGoals);
      this.tree.add(item);
      this.report('marked', p.at, 'import.marked.numbered', String(i + 1));
    });
    this.preamble.length = 0;
  }

  private finishDocument(): void {
    const [first, ...rest] = this.preamble;
    if (this.doc.title === '') {
      if (first) {
        this.doc.title = first.text;
      } else {
        this.doc.title = this.source.name;
        this.report('marked', {}, 'import.marked.titleFromName', this.source.name);
      }
    } else if (first) {
      rest.unshift(first);
    }
    const description = rest.map((p) => p.text).join('\n\n');
    if (description !== '') {
      this.doc.description = this.doc.description ? `${this.doc.description}\n\n${description}` : description;
    }
    if (this.options.dbexport) {
      this.doc.levels = ['Prioritní oblast', 'Specifický cíl', 'Opatření', 'Aktivita'];
    } else if (this.levels.length > 0 && this.levels.every((l) => l !== '')) {
      this.doc.levels = this.levels;
    }
    if (this.documentGoals.length > 0 && this.tree.all.every((i) => !i.goals.length)) {
      this.report('left-out', {}, 'import.leftOut.goalsWithoutItem', this.documentGoals.join(', '));
    }
    if (this.planGoals.size > 0) {
      this.doc.goalsFrom = this.options.planId;
    }
  }

  private planDocument(): ImportDocument | undefined {
    if (this.planGoals.size === 0) {
      return undefined;
    }
    const plan = new TreeBuilder();
    for (const [code, { title, at }] of this.planGoals) {
      // A list of goals names the leaves (`A1.1 Efektivní úřad`); the pillar `A` and the goal `A1` above them are
      // added with their code as title, marked, so that the plan nests as the city's plan does instead of
      // standing as one flat list whose restarting numbers would read as numbering gaps.
      for (const ancestor of ancestorsOf(code)) {
        if (!plan.codes.has(ancestor) && !this.planGoals.has(ancestor)) {
          const parent = newItem(ancestor, ancestor, at);
          parent.note = 'Zdroj uvádí jen podřízené cíle: kód je zároveň názvem.';
          this.report('marked', at, 'import.marked.noTitle', ancestor);
          plan.add(parent);
        }
      }
      plan.add(newItem(code, title, at));
    }
    return { strategy: this.options.planId, title: `Cíle, na které odkazuje ${this.doc.title}`, documents: [], actors: [], items: plan.items };
  }
}

/**
 * The codes above a goal's code, outermost first: `A1.1` → `A`, `A1`; `C2.2.1` → `C`, `C2`, `C2.2`; a
 * letters+digits segment sits under its letters (spec §2.1), a number has nothing above it.
 */
function ancestorsOf(code: string): string[] {
  const segments = code.split('.');
  const out: string[] = [];
  const lettersDigits = /^([A-Z]+)\d+$/.exec(segments[0]);
  if (lettersDigits) {
    out.push(lettersDigits[1]);
  }
  for (let k = 1; k < segments.length; k++) {
    out.push(segments.slice(0, k).join('.'));
  }
  return out;
}

/** Joins a wrapped line to the text before it, mending a word hyphenated at the line's end (`nové-` + `mu` → `nového`). */
export function joinLines(before: string, next: string): string {
  // A bullet starts a line of its own: a list stays a list.
  if (/^(?:[-–•▪◦*]|\d{1,2}\)|[a-z]\))\s/u.test(next)) {
    return `${before}\n${next}`;
  }
  if (/\p{Ll}-$/u.test(before) && /^\p{Ll}/u.test(next)) {
    return before.slice(0, -1) + next;
  }
  return `${before} ${next}`;
}

function appendParagraph(text: string | undefined, next: string, newParagraph: boolean): string {
  if (text === undefined || text === '') {
    return next;
  }
  return newParagraph ? `${text}\n\n${next}` : joinLines(text, next);
}

/** A short line in capitals (`REGIONÁLNÍ PLATFORMY`): a heading of an uncoded section. */
function looksLikeHeading(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && text.length <= 80 && letters === letters.toUpperCase() && !/[.:;,]$/.test(text);
}
