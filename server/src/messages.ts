/**
 * Every text the server shows, in English and Czech. Diagnostics and other
 * results carry a message id with arguments; `createMessages(locale)` returns
 * the formatter for one language, chosen from the client's display language.
 */
import { Message } from './model/types';

export type Locale = 'en' | 'cs';

type Table = Record<string, string>;

/** Default level names by depth (spec section 2). */
const LEVELS: Record<Locale, string[]> = {
  en: ['Priority', 'Objective', 'Measure', 'Activity'],
  cs: ['Prioritní oblast', 'Specifický cíl', 'Opatření', 'Aktivita'],
};

const EN: Table = {
  'yaml.syntax': 'YAML syntax error: {0}',
  'yaml.internal': 'The file could not be read: {0}',
  'yaml.tabs': 'Tabs are not allowed for indentation in YAML: indent with spaces.',
  'yaml.moreErrors': '{0} more YAML errors from here on are not shown: fix the ones above first.',
  'yaml.tooLarge': 'The file is too large to check ({0} MB; the limit is {1} MB, setting strategyCodes.limits.maxFileSizeMB).',
  'yaml.tooDeep': 'Collections are nested deeper than {0} levels here; the file is not checked.',
  'yaml.aliasLimit': 'Expanding the aliases here would add more than {0} nodes: the file looks like an alias bomb ("billion laughs"). Its aliases are not expanded and its structure is not checked.',
  'yaml.aliasRecursive': 'This alias stands inside the node it refers to, so it would expand forever. The file\'s aliases are not expanded and its structure is not checked.',
  'file.binary': 'The file contains NUL bytes: it is binary, or text in another encoding than UTF-8. Save it as UTF-8; it is not checked.',
  'file.utf16': 'The file is encoded as UTF-16. Save it as UTF-8 (in VS Code: the encoding in the status bar, "Save with Encoding", UTF-8); it is not checked.',
  'file.invalidUtf8': 'The file is not valid UTF-8 here (the bytes show as U+FFFD; was it saved as Windows-1250?). Save it as UTF-8.',
  'file.controlChar': 'Character {0} is not allowed in YAML (control characters like it often come with text pasted from Word). Delete it or replace it with a space.',
  'file.empty': 'The file is empty: a {0} file needs `{0}:` and `title:`.',
  'file.notMapping': 'A {0} file must be a mapping with `{0}:` and `title:` keys, not a list or a single value.',
  'file.multipleDocuments': 'Only one YAML document per file: this second document is ignored.',
  'schema.required': 'Missing required key `{0}`.',
  'schema.unknownKey': 'Unknown key `{0}`.',
  'schema.type.list': '`{0}` must be a list.',
  'schema.type.mapping': '`{0}` must be a mapping.',
  'schema.type.code': '`{0}` must be a code (text or a number).',
  'schema.type.text': '`{0}` must be text.',
  'schema.alternatives': 'This `{0}` entry must be either `{strategy: doc-id}` for a document in the workspace, `{id: doc-id, title, url}` for an outside document whose codes are cited, or `{title, url}`.',
  'schema.other': '`{0}`: {1}.',
  'id.invalidCode': 'Invalid code `{0}`: a code is segments joined by `.` (numbers, capital letters, Roman numerals, or capitals followed by digits, e.g. `2.A.11.I`, `A1.1`).',
  'id.invalidDocument': 'Invalid document id `{0}`: use lowercase letters, digits and `-`, starting with a letter or digit.',
  'id.invalidDescriptor': 'Invalid descriptor code `{0}`: a Roman-numeral area, `.`, and a lowercase letter (e.g. `VIII.e`).',
  'id.invalidArea': 'Invalid area code `{0}`: an area is a Roman numeral (e.g. `VIII`).',
  'id.invalidActor': 'Invalid actor id `{0}`: it must not be empty or contain spaces.',
  'id.empty': 'Empty code.',
  'id.lookalike': 'Invalid code `{0}`: it contains `{1}` ({2}), which only looks like `{3}`.',
  'id.notUnderParent': 'Code `{0}` does not extend its parent `{1}`.',
  'id.descriptorNotInArea': 'Descriptor `{0}` is not in area `{1}`.',
  'dup.item': 'Duplicate code `{0}` in this document.',
  'dup.actor': 'Duplicate actor id `{0}` in this document.',
  'dup.descriptor': 'Duplicate descriptor `{0}`.',
  'dup.area': 'Duplicate area `{0}` in this catalog.',
  'dup.otherPlace': '`{0}` is also defined here.',
  'dup.strategy': 'Duplicate document id `{0}`: another strategy document has the same id.',
  'dup.catalog': 'Duplicate catalog id `{0}`: another catalog has the same id.',
  'gap.missing': 'Numbering gap: `{0}` is missing before `{1}`.',
  'gap.missingRange': 'Numbering gap: `{0}` … `{1}` are missing before `{2}` ({3} values).',
  'gap.order': 'Numbering out of order: `{0}` stands where `{1}` is expected.',
  'unknown.item': 'Unknown {0} `{1}`.',
  'unknown.itemIn': 'Unknown {0} `{1}` in `{2}`.',
  'unknown.goal': 'Unknown goal `{0}` in `{1}`.',
  'unknown.descriptor': 'Unknown descriptor `{0}`.',
  'unknown.actor': 'Unknown actor `{0}`: it is not declared in `actors`.',
  'unknown.strategy': 'Unknown strategy document `{0}`.',
  'missingGoalsFrom': 'Goal `{0}` cannot be resolved: the document has no `goalsFrom`.',
  'selfReference': 'Item `{0}` lists itself in `related`.',
  'selfReference.goalsFrom': 'Document `{0}` names itself in `goalsFrom`: its goals are looked up in this document.',
  'selfReference.after': 'Item `{0}` lists itself in `after`.',
  'selfReference.implements': 'Document `{0}` names itself in `implements`: a plan carries out another document.',
  'missingGoalsFrom.plan': 'Goal `{0}` cannot be resolved: neither this plan nor the strategy it implements (`{1}`) has `goalsFrom`.',
  'removed.reference': '`{0}` is removed (`status: {1}`).',
  'removed.standsFor': 'Item `{0}` stands for an item of `{1}` that is removed (`status: {2}`).',
  'dependency.cycle': 'Dependency cycle: `{0}` comes after `{1}`, which through `after` comes after `{0}` again.',
  'dependency.cycleOther': 'Another `after` link of the cycle.',
  'schema.timelineValue': '`{0}` of `timeline`: `{1}` is not a year (`2024`), a month (`2024-01`, `1/2024`) or a day (`2024-01-31`) that exists.',
  'schema.timelineOrder': 'The timeline ends (`{0}`) before it starts (`{1}`).',
  'schema.groupWithId': 'An entry with `id` is an item, not a group: its `group` key is ignored.',
  'schema.idWithStrategy': 'A `documents` entry names either a workspace document (`strategy`) or an outside one (`id`), not both.',
  'schema.forbidden': '`{0}` is not allowed here.',
  'coverage.missingIndicator': '{0} `{1}` has no indicator: neither it nor any item below it lists `indicators`.',
  'coverage.missingResponsible': '{0} `{1}` has no responsible actor: neither it nor any item below it names one in `responsible`.',
  'coverage.missingGoal': '{0} `{1}` has no goal link: neither it nor any item below it names a goal of `{2}` in `goals`.',
  'coverage.uncoveredGoal': 'Goal `{0}` is not covered: no `goals` entry in the workspace links to it.',
  didYouMean: '{0} — did you mean {1}?',
  'progress.indexing': 'Indexing strategies',
  'progress.count': 'indexing {0} / {1}',
  'tree.area': 'Area',
  'tree.descriptor': 'Descriptor',
  or: ' or ',
  item: 'item',
  // Navigation and editing features (hover, rename, quick fixes, code lenses, completion).
  'hover.document': 'Strategy document',
  'hover.descriptor': 'Descriptor',
  'hover.actor': 'Actor',
  'hover.descriptors': 'Descriptors',
  'hover.goals': 'Goal links',
  'hover.responsible': 'Responsible',
  'hover.partners': 'Partners',
  'hover.related': 'Related items',
  'hover.indicator': 'Indicator',
  'hover.unit': 'Unit',
  'hover.baseline': 'Baseline',
  'hover.target': 'Target value',
  'hover.year': 'Year',
  'hover.catalog': 'Catalog',
  'hover.builtin': 'built-in',
  'hover.usedBy': 'Used by {0}',
  'hover.actorItems': 'Items',
  'hover.asResponsible': 'responsible',
  'hover.asPartner': 'partner',
  'hover.outside': 'Outside document (declared in `documents`)',
  'hover.notChecked': 'The document is outside the workspace: this code is not checked.',
  'hover.outsideNotChecked': 'The document is outside the workspace: its codes are not checked.',
  'hover.removed': 'Removed (`status: {0}`): the item keeps its code.',
  'hover.standsFor': 'Stands for `{0}` of `{1}`: {2}',
  'hover.plan': 'Plan of `{0}`',
  'hover.after': 'Comes after',
  'hover.before': 'Followed by',
  'hover.group': 'Group',
  'refs.one': '{0} reference',
  'refs.few': '{0} references',
  'refs.many': '{0} references',
  'items.one': '{0} item',
  'items.few': '{0} items',
  'items.many': '{0} items',
  'rename.nothing': 'Nothing to rename here: place the cursor on an item code, a document id, an actor or a descriptor of a workspace catalog.',
  'rename.outsideCode': 'The codes of `{0}` are outside the workspace: they cannot be renamed here.',
  'rename.unresolved': 'This code does not resolve, so there is nothing to rename. {0}',
  'rename.builtin': 'Descriptor `{0}` comes from the built-in catalog and cannot be renamed.',
  'rename.invalidCode': 'Cannot rename to `{0}`: it is not a valid code (segments joined by `.`, e.g. `2.A.11`).',
  'rename.notUnderParent': 'Cannot rename to `{0}`: the code must extend its parent `{1}`.',
  'rename.collision': 'Cannot rename to `{0}`: `{0}` already exists in this document.',
  'rename.collisionChild': 'Cannot rename to `{0}`: a sub-item would become `{1}`, which already exists in this document.',
  'rename.invalidChild': 'Cannot rename to `{0}`: sub-item `{1}` would get the invalid code `{2}`.',
  'rename.invalidDocument': 'Cannot rename to `{0}`: a document id uses lowercase letters, digits and `-`.',
  'rename.documentExists': 'Cannot rename to `{0}`: another strategy document already has this id.',
  'rename.invalidActor': 'Cannot rename to `{0}`: an actor id must not contain spaces or characters such as `,`, `[`, `]`, `#`.',
  'rename.actorExists': 'Cannot rename to `{0}`: an actor with this id already exists in this document.',
  'rename.invalidDescriptor': 'Cannot rename to `{0}`: a descriptor code is a Roman-numeral area, `.`, and a lowercase letter (e.g. `VIII.e`).',
  'rename.descriptorArea': 'Cannot rename to `{0}`: the descriptor must stay in area `{1}`.',
  'rename.descriptorExists': 'Cannot rename to `{0}`: a descriptor with this code already exists.',
  'fix.replace': 'Replace with `{0}`',
  'fix.nextFree': 'Change to the next free code `{0}`',
  'fix.renumber': 'Renumber siblings (codes changed: {0})',
  'fix.addGoalsFrom': 'Add `goalsFrom: {0}`',
  'fix.declareOutside': 'Declare `{0}` as an outside document',
  'fix.removeReference': 'Remove the reference to `{0}`',
  'completion.nextFree': 'The next free code of this sequence: `{0}`',
};

