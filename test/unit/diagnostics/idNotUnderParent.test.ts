/**
 * `id-not-under-parent` (spec 2.1, 4): a child's id starts with its parent's
 * id, followed by `.` and one segment — or, where the parent's id ends in
 * letters, directly by digits (`A` → `A1`). Top-level items have any valid id.
 */
import { check, clean } from './check';

describe('diagnostics: id-not-under-parent', () => {
  describe('fires', () => {
    it('on a child from another branch, naming both codes', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: První
          - id: 2
            title: X
            items:
              - id: ⟦3.A⟧
                title: Y
        `,
        { code: 'id-not-under-parent', messages: ['Code `3.A` does not extend its parent `2`.'] },
      ));

    it('on a child that skips a level (`2` → `2.A.11`)', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: První
          - id: 2
            title: X
            items:
              - id: ⟦2.A.11⟧
                title: Y
        `,
        'id-not-under-parent',
      ));

    it('on a child that only shares the parent’s text as a prefix (`2` → `21`, `2.A` → `2.AB.1`)', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: První
          - id: 2
            title: X
            items:
              - id: ⟦21⟧
                title: Y
              - id: 2.A
                title: Y
                items:
                  - id: ⟦2.AB.1⟧
                    title: Z
        `,
        'id-not-under-parent',
      ));

    it('on digits appended directly to a parent ending in digits (`2.A.1` → `2.A.11`)', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: První
          - id: 2
            title: X
            items:
              - id: 2.A
                title: Y
                items:
                  - id: 2.A.1
                    title: Z
                    items:
                      - id: ⟦2.A.11⟧
                        title: W
        `,
        'id-not-under-parent',
      ));

    it('on letters appended directly to a parent ending in letters (`A` → `AB`)', () =>
      check(
        `
        strategy: plan
        title: P
        items:
          - id: A
            title: X
            items:
              - id: ⟦AB⟧
                title: Y
        `,
        'id-not-under-parent',
      ));

    it('on the same code as the parent', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: X
            items:
              - id: ⟦1⟧
                title: Y
        `,
        { code: 'id-not-under-parent', allow: ['duplicate-id'] },
      ));

    it('on a quoted child id (its text, not its quotes)', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: X
            items:
              - id: "⟦2.A⟧"
                title: Y
        `,
        'id-not-under-parent',
      ));

    it('on `2.10` under `2.1` read as written, and not on `2.1.1` under `2.1`', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: První
          - id: 2
            title: X
            items:
              - id: 2.1
                title: Y
                items:
                  - id: 2.1.1
                    title: Z
                  - id: ⟦2.10⟧
                    title: Z
        `,
        'id-not-under-parent',
      ));

    it('on a catalog descriptor outside its area', () =>
      check(
        `
        //- /c.descriptors.yaml
        catalog: c
        title: C
        areas:
          - id: IX
            descriptors:
              - { id: IX.f, title: x }
              - { id: ⟦VIII.f⟧, title: y }
        `,
        { code: 'id-not-under-parent', messages: ['Descriptor `VIII.f` is not in area `IX`.'] },
      ));
  });

  describe('does not fire', () => {
    it('on the Prague tree (`2` → `2.A` → `2.A.1` → `2.A.1.I`)', () =>
      clean(`
        strategy: a
        title: A
        items:
          - id: 1
            title: První
          - id: 2
            title: X
            items:
              - id: 2.A
                title: Y
                items:
                  - id: 2.A.1
                    title: Z
                    items:
                      - id: 2.A.1.I
                        title: W
        `));

    it('on letters+digits children of a parent ending in letters (`A` → `A1` → `A1.1`, `2.A` → `2.A1`)', () =>
      clean(`
        strategy: plan
        title: P
        items:
          - id: A
            title: X
            items:
              - id: A1
                title: Y
                items:
                  - id: A1.1
                    title: Z
              - id: A2
                title: Y
          - id: B
            title: X
            items:
              - id: B.1
                title: Y
          - id: C
            title: X
            items:
              - id: C.A1
                title: Y
        `));

    it('on top-level items, whatever their valid ids', () =>
      clean(`
        strategy: a
        title: A
        items:
          - id: 2.A.1
            title: X
          - id: 3.B
            title: Y
        `));

    it('on children of an item whose own id is invalid (one error is enough)', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: ⟦1.a⟧
            title: X
            items:
              - id: 1.A
                title: Y
        `,
        'invalid-id',
      ));

    it('on grandchildren that extend a misplaced child (only the child is reported)', () =>
      check(
        `
        strategy: a
        title: A
        items:
          - id: 1
            title: X
            items:
              - id: ⟦2.A⟧
                title: Y
                items:
                  - id: 2.A.1
                    title: Z
                  - id: 2.A.2
                    title: Z
        `,
        'id-not-under-parent',
      ));
  });
});
