/**
 * The words of the reports and the Strategy Overview, in English and Czech
 * (Czech from the glossary: matice vazeb, pokrytí, nepokrytý cíl, gestor…).
 * They extend the server's message tables (`messages.ts`), so a report is
 * formatted by the same `Messages` as the diagnostics.
 */
import { createMessages, Locale, Messages } from '../messages';

const EN: Record<string, string> = {
  'report.title': 'Strategy Overview',
  'report.workspace': 'All strategy documents of the workspace',
  'report.empty': 'There is no strategy document to report on.',
  'report.errors': 'Files with errors: the report shows what could be read from them.',
  'report.errorCount': '{0} — errors: {1}',
  'report.document': 'Document',
  'report.goalsFrom': 'Goals from',
  'report.contents': 'Contents',
  'report.items': 'Items',
  'report.noItems': 'The document has no items.',
  'report.matrix': 'Link matrix',
  'report.matrixOf': 'Measures × goals of {0}',
  'report.note.noGoalsFrom': 'No link matrix: the document names no strategic plan in `goalsFrom`, so its measures have no plan goals to link to.',
  'report.note.planNotInWorkspace': 'No link matrix: the strategic plan `{0}` named in `goalsFrom` is not in the workspace.',
  'report.note.noMeasures': 'No link matrix: the document has no measures (spec §7).',
  'report.total': 'Total',
  'report.other': 'other links',
  'report.coverage': 'Coverage',
  'report.measures': 'Measures',
  'report.planGoals': 'Goals of the plan',
  'report.share.goals': 'with goal links',
  'report.share.indicators': 'with an indicator',
  'report.share.responsible': 'with a responsible actor',
  'report.share.descriptors': 'with descriptors',
  'report.gaps': 'Gaps',
  'report.noGaps': 'No gaps.',
  'report.gap.uncoveredGoals': 'Goals not covered',
  'report.gap.withoutGoals': 'Measures without goal links',
  'report.gap.withoutIndicator': 'Measures without indicator',
  'report.gap.withoutResponsible': 'Measures without responsible actor',
  'report.gap.withoutDescriptors': 'Measures without descriptors',
  'report.responsibility': 'Responsibility overview',
  'report.actor': 'Actor',
  'report.asResponsible': 'Responsible for',
  'report.asPartner': 'Partner in',
  'report.noActors': 'No actors.',
  'report.indicators': 'Indicator overview',
  'report.noIndicators': 'No indicators.',
  'report.item': 'Item',
  'report.indicator': 'Indicator',
  'report.unit': 'Unit',
  'report.baseline': 'Baseline',
  'report.target': 'Target',
  'report.year': 'Year',
  'report.descriptors': 'Descriptors',
  'report.noDescriptors': 'No descriptors.',
  'report.area': 'Area {0}',
  'report.goals': 'Goal links',
  'report.related': 'Related items',
  'report.responsible': 'Responsible',
  'report.partners': 'Partners',
  'report.status': 'Status',
  'report.removed': 'removed',
  'report.code': 'Code',
  'report.title.column': 'Title',
  'report.budget': 'Budget',
  'report.noBudget': 'No item has a budget.',
  'report.budgetItems': 'Items counted',
  'report.budgetUnreadable': 'Amounts that are not numbers, not counted: {0}',
  'report.currencyNone': '(no currency)',
};