const CS: Table = {
  'yaml.syntax': 'Chyba syntaxe YAML: {0}',
  'yaml.internal': 'Soubor nelze přečíst: {0}',
  'yaml.tabs': 'Tabulátory nejsou v YAML povoleny pro odsazení: odsazujte mezerami.',
  'yaml.moreErrors': 'Dalších {0} chyb YAML od tohoto místa se nezobrazuje: nejprve opravte ty výše.',
  'yaml.tooLarge': 'Soubor je příliš velký na kontrolu ({0} MB; limit je {1} MB, nastavení strategyCodes.limits.maxFileSizeMB).',
  'yaml.tooDeep': 'Vnoření je zde hlubší než {0} úrovní; soubor se nekontroluje.',
  'yaml.aliasLimit': 'Rozvinutí aliasů by zde přidalo více než {0} uzlů: soubor vypadá jako aliasová bomba („billion laughs“). Aliasy se nerozvíjejí a struktura souboru se nekontroluje.',
  'yaml.aliasRecursive': 'Tento alias stojí uvnitř uzlu, na který odkazuje, a rozvíjel by se donekonečna. Aliasy souboru se nerozvíjejí a jeho struktura se nekontroluje.',
  'file.binary': 'Soubor obsahuje bajty NUL: je binární nebo je v jiném kódování než UTF-8. Uložte jej v UTF-8; soubor se nekontroluje.',
  'file.utf16': 'Soubor je v kódování UTF-16. Uložte jej v UTF-8 (ve VS Code: kódování ve stavovém řádku, „Uložit s kódováním“, UTF-8); soubor se nekontroluje.',
  'file.invalidUtf8': 'Soubor zde není platné UTF-8 (bajty se zobrazují jako U+FFFD; nebyl uložen ve Windows-1250?). Uložte jej v UTF-8.',
  'file.controlChar': 'Znak {0} není v YAML povolen (řídicí znaky jako on často přicházejí s textem vloženým z Wordu). Smažte jej nebo nahraďte mezerou.',
  'file.empty': 'Soubor je prázdný: soubor typu {0} potřebuje `{0}:` a `title:`.',
  'file.notMapping': 'Soubor typu {0} musí být mapování s klíči `{0}:` a `title:`, ne seznam ani jediná hodnota.',
  'file.multipleDocuments': 'V souboru smí být jen jeden dokument YAML: tento druhý dokument se ignoruje.',
  'schema.required': 'Chybí povinný klíč `{0}`.',
  'schema.unknownKey': 'Neznámý klíč `{0}`.',
  'schema.type.list': '`{0}` musí být seznam.',
  'schema.type.mapping': '`{0}` musí být mapování.',
  'schema.type.code': '`{0}` musí být kód (text nebo číslo).',
  'schema.type.text': '`{0}` musí být text.',
  'schema.alternatives': 'Položka `{0}` musí být `{strategy: id-dokumentu}` pro dokument v pracovním prostoru, `{id: id-dokumentu, title, url}` pro externí dokument, jehož kódy se citují, nebo `{title, url}`.',
  'schema.other': '`{0}`: {1}.',
  'id.invalidCode': 'Neplatný kód `{0}`: kód tvoří segmenty spojené tečkou (čísla, velká písmena, římské číslice nebo velká písmena s číslicemi, např. `2.A.11.I`, `A1.1`).',
  'id.invalidDocument': 'Neplatný identifikátor dokumentu `{0}`: použijte malá písmena, číslice a `-`, na začátku písmeno nebo číslici.',
  'id.invalidDescriptor': 'Neplatný kód deskriptoru `{0}`: oblast římskou číslicí, `.` a malé písmeno (např. `VIII.e`).',
  'id.invalidArea': 'Neplatný kód oblasti `{0}`: oblast je římská číslice (např. `VIII`).',
  'id.invalidActor': 'Neplatný identifikátor aktéra `{0}`: nesmí být prázdný ani obsahovat mezery.',
  'id.empty': 'Prázdný kód.',
  'id.lookalike': 'Neplatný kód `{0}`: obsahuje `{1}` ({2}), který jen vypadá jako `{3}`.',
  'id.notUnderParent': 'Kód `{0}` nenavazuje na nadřazený kód `{1}`.',
  'id.descriptorNotInArea': 'Deskriptor `{0}` nepatří do oblasti `{1}`.',
  'dup.item': 'Duplicitní kód `{0}` v tomto dokumentu.',
  'dup.actor': 'Duplicitní identifikátor aktéra `{0}` v tomto dokumentu.',
  'dup.descriptor': 'Duplicitní deskriptor `{0}`.',
  'dup.area': 'Duplicitní oblast `{0}` v tomto katalogu.',
  'dup.otherPlace': '`{0}` je definován i zde.',
  'dup.strategy': 'Duplicitní identifikátor dokumentu `{0}`: jiný strategický dokument má stejný identifikátor.',
  'dup.catalog': 'Duplicitní identifikátor katalogu `{0}`: jiný katalog deskriptorů má stejný identifikátor.',
  'gap.missing': 'Mezera v číslování: před `{1}` chybí `{0}`.',
  'gap.missingRange': 'Mezera v číslování: před `{2}` chybí `{0}` … `{1}` ({3} hodnot).',
  'gap.order': 'Číslování mimo pořadí: `{0}` stojí tam, kde se čeká `{1}`.',
  'unknown.item': '{0} `{1}`.',
  'unknown.itemIn': '{0} `{1}` v dokumentu `{2}`.',
  'unknown.goal': 'Neznámý cíl `{0}` v dokumentu `{1}`.',
  'unknown.descriptor': 'Neznámý deskriptor `{0}`.',
  'unknown.actor': 'Neznámý aktér `{0}`: není uveden v `actors`.',
  'unknown.strategy': 'Neznámý strategický dokument `{0}`.',
  'missingGoalsFrom': 'Cíl `{0}` nelze dohledat: dokument nemá `goalsFrom`.',
  'selfReference': 'Položka `{0}` odkazuje v `related` sama na sebe.',
  'selfReference.goalsFrom': 'Dokument `{0}` uvádí v `goalsFrom` sám sebe: cíle se hledají v tomto dokumentu.',
  'selfReference.after': 'Položka `{0}` uvádí v `after` (návaznost) sama sebe.',
  'selfReference.implements': 'Dokument `{0}` uvádí v `implements` sám sebe: implementační plán naplňuje jiný dokument.',
  'missingGoalsFrom.plan': 'Cíl `{0}` nelze dohledat: `goalsFrom` nemá tento plán ani strategie, kterou naplňuje (`{1}`).',
  'removed.reference': '`{0}` je vypuštěno (`status: {1}`).',
  'removed.standsFor': 'Položka `{0}` zastupuje položku dokumentu `{1}`, která je vypuštěna (`status: {2}`).',
  'dependency.cycle': 'Cyklická návaznost: `{0}` navazuje na `{1}`, které přes `after` navazuje opět na `{0}`.',
  'dependency.cycleOther': 'Další vazba návaznosti v cyklu.',
  'schema.timelineValue': '`{0}` v harmonogramu (`timeline`): `{1}` není existující rok (`2024`), měsíc (`2024-01`, `1/2024`) ani den (`2024-01-31`).',
  'schema.timelineOrder': 'Harmonogram končí (`{0}`) dříve, než začíná (`{1}`).',
  'schema.groupWithId': 'Záznam s `id` je položka, ne skupina: jeho klíč `group` se nebere v úvahu.',
  'schema.idWithStrategy': 'Záznam v `documents` uvádí buď dokument v pracovním prostoru (`strategy`), nebo externí dokument (`id`), ne obojí.',
  'schema.forbidden': '`{0}` zde není povoleno.',
  'coverage.missingIndicator': '{0} `{1}` je bez indikátoru: klíč `indicators` nemá ani žádná položka pod tímto kódem.',
  'coverage.missingResponsible': '{0} `{1}` je bez gestora: klíč `responsible` nemá ani žádná položka pod tímto kódem.',
  'coverage.missingGoal': '{0} `{1}` nemá vazbu na cíl plánu `{2}`: klíč `goals` nemá ani žádná položka pod tímto kódem.',
  'coverage.uncoveredGoal': 'Nepokrytý cíl `{0}`: žádná vazba na cíl (`goals`) v pracovním prostoru na něj neodkazuje.',
  didYouMean: '{0} — měli jste na mysli {1}?',
  'progress.indexing': 'Indexování strategií',
  'progress.count': 'indexuji {0} / {1}',
  'tree.area': 'Oblast',
  'tree.descriptor': 'Deskriptor',
  or: ' nebo ',
  item: 'položka',
  // Navigační a editační funkce (nápověda při najetí, přejmenování, rychlé opravy, počty odkazů, doplňování).
  'hover.document': 'Strategický dokument',
  'hover.descriptor': 'Deskriptor',
  'hover.actor': 'Aktér',
  'hover.descriptors': 'Deskriptory',
  'hover.goals': 'Vazba na cíle',
  'hover.responsible': 'Gestor',
  'hover.partners': 'Partneři',
  'hover.related': 'Související položky',
  'hover.indicator': 'Indikátor',
  'hover.unit': 'Jednotka',
  'hover.baseline': 'Výchozí hodnota',
  'hover.target': 'Cílová hodnota',
  'hover.year': 'Rok',
  'hover.catalog': 'Katalog deskriptorů',
  'hover.builtin': 'vestavěný',
  'hover.usedBy': 'Použití: {0}',
  'hover.actorItems': 'Položky',
  'hover.asResponsible': 'gestor',
  'hover.asPartner': 'partner',
  'hover.outside': 'Externí dokument (uvedený v `documents`)',
  'hover.notChecked': 'Dokument je mimo pracovní prostor: tento kód se nekontroluje.',
  'hover.outsideNotChecked': 'Dokument je mimo pracovní prostor: jeho kódy se nekontrolují.',
  'hover.removed': 'Vypuštěno (`status: {0}`): položka si ponechává svůj kód.',
  'hover.standsFor': 'Zastupuje `{0}` dokumentu `{1}`: {2}',
  'hover.plan': 'Implementační plán dokumentu `{0}`',
  'hover.after': 'Navazuje na',
  'hover.before': 'Navazují',
  'hover.group': 'Skupina',
  'refs.one': '{0} odkaz',
  'refs.few': '{0} odkazy',
  'refs.many': '{0} odkazů',
  'items.one': '{0} položka',
  'items.few': '{0} položky',
  'items.many': '{0} položek',
  'rename.nothing': 'Zde není co přejmenovat: umístěte kurzor na kód položky, identifikátor dokumentu, aktéra nebo deskriptor z katalogu pracovního prostoru.',
  'rename.outsideCode': 'Kódy dokumentu `{0}` jsou mimo pracovní prostor: zde je nelze přejmenovat.',
  'rename.unresolved': 'Tento kód na nic neodkazuje, není co přejmenovat. {0}',
  'rename.builtin': 'Deskriptor `{0}` pochází z vestavěného katalogu a nelze jej přejmenovat.',
  'rename.invalidCode': 'Nelze přejmenovat na `{0}`: není to platný kód (segmenty spojené tečkou, např. `2.A.11`).',
  'rename.notUnderParent': 'Nelze přejmenovat na `{0}`: kód musí navazovat na nadřazený kód `{1}`.',
  'rename.collision': 'Nelze přejmenovat na `{0}`: kód `{0}` už v tomto dokumentu existuje.',
  'rename.collisionChild': 'Nelze přejmenovat na `{0}`: podřízená položka by dostala kód `{1}`, který už v tomto dokumentu existuje.',
  'rename.invalidChild': 'Nelze přejmenovat na `{0}`: podřízená položka `{1}` by dostala neplatný kód `{2}`.',
  'rename.invalidDocument': 'Nelze přejmenovat na `{0}`: identifikátor dokumentu tvoří malá písmena, číslice a `-`.',
  'rename.documentExists': 'Nelze přejmenovat na `{0}`: jiný strategický dokument už má tento identifikátor.',
  'rename.invalidActor': 'Nelze přejmenovat na `{0}`: identifikátor aktéra nesmí obsahovat mezery ani znaky jako `,`, `[`, `]`, `#`.',
  'rename.actorExists': 'Nelze přejmenovat na `{0}`: aktér s tímto identifikátorem už v tomto dokumentu existuje.',
  'rename.invalidDescriptor': 'Nelze přejmenovat na `{0}`: kód deskriptoru tvoří oblast římskou číslicí, `.` a malé písmeno (např. `VIII.e`).',
  'rename.descriptorArea': 'Nelze přejmenovat na `{0}`: deskriptor musí zůstat v oblasti `{1}`.',
  'rename.descriptorExists': 'Nelze přejmenovat na `{0}`: deskriptor s tímto kódem už existuje.',
  'fix.replace': 'Nahradit za `{0}`',
  'fix.nextFree': 'Změnit na další volný kód `{0}`',
  'fix.renumber': 'Přečíslovat sousední položky (změněné kódy: {0})',
  'fix.addGoalsFrom': 'Doplnit `goalsFrom: {0}`',
  'fix.declareOutside': 'Uvést `{0}` jako externí dokument',
  'fix.removeReference': 'Odstranit odkaz na `{0}`',
  'completion.nextFree': 'Další volný kód v tomto pořadí: `{0}`',
};

