/**
 * Values an item carries besides its code and title, as sources write them:
 * actors by name, lists of codes, month periods, dropped goals. Shared by the
 * text and the table readers, so that a `Gestor:` line and a *Gestor* column
 * mean the same.
 */
import { foldText } from '../model/text';
import { ImportActor, ImportItem } from './model';

/** An actor id made from a name: lowercase letters and digits without diacritics, joined by `-`. */
export function slug(name: string, maxLength = 40): string {
  const s = foldText(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return (s.slice(0, maxLength).replace(/-+$/, '') || 'x');
}

/** The actors of one document, declared once each under an id made from the name. */
export class ActorTable {
  readonly actors: ImportActor[] = [];
  private byName = new Map<string, string>();

  /** Declares an actor under the id its source gives it (the export's `Aktéři` sheet). */
  declare(id: string, name: string): void {
    if (!this.actors.some((a) => a.id === id)) {
      this.actors.push({ id, name });
      this.byName.set(foldText(name).replace(/\s+/g, ' ').trim(), id);
      this.byName.set(foldText(id), id);
    }
  }

  /** The id of the actor named `name` (or already declared under that id), declaring it on first use. */
  idOf(name: string): string {
    const key = foldText(name).replace(/\s+/g, ' ').trim();
    const known = this.byName.get(key) ?? this.byName.get(foldText(name.trim()));
    if (known !== undefined) {
      return known;
    }
    let id = slug(name);
    for (let n = 2; this.actors.some((a) => a.id === id); n++) {
      id = `${slug(name)}-${n}`;
    }
    this.byName.set(key, id);
    this.actors.push({ id, name: name.trim() });
    return id;
  }
}

/** Splits a cell or line of several values (`a, b; c`, one per line). */
export function splitList(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The codes named in a text (`po 1.2.1 a 1.2.2`, `A1.1, A1.2`): the code-shaped words only. */
export function codesIn(text: string): string[] {
  const out: string[] = [];
  // A qualified code (`kv-plan/A1.1`, `praha-integrace/2.A.11`) keeps its document id: it names another document's item.
  for (const m of text.matchAll(/(?<![\w.])((?:[a-z0-9][a-z0-9-]*\/)?)((?:[A-Z]{1,3}\d{1,3}|\d{1,3}|[A-Z]{1,2})(?:\.(?:\d{1,3}|[A-Z]{1,2}|[IVXL]{1,6}|[A-Z]{1,3}\d{1,3}))*)(?![\w])/gu)) {
    const code = m[2].replace(/\.$/, '');
    // A lone number or letter is a count or an initial, not a code, unless it is the whole text or qualified.
    if (code.includes('.') || /^[A-Z]+\d+$/.test(code) || m[1] !== '' || text.trim() === code) {
      out.push(m[1] + code);
    }
  }
  return out;
}

/** Descriptor codes in a text (`VIII.e, XVII.b`), each with the name written after it when there is one. */
export function descriptorsIn(text: string): { code: string; name: string }[] {
  const out: { code: string; name: string }[] = [];
  for (const part of text.split(/[,;\n]+/)) {
    const m = /^\s*([IVXLCDM]+\.[a-z])\b\s*(.*)$/u.exec(part);
    if (m) {
      out.push({ code: m[1], name: m[2].trim() });
    }
  }
  return out;
}

/** A month, day or year as the spec's timeline accepts it (`1/2024`, `2024-01`, `31. 1. 2024`, `2024`), or undefined. */
export function timelinePoint(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(t);
  if (m) {
    return t;
  }
  m = /^(\d{1,2})\s*\/\s*(\d{4})$/.exec(t);
  if (m) {
    return `${m[1]}/${m[2]}`;
  }
  m = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})$/.exec(t);
  if (m) {
    return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  }
  m = /^(?:Q[1-4]|[1-4]\.\s*(?:Q|čtvrtletí))\s*(\d{4})$/iu.exec(t);
  return m ? m[1] : undefined;
}

/** A period `1/2024–6/2025`, `2024–2026` or a single point, as a timeline; undefined when the text is no date. */
export function timelineOf(text: string): { from?: string; to?: string } | undefined {
  const parts = text.split(/\s*(?:[–—]|\s-\s|-(?=\s*\d{1,2}\s*\/)|(?<=\d{4})-(?=\d{4}$)|\bdo\b|\baž\b)\s*/u).map((p) => p.replace(/^(?:od|průběžně)\s*/iu, '').trim()).filter((p) => p !== '');
  if (parts.length === 2) {
    const from = timelinePoint(parts[0]);
    const to = timelinePoint(parts[1]);
    return from !== undefined && to !== undefined ? { from, to } : undefined;
  }
  if (parts.length === 1) {
    const to = timelinePoint(parts[0]);
    return to !== undefined ? { to } : undefined;
  }
  return undefined;
}

/** True when a text says the item is dropped ("Cíl je vypuštěn", "zrušeno"). */
export function saysRemoved(text: string): boolean {
  return /^(?:\(?\s*(?:cil|opatreni|aktivita|polozka)?\s*(?:je|byl[ao]?)?\s*)?(?:vypusten[aoy]?|zrusen[aoy]?|removed)\b/.test(foldText(text).trim());
}

/** Applies an attribute of a text line or a table cell to an item. Returns false when the key is not one an item carries. */
export function applyAttribute(item: ImportItem, key: string, value: string, actors: ActorTable): boolean {
  const v = value.trim();
  if (v === '') {
    return true;
  }
  switch (key) {
    case 'description':
      item.description = item.description ? `${item.description}\n\n${v}` : v;
      return true;
    case 'descriptors':
      item.descriptors.push(...descriptorsIn(v).map((d) => d.code));
      return true;
    case 'goals':
      item.goals.push(...codesIn(v));
      return true;
    case 'related':
      item.related.push(...codesIn(v));
      return true;
    case 'after':
      item.after.push(...codesIn(v));
      return true;
    case 'responsible': {
      const [first, ...others] = splitList(v);
      item.responsible = actors.idOf(first);
      item.partners.push(...others.map((o) => actors.idOf(o)));
      return true;
    }
    case 'partners':
      item.partners.push(...splitList(v).map((p) => actors.idOf(p)));
      return true;
    case 'indicator':
      item.indicators.push({ name: v });
      return true;
    case 'unit':
    case 'baseline':
    case 'target':
    case 'year': {
      const last = item.indicators[item.indicators.length - 1] ?? { name: '' };
      if (item.indicators.length === 0) {
        item.indicators.push(last);
      }
      last[key] = v;
      return true;
    }
    case 'from':
    case 'to': {
      const period = timelineOf(v);
      if (period === undefined) {
        return false;
      }
      // A whole period (`1/2024–6/2025`) sets both ends whatever the column; a single date sets the column's end.
      const update = period.from !== undefined ? period : key === 'from' ? { from: period.to } : { to: period.to };
      item.timeline = { ...item.timeline, ...update };
      return true;
    }
    case 'budget':
      item.budget = { ...item.budget, amount: v };
      return true;
    case 'currency':
      item.budget = { ...item.budget, currency: v };
      return true;
    case 'source':
      item.budget = { ...item.budget, source: v };
      return true;
    case 'status':
      item.status = saysRemoved(v) ? 'vypuštěno' : v;
      return true;
    default:
      return false;
  }
}
