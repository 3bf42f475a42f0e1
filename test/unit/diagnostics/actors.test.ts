/**
 * `unknown-actor` (spec 2.2, 4): `responsible` / `partners` name an actor not
 * declared in this document's `actors`.
 */
import { check, clean } from './check';

describe('diagnostics: unknown-actor', () => {
  describe('fires', () => {
    it('on an undeclared responsible body and partner, with the closest actor', () =>
      check(
        `
        strategy: a
        title: A
        actors:
          - id: nmc
            name: Oddělení národnostních menšin a cizinců MHMP
          - id: icp
            name: Integrační centrum Praha
        items:
          - id: 1
            title: P
            responsible: ⟦nmcc⟧
            partners: [icp, ⟦icpp⟧, ⟦mvcr⟧]
        `,
        {
          code: 'unknown-actor',
          messages: [
            'Unknown actor `nmcc`: it is not declared in `actors` — did you mean `nmc`?',
            'Unknown actor `icpp`: it is not declared in `actors` — did you mean `icp`?',
            'Unknown actor `mvcr`: it is not declared in `actors`.',
          ],
        },
      ));

    it('on an actor declared only in another document (actors are per document)', () =>
      check(
        `
        //- /b.strategy.yaml
        strategy: b
        title: B
        actors:
          - id: nmc
        //- /a.strategy.yaml
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            responsible: ⟦nmc⟧
        `,
        'unknown-actor',
      ));

    it('on a quoted undeclared actor, inside the quotes', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            responsible: "⟦nmc⟧"
        `,
        'unknown-actor',
      ));
  });

  describe('does not fire', () => {
    it('on declared actors, in any order, quoted or not', () =>
      clean(`
        strategy: a
        title: A
        items:
          - id: 1
            title: P
            responsible: nmc
            partners: ['icp', "nmc", mhmp-osm]
        actors:
          - id: nmc
            name: Oddělení NMC
          - id: icp
            name: ICP
          - id: mhmp-osm
        `));
  });
});
