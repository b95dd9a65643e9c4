/**
 * How an import says what is wrong: values quoted short, text marked as text, where in the file
 * (line and column), and a list of problems that names the first few and counts the rest.
 */

/** More problems than this are counted, not listed. */
export const MAX_LISTED_PROBLEMS = 12;

/** The formats the atlas reads, for a message about a file it cannot. */
export const ACCEPTED_FORMATS =
  'The atlas reads GeoJSON (.geojson, .json) and CSV with longitude and latitude columns (.csv)';

/** "line 3, column 12" of an offset into a text. */
export function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < offset;
    index = text.indexOf('\n', index + 1)
  ) {
    line++;
    lineStart = index + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

export const clip = (text: string, length: number): string =>
  text.length > length ? `${text.slice(0, length)}…` : text;

/** A value as JSON, cut off after about `budget` characters however large or deep it is. */
export function preview(value: unknown, budget = 60): string {
  let out = '';
  const visit = (part: unknown): boolean => {
    if (out.length > budget) return false;
    if (Array.isArray(part)) {
      out += '[';
      for (let index = 0; index < part.length; index++) {
        if (index > 0) out += ', ';
        if (!visit(part[index])) return false;
      }
      out += ']';
    } else if (typeof part === 'object' && part !== null) {
      out += '{';
      let first = true;
      for (const key in part) {
        out += `${first ? '' : ', '}${JSON.stringify(clip(key, budget))}: `;
        first = false;
        if (!visit((part as Record<string, unknown>)[key])) return false;
      }
      out += '}';
    } else if (typeof part === 'string') {
      out += JSON.stringify(clip(part, budget));
    } else {
      out += String(part);
    }
    return out.length <= budget;
  };
  return visit(value) ? out : `${out.slice(0, budget)}…`;
}

/** A value for a message: short, and text marked as text ("12" (text) is not 12). */
export const describe = (value: unknown): string =>
  typeof value === 'string' ? `"${clip(value, 40)}" (text)` : preview(value);

/** "Point" for "point": GeoJSON's type names are case-sensitive, readers' files are not always. */
export function caseHint(type: unknown, names: readonly string[]): string {
  if (typeof type !== 'string') return '';
  const match = names.find((name) => name.toLowerCase() === type.toLowerCase());
  return match ? ` (GeoJSON types are case-sensitive: write "${match}")` : '';
}

/** Collects problems; lists the first MAX_LISTED_PROBLEMS and counts the rest. */
export class Problems {
  readonly listed: string[] = [];
  count = 0;
  /** A function is only called while the list has room, so that counting stays cheap. */
  add(problem: string | (() => string)): void {
    this.count++;
    if (this.listed.length < MAX_LISTED_PROBLEMS) {
      this.listed.push(typeof problem === 'string' ? problem : problem());
    }
  }
  summary(): string[] {
    const more = this.count - this.listed.length;
    return more > 0
      ? [...this.listed, `… and ${more} more problem${more === 1 ? '' : 's'}.`]
      : this.listed;
  }
}
