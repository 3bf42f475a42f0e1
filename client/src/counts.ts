/**
 * Counted phrases in the UI language ("1 strategy", "2 chyby", "5 kódů"). Each phrase has three
 * translation keys: the singular, the Czech 2–4 form (a key of its own through its comment) and the
 * general plural; English gives the last two the same text. `plural.ts` chooses among them.
 */
import * as vscode from 'vscode';
import { choosePlural } from './plural';

const l10n = vscode.l10n;

function counted(n: number, one: string, few: string, other: string): string {
  return choosePlural(n, vscode.env.language, { one, few, other });
}

export const strategyCount = (n: number): string =>
  counted(n, l10n.t('{0} strategy', n), l10n.t({ message: '{0} strategies', args: [n], comment: ['plural: few'] }), l10n.t('{0} strategies', n));
export const catalogCount = (n: number): string =>
  counted(n, l10n.t('{0} catalog', n), l10n.t({ message: '{0} catalogs', args: [n], comment: ['plural: few'] }), l10n.t('{0} catalogs', n));
export const codeCount = (n: number): string =>
  counted(n, l10n.t('{0} code', n), l10n.t({ message: '{0} codes', args: [n], comment: ['plural: few'] }), l10n.t('{0} codes', n));
export const itemCount = (n: number): string =>
  counted(n, l10n.t('{0} item', n), l10n.t({ message: '{0} items', args: [n], comment: ['plural: few'] }), l10n.t('{0} items', n));
export const errorCount = (n: number): string =>
  counted(n, l10n.t('{0} error', n), l10n.t({ message: '{0} errors', args: [n], comment: ['plural: few'] }), l10n.t('{0} errors', n));
export const warningCount = (n: number): string =>
  counted(n, l10n.t('{0} warning', n), l10n.t({ message: '{0} warnings', args: [n], comment: ['plural: few'] }), l10n.t('{0} warnings', n));

/** `3 goals uncovered` (`3 nepokryté cíle`). */
export const uncoveredGoalCount = (n: number): string =>
  counted(n, l10n.t('{0} goal uncovered', n), l10n.t({ message: '{0} goals uncovered', args: [n], comment: ['plural: few'] }), l10n.t('{0} goals uncovered', n));
/** `5 measures without goal link`. */
export const withoutGoalCount = (n: number): string =>
  counted(n, l10n.t('{0} measure without goal link', n), l10n.t({ message: '{0} measures without goal link', args: [n], comment: ['plural: few'] }), l10n.t('{0} measures without goal link', n));
/** `5 measures without indicator`. */
export const withoutIndicatorCount = (n: number): string =>
  counted(n, l10n.t('{0} measure without indicator', n), l10n.t({ message: '{0} measures without indicator', args: [n], comment: ['plural: few'] }), l10n.t('{0} measures without indicator', n));
/** `5 measures without responsible body`. */
export const withoutResponsibleCount = (n: number): string =>
  counted(n, l10n.t('{0} measure without responsible body', n), l10n.t({ message: '{0} measures without responsible body', args: [n], comment: ['plural: few'] }), l10n.t('{0} measures without responsible body', n));
