/**
 * Generated strategy workspaces for tests and the benchmark: realistic
 * documents (priorities, objectives, measures with descriptors, goal links,
 * related measures, actors, indicators, activities) of any size.
 */

/** A small deterministic PRNG (mulberry32), so that generated data and random edits repeat exactly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DESCRIPTORS = ['VIII.e', 'XVII.b', 'XVII.c', 'IX.e', 'VI.b', 'VIII.a', 'IX.a', 'XXI.b'];
const WORDS = ['podpora', 'integrace', 'cizinců', 'jazykové', 'přípravy', 'spolupráce', 'aktérů', 'služeb', 'městských', 'částí', 'rozvoj', 'informování'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V'];

export interface GeneratedDocument {
  id: string;
  text: string;
  items: number;
}

/**
 * A strategy document with about `measures` measures, numbered through the
 * document as Prague does, each with two activities; `planId` names the plan
 * whose goals `A1.1` … the measures link to.
 */
export function generateStrategy(id: string, measures: number, seed: number, planId?: string): GeneratedDocument {
  const rand = prng(seed);
  const words = (n: number): string => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
  const lines = [`strategy: ${id}`, `title: Strategie ${id}`, 'period: 2022–2027'];
  if (planId) {
    lines.push(`goalsFrom: ${planId}`);
  }
  lines.push('actors:', '  - id: nmc', '    name: Oddělení NMC', '  - id: icp', '    name: Integrační centrum', 'items:');
  let items = 0;
  let measure = 0;
  const priorities = Math.max(1, Math.round(Math.sqrt(measures / 6)));
  const objectivesPer = 3;
  const perObjective = Math.max(1, Math.ceil(measures / (priorities * objectivesPer)));
  let previous: string | undefined;
  for (let p = 1; p <= priorities && measure < measures; p++) {
    lines.push(`  - id: ${p}`, `    title: Prioritní oblast ${p} ${words(3)}`, '    items:');
    items++;
    let firstOfPriority: string | undefined;
    for (let o = 0; o < objectivesPer && measure < measures; o++) {
      const obj = `${p}.${String.fromCharCode(65 + o)}`;
      lines.push(`      - id: ${obj}`, `        title: ${words(5)}`, '        items:');
      items++;
      for (let m = 0; m < perObjective && measure < measures; m++) {
        measure++;
        const code = `${obj}.${measure}`;
        lines.push(`          - id: ${code}`, `            title: ${words(8)}`);
        lines.push(`            descriptors: [${DESCRIPTORS[measure % DESCRIPTORS.length]}, ${DESCRIPTORS[(measure + 3) % DESCRIPTORS.length]}]`);
        if (planId) {
          lines.push(`            goals: [A1.${1 + (measure % 3)}]`);
        }
        const target = measure % 2 === 0 ? previous : firstOfPriority;
        if (target !== undefined && target !== code) {
          lines.push(`            related: [${target}]`);
        }
        previous = code;
        firstOfPriority ??= code;
        lines.push(`            responsible: ${measure % 2 === 0 ? 'nmc' : 'icp'}`);
        if (measure % 5 === 0) {
          lines.push('            indicators:', `              - name: Počet ${words(2)}`, '                unit: osoby', '                baseline: 0', '                target: 100');
        }
        lines.push('            items:');
        items++;
        for (let a = 0; a < 2; a++) {
          lines.push(`              - id: ${code}.${ROMAN[a]}`, `                title: ${words(10)}`);
          items++;
        }
      }
    }
  }
  return { id, text: lines.join('\n') + '\n', items };
}

/** The plan document whose goals generated strategies link to. */
export function generatePlan(id: string): string {
  return [
    `strategy: ${id}`,
    'title: Strategický plán',
    'levels: [Pilíř, Strategický cíl, Specifický cíl]',
    'items:',
    '  - id: A',
    '    title: Pilíř A',
    '    items:',
    '      - id: A1',
    '        title: Cíl A1',
    '        items:',
    '          - id: A1.1',
    '            title: Efektivní úřad',
    '          - id: A1.2',
    '            title: Hospodaření města',
    '          - id: A1.3',
    '            title: Image města',
    '',
  ].join('\n');
}

