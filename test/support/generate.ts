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
