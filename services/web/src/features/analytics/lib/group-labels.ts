import { ethnicGroupName } from '@benvung/domain';

/** The words group keys are shown with, in the reader's language. */
export interface GroupTexts {
  all: string;
  noSupport: string;
  unknown: string;
  kinh: string;
  minority: string;
  supportKinds: Readonly<Record<string, string>>;
  areas: Readonly<Record<string, string>>;
}

/**
 * What a survival group key means to a reader. Keys are codes: support kinds joined by "+" ("none"
 * for no support), province codes, escape years, rural/urban, national ethnic-group codes, or
 * kinh/minority/unknown.
 */
export function groupLabel(
  groupBy: string,
  key: string,
  texts: GroupTexts,
  provinces?: ReadonlyMap<string, string>,
): string {
  switch (groupBy) {
    case 'none':
      return texts.all;
    case 'supportKind':
      return key === 'none'
        ? texts.noSupport
        : key
            .split('+')
            .map((kind) => texts.supportKinds[kind] ?? kind)
            .join(' + ');
    case 'province':
      return provinces?.get(key) ?? key;
    case 'area':
      return texts.areas[key] ?? (key === 'unknown' ? texts.unknown : key);
    case 'ethnicity':
      return key === 'unknown' ? texts.unknown : (ethnicGroupName(key) ?? key);
    case 'ethnicMinority':
      return key === 'kinh' ? texts.kinh : key === 'minority' ? texts.minority : texts.unknown;
    default:
      return key;
  }
}