/** One file of a generated workspace: its path relative to the workspace root, and its text. */
export interface GeneratedFile {
  path: string;
  text: string;
}

/** The shape of the national workspace: how many strategies, plans and items. */
export interface NationalShape {
  /** Strategy documents (3,000 in the national database, current and archived). */
  documents: number;
  /** Plans that `implements` a strategy (300). */
  plans: number;
  /** Measures per strategy: 45 gives about 147 items (priorities, objectives, measures, two activities each). */
  measures: number;
}

export const NATIONAL: NationalShape = { documents: 3000, plans: 300, measures: 45 };

/**
 * A strategy of the national shape: the generated strategy of `measures`
 * measures, each measure with a description (the database's documents are
 * about 32 KB each) and a qualified `related` link to a measure of another
 * document, so that every document is linked to the shared plan and to
 * others.
 */
export function generateNationalStrategy(index: number, shape: NationalShape): GeneratedDocument {
  const id = `doc-${index}`;
  const base = generateStrategy(id, shape.measures, index + 1, 'plan');
  const rand = prng(index + 7);
  const words = (n: number): string => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
  const other = (k: number): string => `doc-${(index + k) % shape.documents}`;
  const out: string[] = [];
  let pending: string | undefined;
  for (const line of base.text.split('\n')) {
    if (line.startsWith('            related: [') && pending) {
      // The measure already links to one in its own document: the qualified link joins the same list.
      out.push(line.slice(0, -1) + `, ${pending}]`);
      pending = undefined;
      continue;
    }
    if (line.startsWith('            responsible: ') && pending) {
      out.push(`            related: [${pending}]`);
      pending = undefined;
    }
    out.push(line);
    const m = /^ {10}- id: \d+\.[A-Z]\.(\d+)$/.exec(line);
    if (m) {
      const measure = Number(m[1]);
      out.push(`            description: ${words(14)}`);
      // Measures 1.A.1 … 1.A.3 exist in every document: the link always resolves.
      pending = `${other(1 + (measure % 7))}/1.A.${1 + (measure % 3)}`;
    }
  }
  const text = out.join('\n');
  return { id, text, items: base.items };
}

/**
 * A plan that implements strategy `strategyId` (spec section 6.3): it
 * stands for some of the strategy's measures and adds activities to them.
 */
export function generateImplementationPlan(id: string, strategyId: string, seed: number): string {
  const rand = prng(seed);
  const words = (n: number): string => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
  const lines = [`strategy: ${id}`, `title: Akční plán ${strategyId}`, `implements: ${strategyId}`, 'goalsFrom: plan', 'items:'];
  for (let m = 1; m <= 3; m++) {
    lines.push(`  - id: 1.A.${m}`, `    title: Opatření 1.A.${m}`, '    items:');
    for (let a = 3; a <= 5; a++) {
      lines.push(`      - id: 1.A.${m}.${ROMAN[a - 1]}`, `        title: ${words(10)}`, `        goals: [A1.${1 + (a % 3)}]`);
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * The national workspace: the shared plan, `documents` strategies in
 * folders of 100 and `plans` plans implementing every tenth strategy.
 */
export function generateNationalWorkspace(shape: NationalShape = NATIONAL): GeneratedFile[] {
  const files: GeneratedFile[] = [{ path: 'plan.strategy.yaml', text: generatePlan('plan') }];
  for (let i = 0; i < shape.documents; i++) {
    files.push({ path: `group-${Math.floor(i / 100)}/doc-${i}.strategy.yaml`, text: generateNationalStrategy(i, shape).text });
  }
  for (let k = 0; k < shape.plans; k++) {
    const target = `doc-${(k * Math.max(1, Math.floor(shape.documents / Math.max(1, shape.plans)))) % Math.max(1, shape.documents)}`;
    files.push({ path: `plans/plan-${k}.strategy.yaml`, text: generateImplementationPlan(`plan-${k}`, target, 10_000 + k) });
  }
  return files;
}
