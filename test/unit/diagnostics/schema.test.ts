/**
 * `schema` (spec 2, 3, 4): wrong type (error), missing `id` or `title`
 * (error, on the item's `id`, or its first key when `id` is missing too),
 * unknown key (warning, on the key). Free-text fields accept any scalar.
 */
import { check, clean } from './check';

describe('diagnostics: schema', () => {
  describe('wrong type', () => {
    it('on a scalar where a list is expected', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            related: ⟦1.A⟧
            descriptors: ⟦VIII.e⟧
        `,
        { code: 'schema', messages: ['`related` must be a list.', '`descriptors` must be a list.'] },
      ));

    it('on a list where text is expected', () =>
      check(
        `
        strategy: a
        title: ⟦[Koncepce, Praha]⟧
        `,
        { code: 'schema', messages: ['`title` must be text.'] },
      ));

    it('on a mapping where a code is expected', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            responsible: ⟦{ id: nmc }⟧
        `,
        { code: 'schema', messages: [/^`responsible` must be a code/] },
      ));

    it('on `items` that is not a list, and on a timeline that is not a mapping', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            timeline: ⟦2022–2025⟧
            items: ⟦1.A⟧
        `,
        { code: 'schema', messages: ['`timeline` must be a mapping.', '`items` must be a list.'] },
      ));

    it('on the key of an empty value, which has no text of its own to underline', () =>
      check(
        `
        strategy: a
        title: A
        goalsFrom: b
        items:
          - id: 1
            ⟦title⟧:
            ⟦related⟧:
          - ⟦id⟧:
            title: X
        //- /b.strategy.yaml
        strategy: b
        title: B
        ⟦items⟧:
        `,
        { code: 'schema', messages: ['`title` must be text.', '`related` must be a list.', /^`id` must be a code/, '`items` must be a list.'] },
      ));

    it('on a boolean id (not a code)', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: ⟦true⟧
            title: P
        `,
        'schema',
      ));
  });

  describe('missing id or title', () => {
    it('on the item’s id when the title is missing', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: ⟦1⟧
            description: bez názvu
        `,
        { code: 'schema', messages: ['Missing required key `title`.'] },
      ));

    it('on the item’s first key when the id is missing', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - ⟦title⟧: Bez kódu
            description: x
        `,
        { code: 'schema', messages: ['Missing required key `id`.'] },
      ));

    it('twice on the first key when both id and title are missing', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - ⟦⟦description⟧⟧: ani kód, ani název
        `,
        { code: 'schema', messages: [/`(id|title)`/, /`(id|title)`/] },
      ));

    it('on the document id when the document title is missing', () =>
      check(
        `
        strategy: ⟦a⟧
        items:
          - id: 1
            title: P
        `,
        { code: 'schema', messages: ['Missing required key `title`.'] },
      ));

    it('on the first key when `strategy` is missing', () =>
      check(
        `
        ⟦title⟧: A
        items:
          - id: 1
            title: P
        `,
        { code: 'schema', messages: ['Missing required key `strategy`.'] },
      ));

    it('on the item’s id in a flow mapping', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - { id: ⟦1⟧ }
        `,
        'schema',
      ));

    it('on a descriptor without a title in a catalog', () =>
      check(
        `
        //- /c.descriptors.yaml
        catalog: c
        title: C
        areas:
          - id: XXII
            descriptors:
              - id: ⟦XXII.a⟧
        `,
        'schema',
      ));
  });

  describe('unknown key', () => {
    it('is a warning on the key, with the closest known key', () =>
      check(
        `
        strategy: a
        title: A
        ⟦gaolsFrom⟧: plan
        items:
          - id: 1
            title: P
            ⟦titel⟧: Překlep
            ⟦poznamka⟧: něco
        `,
        {
          code: 'schema',
          severity: 'warning',
          messages: ['Unknown key `gaolsFrom` — did you mean `goalsFrom`?', 'Unknown key `titel` — did you mean `title`?', 'Unknown key `poznamka`.'],
        },
      ));

    it('is a warning in an indicator, a budget and an actor', () =>
      check(
        `
        strategy: a
        title: A
        actors:
          - id: nmc
            ⟦nazev⟧: NMC
        items:
          - id: 1
            title: P
            budget: { amount: 1000000, currency: CZK, ⟦zdroj⟧: HMP }
            indicators:
              - name: Počet úvazků
                ⟦jednotka⟧: FTE
        `,
        { code: 'schema', severity: 'warning' },
      ));

    it('is a warning for a key that does not fit a workspace document link', () =>
      check(
        `
        //- /b.strategy.yaml
        strategy: b
        title: B
        //- /a.strategy.yaml
        strategy: a
        title: A
        documents:
          - strategy: b
            url: https://example.org
            ⟦verze⟧: 2
        `,
        { code: 'schema', severity: 'warning' },
      ));
  });

  describe('does not fire', () => {
    it('on free-text fields given numbers or booleans (`title: 2022`)', () =>
      clean(`
        strategy: a
        title: 2022
        owner: 1
        period: 2022
        description: 3.14
        levels: [1, 2, 3]
        targetGroups: [2022, cizinci]
        values: [true]
        opportunities: [1]
        risks: [2]
        actors:
          - id: 7
            name: 2022
        documents:
          - title: 2030
        items:
          - id: 1
            title: 2022
            description: 2
            status: 100
            responsible: 7
            timeline: { from: 2022, to: 2025 }
            budget: { amount: 1000000, currency: CZK, source: 2024 }
            indicators:
              - name: 12
                unit: 3
                baseline: 3
                target: 5
                year: 2025
        `));

    it('on every optional key of the spec at the top and in items', () =>
      clean(`
        //- /plan.strategy.yaml
        strategy: plan
        title: Plán
        items:
          - id: 1
            title: Cíl
        //- /a.strategy.yaml
        strategy: a
        title: Koncepce
        owner: Hlavní město Praha
        period: 2022–2027
        description: Popis.
        levels: [Prioritní oblast, Specifický cíl, Opatření, Aktivita]
        goalsFrom: plan
        targetGroups: [Cizinci]
        values: [Otevřenost]
        opportunities: [Rozvoj]
        risks: [Nezájem]
        actors:
          - id: nmc
            name: Oddělení NMC
        documents:
          - title: Strategický rámec Česká republika 2030
            url: https://www.cr2030.cz/
          - title: Bez odkazu
          - strategy: a
          - strategy: a
            title: Tento dokument
        items:
          - id: 1
            title: P
            description: Popis.
            descriptors: [VIII.e]
            goals: [1]
            related: []
            responsible: nmc
            partners: [nmc]
            indicators:
              - name: Počet úvazků
                unit: FTE
                baseline: 3
                target: 5
                year: 2025
            timeline: { from: 2022, to: 2027 }
            budget: { amount: 1000000, currency: CZK, source: rozpočet HMP }
            status: probíhá
            items: []
        `));

    it('on an empty strategy (no items)', () =>
      clean(`
        strategy: a
        title: A
        `));

    it('on a catalog with area titles left out', () =>
      clean(`
        //- /c.descriptors.yaml
        catalog: c
        title: C
        areas:
          - id: XXII
            descriptors:
              - id: XXII.a
                title: něco
                description: delší popis
        `));
  });
});