/** A value quoted in a message, cut to a readable length: a 10,000-character code must not make a 10,000-character message. */
function clip(value: string): string {
  return value.length > 120 ? value.slice(0, 117) + '…' : value;
}

function fill(template: string, args: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (_, i: string) => args[Number(i)] ?? '');
}

/** The grammatical gender of a Czech level name, guessed from its last word's ending. */
function czechGender(name: string): 'm' | 'f' | 'n' {
  const word = name.trim().split(/\s+/).pop()?.toLowerCase() ?? '';
  if (/(a|e|ost|ast)$/.test(word)) {
    return 'f';
  }
  if (/(í|o|um)$/.test(word)) {
    return 'n';
  }
  return 'm';
}

/** Formats messages in one language. */
export interface Messages {
  readonly locale: Locale;
  /** The message text, with a "did you mean …?" tail when there are suggestions. */
  format(message: Message, suggestions?: readonly string[]): string;
  /** The level name for `depth` (1-based): the document's own `levels` when given, else the defaults. */
  levelName(depth: number, levels?: readonly string[]): string;
  /** "Unknown measure `2.A.111`" with the right word and, in Czech, the right gender. */
  unknownItem(code: string, depth: number | undefined, levels: readonly string[] | undefined, inDocument?: string): Message;
  /** A plain string by id (labels in hovers, titles of fixes). */
  text(id: string, ...args: string[]): string;
  /** A whole number as the language writes it: `1,200` in English, `1 200` (a non-breaking space) in Czech. */
  number(n: number): string;
}

