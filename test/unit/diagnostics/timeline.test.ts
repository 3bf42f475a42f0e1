/**
 * Spec 6.7: timeline values are a year, a month or a day; `to` may not end
 * before `from` starts.
 */
import { check, clean } from './check';

describe('diagnostics: timelines (spec 6.7)', () => {
  it('accepts years, months in both forms and days that exist, either end absent, and coarser ends', () =>
    clean(`
      strategy: a
      title: A
      items:
        - id: 1
          title: P
          timeline: { from: 2024, to: 2025 }
        - id: 2
          title: P
          timeline: { from: 2024-01, to: 12/2024 }
        - id: 3
          title: P
          timeline: { from: "2024-02-29", to: 2024 }
        - id: 4
          title: P
          timeline: { from: 2024 }
        - id: 5
          title: P
          timeline: { to: 3/2025 }
        - id: 6
          title: P
          timeline: { from: 2024, to: 2024-03 }
    `));

  it('a value in none of the forms, a month 13 or a day that does not exist is a warning on that value', () =>
    check(
      `
      strategy: a
      title: A
      items:
        - id: 1
          title: P
          timeline: { from: ⟦2024-13⟧, to: ⟦průběžně⟧ }
        - id: 2
          title: P
          timeline: { from: ⟦2023-02-29⟧, to: ⟦13/2024⟧ }
      `,
      { code: 'schema', severity: 'warning', messages: [/`from` of `timeline`: `2024-13`/, /`to` of `timeline`: `průběžně`/, /`2023-02-29`/, /`13\/2024`/] },
    ));

  it('a `to` that ends before `from` starts is a warning on `to`', () =>
    check(
      `
      strategy: a
      title: A
      items:
        - id: 1
          title: P
          timeline: { from: 2025, to: ⟦2024-12⟧ }
        - id: 2
          title: P
          timeline: { from: 3/2024, to: ⟦2024-02-28⟧ }
      `,
      { code: 'schema', severity: 'warning', messages: ['The timeline ends (`2024-12`) before it starts (`2025`).', 'The timeline ends (`2024-02-28`) before it starts (`3/2024`).'] },
    ));
});
