/**
 * Spec 6.4: documents outside the workspace, declared in `documents`.
 */
import { check, clean } from './check';

describe('diagnostics: outside documents (spec 6.4)', () => {
  it('qualified references, `goalsFrom` and `implements` to a declared outside document are valid and not checked further', () =>
    clean(`
      //- /a.strategy.yaml
      strategy: a
      title: A
      goalsFrom: kic
      documents:
        - id: kic
          title: Koncepce integrace cizinců
          url: https://www.mvcr.cz/koncepce
      items:
        - id: 1
          title: P
          related: [kic/3.2.1]
          goals: [B7, kic/A1]
      //- /b.strategy.yaml
      strategy: b
      title: B
      implements: kic
      items:
        - id: 1
          title: P
    `));

  it('the codes of an outside reference must still follow the code grammar', () =>
    check(
      `
      strategy: a
      title: A
      documents:
        - id: kic
          title: Koncepce
      items:
        - id: 1
          title: P
          related: [kic/⟦3..1⟧]
      `,
      'invalid-id',
    ));

  it('a declaration applies to the whole workspace', () =>
    clean(`
      //- /a.strategy.yaml
      strategy: a
      title: A
      documents:
        - id: kic
          title: Koncepce
      //- /b.strategy.yaml
      strategy: b
      title: B
      items:
        - id: 1
          title: P
          related: [kic/3.2.1]
      //- /c.md
      ---
      strategy: kic
      ---
      See kic/1.2.
    `));

  it('when a workspace document has the same id, that document wins and its codes are checked; the declaration is not reported', () =>
    check(
      `
      //- /kic.strategy.yaml
      strategy: kic
      title: Koncepce
      items:
        - id: 1
          title: P
      //- /a.strategy.yaml
      strategy: a
      title: A
      documents:
        - id: kic
          title: Koncepce integrace cizinců
      items:
        - id: 1
          title: P
          related: [kic/1, ⟦kic/2⟧]
      `,
      'unknown-item',
    ));

  it('`title` is required unless the entry has `strategy`', () =>
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
        - id: ⟦kic⟧
          url: https://example.org
      `,
      { code: 'schema', messages: ['Missing required key `title`.'] },
    ));

  it('`strategy` and `id` together are a schema error', () =>
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
          ⟦id⟧: kic
      `,
      { code: 'schema', messages: ['A `documents` entry names either a workspace document (`strategy`) or an outside one (`id`), not both.'] },
    ));

  it('the same id declared outside twice is no problem', () =>
    clean(`
      //- /a.strategy.yaml
      strategy: a
      title: A
      documents:
        - id: kic
          title: Koncepce
      //- /b.strategy.yaml
      strategy: b
      title: B
      documents:
        - id: kic
          title: Koncepce integrace cizinců
          url: https://example.org
      items:
        - id: 1
          title: P
          related: [kic/1]
    `));

  it('unknown-strategy stays for ids neither in the workspace nor declared, and suggests declared ones', () =>
    check(
      `
      strategy: a
      title: A
      documents:
        - id: koncepce-integrace
          title: Koncepce
      items:
        - id: 1
          title: P
          related: [⟦koncepce-integrce/1⟧]
      `,
      { code: 'unknown-strategy', messages: ['Unknown strategy document `koncepce-integrce` — did you mean `koncepce-integrace/1`?'] },
    ));
});
