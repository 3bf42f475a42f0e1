/**
 * The code grammar of spec 2.1, table by table: what is a code, what extends
 * a parent, how a sibling group counts.
 */
import * as assert from 'assert';
import {
  extendsParent,
  isDescriptorCode,
  isDocumentId,
  isItemCode,
  repairDescriptorCode,
  repairItemCode,
  segmentValue,
  sequenceKindOf,
} from '../../../server/src/parse/codes';

function table<T>(name: string, rows: [string, T][], actual: (input: string) => T): void {
  describe(name, () => {
    for (const [input, expected] of rows) {
      it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.deepStrictEqual(actual(input), expected));
    }
  });
}

describe('parse: codes', () => {
  table<boolean>(
    'isItemCode',
    [
      ['2', true],
      ['2.A', true],
      ['2.A.11', true],
      ['2.A.11.I', true],
      ['A', true],
      ['A1', true],
      ['A1.1', true],
      ['C2.2.1', true],
      ['XVII', true],
      ['2.10', true],
      ['', false],
      ['1.a', false],
      ['1.A.', false],
      ['.1', false],
      ['1..2', false],
      ['1 A', false],
      ['1-2', false],
      ['1A', false],
      ['1e3', false],
      ['a', false],
      ['2.A/11', false],
    ],
    isItemCode,
  );

  table<boolean>(
    'extendsParent (child ← parent)',
    [
      ['2.A ← 2', true],
      ['2.A.11 ← 2.A', true],
      ['2.A.11.I ← 2.A.11', true],
      ['A1 ← A', true],
      ['A1.1 ← A1', true],
      ['2.A1 ← 2.A', true],
      ['B.1 ← B', true],
      ['21 ← 2', false],
      ['2.A.11 ← 2', false],
      ['3.A ← 2', false],
      ['AB ← A', false],
      ['A.B1 ← A1', false],
      ['2.A.11 ← 2.A.1', false],
      ['2.10 ← 2.1', false],
      ['2 ← 2', false],
    ],
    (s) => {
      const [child, parent] = s.split(' ← ');
      return extendsParent(child, parent);
    },
  );

  table<string | undefined>(
    'sequenceKindOf (the last segments of a sibling group)',
    [
      ['1 2 3', 'number'],
      ['A B C', 'letters'],
      ['I II III', 'roman'],
      ['I', 'roman'],
      ['II I', 'roman'],
      ['X XII', 'roman'],
      ['C D', 'letters'],
      ['V X', 'letters'],
      ['I J', 'letters'],
      ['A I', 'letters'],
      ['A1 A2', 'letters-digits'],
      ['1 A', undefined],
    ],
    (s) => sequenceKindOf(s.split(' ')),
  );

  table<number>(
    'segmentValue',
    [
      ['11 number', 11],
      ['C letters', 3],
      ['I letters', 9],
      ['IV roman', 4],
      ['XII roman', 12],
      ['A12 letters-digits', 12],
    ],
    (s) => {
      const [seg, kind] = s.split(' ');
      return segmentValue(seg, kind as Parameters<typeof segmentValue>[1]).value;
    },
  );

  table<boolean>(
    'isDescriptorCode',
    [
      ['VIII.e', true],
      ['XVII.b', true],
      ['XXI.b', true],
      ['VI.h', true],
      ['viii.e', false],
      ['VIII.E', false],
      ['VIII', false],
      ['8.e', false],
      ['IIII.a', false],
      ['VIII.ab', false],
    ],
    isDescriptorCode,
  );

  table<boolean>(
    'isDocumentId',
    [
      ['praha-integrace', true],
      ['kv-plan', true],
      ['2030', true],
      ['1-plan', true],
      ['Praha', false],
      ['-praha', false],
      ['praha_integrace', false],
      ['praha integrace', false],
      ['', false],
    ],
    isDocumentId,
  );

  table<string | undefined>(
    'repairItemCode (the suggestion of an invalid-id)',
    [
      ['1.A.', '1.A'],
      ['1.a', '1.A'],
      [' 2.A ', '2.A'],
      ['2.\u0410', '2.A'],
      ['1-2', undefined],
    ],
    repairItemCode,
  );

  table<string | undefined>(
    'repairDescriptorCode',
    [
      ['viii.E', 'VIII.e'],
      ['VIII.E', 'VIII.e'],
      ['8.e', undefined],
    ],
    repairDescriptorCode,
  );
});