/** Picks `cs` for Czech display languages (`cs`, `cs-CZ`), English otherwise. */
export function localeOf(tag: string | undefined): Locale {
  return tag !== undefined && /^cs\b/i.test(tag) ? 'cs' : 'en';
}

export function createMessages(locale: Locale, extra: Partial<Record<Locale, Table>> = {}): Messages {
  const table: Table = { ...(locale === 'cs' ? CS : EN), ...(extra[locale] ?? {}) };
  const fallback: Table = { ...EN, ...(extra.en ?? {}) };
  const text = (id: string, ...args: string[]): string => fill(table[id] ?? fallback[id] ?? id, args);
  const levelName = (depth: number, levels?: readonly string[]): string => {
    const names = levels && levels.length > 0 ? levels : LEVELS[locale];
    return names[Math.min(Math.max(depth, 1), names.length) - 1];
  };
  const numbers = new Intl.NumberFormat(locale === 'cs' ? 'cs-CZ' : 'en-US', { maximumFractionDigits: 0 });
  return Object.freeze({
    locale,
    text,
    number: (n: number) => numbers.format(n),
    levelName,
    format(message: Message, suggestions?: readonly string[]): string {
      const base = text(message.id, ...message.args.map(clip));
      if (!suggestions || suggestions.length === 0) {
        return base;
      }
      const list = suggestions.map((s) => '`' + clip(s) + '`').join(text('or'));
      return text('didYouMean', base.replace(/\.$/, ''), list);
    },
    unknownItem(code: string, depth: number | undefined, levels: readonly string[] | undefined, inDocument?: string): Message {
      const id = inDocument === undefined ? 'unknown.item' : 'unknown.itemIn';
      let noun = depth === undefined ? text('item') : levelName(depth, levels);
      if (locale === 'cs') {
        const adjective = { m: 'Neznámý', f: 'Neznámá', n: 'Neznámé' }[czechGender(noun)];
        noun = `${adjective} ${noun.charAt(0).toLowerCase()}${noun.slice(1)}`;
      } else {
        noun = noun.charAt(0).toLowerCase() + noun.slice(1);
      }
      return { id, args: inDocument === undefined ? [noun, code] : [noun, code, inDocument] };
    },
  });
}