const CS: Record<string, string> = {
  'report.title': 'Přehled strategie',
  'report.workspace': 'Všechny strategické dokumenty pracovního prostoru',
  'report.empty': 'Není tu žádný strategický dokument, z něhož by šel přehled sestavit.',
  'report.errors': 'Soubory s chybami: přehled ukazuje, co z nich šlo přečíst.',
  'report.errorCount': '{0} — chyby: {1}',
  'report.document': 'Dokument',
  'report.goalsFrom': 'Cíle z dokumentu',
  'report.contents': 'Obsah',
  'report.items': 'Položky',
  'report.noItems': 'Dokument nemá žádné položky.',
  'report.matrix': 'Matice vazeb',
  'report.matrixOf': 'Opatření × cíle dokumentu {0}',
  'report.note.noGoalsFrom': 'Matice vazeb chybí: dokument v `goalsFrom` neuvádí strategický plán, jeho opatření tedy nemají na jaké cíle odkazovat.',
  'report.note.planNotInWorkspace': 'Matice vazeb chybí: strategický plán `{0}` uvedený v `goalsFrom` v pracovním prostoru není.',
  'report.note.noMeasures': 'Matice vazeb chybí: dokument nemá žádná opatření (specifikace §7).',
  'report.total': 'Celkem',
  'report.other': 'další vazby',
  'report.coverage': 'Pokrytí',
  'report.measures': 'Opatření',
  'report.planGoals': 'Cíle plánu',
  'report.share.goals': 's vazbou na cíl',
  'report.share.indicators': 's indikátorem',
  'report.share.responsible': 's gestorem',
  'report.share.descriptors': 's deskriptory',
  'report.gaps': 'Mezery',
  'report.noGaps': 'Žádné mezery.',
  'report.gap.uncoveredGoals': 'Nepokryté cíle',
  'report.gap.withoutGoals': 'Opatření bez vazby na cíl',
  'report.gap.withoutIndicator': 'Opatření bez indikátoru',
  'report.gap.withoutResponsible': 'Opatření bez gestora',
  'report.gap.withoutDescriptors': 'Opatření bez deskriptorů',
  'report.responsibility': 'Přehled odpovědností',
  'report.actor': 'Aktér',
  'report.asResponsible': 'Gestor u',
  'report.asPartner': 'Partner u',
  'report.noActors': 'Žádní aktéři.',
  'report.indicators': 'Přehled indikátorů',
  'report.noIndicators': 'Žádné indikátory.',
  'report.item': 'Položka',
  'report.indicator': 'Indikátor',
  'report.unit': 'Jednotka',
  'report.baseline': 'Výchozí hodnota',
  'report.target': 'Cílová hodnota',
  'report.year': 'Rok',
  'report.descriptors': 'Deskriptory',
  'report.noDescriptors': 'Žádné deskriptory.',
  'report.area': 'Oblast {0}',
  'report.goals': 'Vazba na cíle',
  'report.related': 'Související položky',
  'report.responsible': 'Gestor',
  'report.partners': 'Partneři',
  'report.status': 'Stav',
  'report.removed': 'vypuštěno',
  'report.code': 'Kód',
  'report.title.column': 'Název',
  'report.budget': 'Rozpočet',
  'report.noBudget': 'Žádná položka nemá rozpočet.',
  'report.budgetItems': 'Započtené položky',
  'report.budgetUnreadable': 'Částky, které nejsou čísla, nezapočteny: {0}',
  'report.currencyNone': '(bez měny)',
};

/** The messages of a report in one language: the server's messages with the report's words. */
export function reportMessages(locale: Locale): Messages {
  return createMessages(locale, { en: EN, cs: CS });
}

/** The gap lists of the coverage, in the order a report shows them, with their label ids. */
export const GAP_KINDS = [
  { key: 'uncoveredGoals', label: 'report.gap.uncoveredGoals' },
  { key: 'withoutGoals', label: 'report.gap.withoutGoals' },
  { key: 'withoutIndicator', label: 'report.gap.withoutIndicator' },
  { key: 'withoutResponsible', label: 'report.gap.withoutResponsible' },
  { key: 'withoutDescriptors', label: 'report.gap.withoutDescriptors' },
] as const;

/** The shares of measures per priority, in the order of the bars, with their label ids. */
export const SHARE_KINDS = [
  { key: 'goals', label: 'report.share.goals' },
  { key: 'indicators', label: 'report.share.indicators' },
  { key: 'responsible', label: 'report.share.responsible' },
  { key: 'descriptors', label: 'report.share.descriptors' },
] as const;

/** An amount as the report's language writes it (`1 200 000` in Czech, `1,200,000` in English). */
export function formatAmount(m: Messages, amount: number): string {
  return new Intl.NumberFormat(m.locale === 'cs' ? 'cs-CZ' : 'en-GB', { maximumFractionDigits: 2 }).format(amount);
}

/** A budget total with its currency (`1 200 000 CZK`), or the amount and "(no currency)". */
export function formatTotal(m: Messages, total: { currency: string; amount: number }): string {
  return `${formatAmount(m, total.amount)} ${total.currency || m.text('report.currencyNone')}`;
}
