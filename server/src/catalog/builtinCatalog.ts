/**
 * The built-in descriptor catalog: the national descriptor codes that strategy
 * measures are tagged with (`VIII.e začleňování cizinců`).
 *
 * The entries are exactly the descriptors that appear in Prague's integration
 * conception 2022–2027 as exported from the national strategy database
 * (`shared/seeds/004_2f385f30ca4b1281.txt`, the lines that match
 * `^[IVXL]+\.[a-z] `), with their Czech names as written there, sorted by area
 * and letter. None is invented. The areas have no titles because their official
 * names are not published in machine-readable form; workspace catalogs
 * (`*.descriptors.yaml`) add further descriptors and may redefine these.
 */

/** URI under which the built-in catalog is indexed. */
export const BUILTIN_CATALOG_URI = 'strategy-codes:/builtin.descriptors.yaml';

/** The built-in descriptor catalog, in the catalog file format of the spec (section 3). */
export const BUILTIN_CATALOG_TEXT: string = `catalog: cz-deskriptory
title: Deskriptory Databáze strategií
areas:
  - id: VI
    descriptors:
      - id: VI.b
        title: základní vzdělávání
      - id: VI.c
        title: střední vzdělávání
      - id: VI.h
        title: další vzdělávání
  - id: VIII
    descriptors:
      - id: VIII.a
        title: aktivní začleňování
      - id: VIII.e
        title: začleňování cizinců
  - id: IX
    descriptors:
      - id: IX.a
        title: sociální poradenství
      - id: IX.b
        title: sociální péče
      - id: IX.e
        title: financování sociálních služeb
  - id: XVII
    descriptors:
      - id: XVII.b
        title: optimalizace procesů ve veřejné správě
      - id: XVII.c
        title: veřejné služby
      - id: XVII.d
        title: digitalizace agend veřejné správy
      - id: XVII.e
        title: kvalifikace ve veřejné správě
      - id: XVII.h
        title: participace občanů na veřejné správě
  - id: XXI
    descriptors:
      - id: XXI.b
        title: zájmová činnost a rekreace
`;
