/**
 * Where and why a file's text is not JSON, in a reader's words ("a comma just before "]": JSON
 * allows no comma after the last item"). The position comes from jsonc-parser, a maintained JSON
 * scanner and parser (VS Code's); this module only names what it found. The engines' own messages
 * differ from browser to browser, some give no position, and none says "trailing comma" or
 * "single quotes". Runs only after JSON.parse has failed.
 */
import { printParseErrorCode, visit, type ParseErrorCode } from 'jsonc-parser';
import { clip, lineAndColumn } from './import-messages.ts';

export interface SyntaxProblem {
  offset: number;
  message: string;
}

/** What the parser had seen when it stopped: open brackets, the last comma, name and value. */
interface Seen {
  openers: number[];
  /** After "{" or a comma in an object: a name must come next. */
  expectingName: boolean;
  lastComma: number;
  lastName: string;
  lastValue: { offset: number; length: number } | null;
  afterColon: boolean;
  /** A whole value has ended at the top level: anything after it is one too many. */
  complete: boolean;
}

const STOP = Symbol('first syntax error');
const CLOSERS = new Set([']', '}']);
const IDENTIFIER = /[A-Za-z_$][\w$]*/y;

/** The first syntax error of a text, or null if jsonc-parser finds none. */
export function jsonSyntaxProblem(text: string): SyntaxProblem | null {
  const seen: Seen = {
    openers: [],
    expectingName: false,
    lastComma: -1,
    lastName: '',
    lastValue: null,
    afterColon: false,
    complete: false,
  };
  // jsonc-parser tells of an array or object's end even where the file ends before its bracket:
  // only a bracket that is there closes it.
  const ended = (closer: string) => (offset: number) => {
    if (text[offset] !== closer) return;
    seen.openers.pop();
    seen.complete = seen.openers.length === 0;
  };
  const inObject = () => text[seen.openers.at(-1) ?? -1] === '{';
  let found: SyntaxProblem | null = null;
  try {
    visit(
      text,
      {
        onObjectBegin: (offset) => {
          seen.openers.push(offset);
          seen.expectingName = true;
          seen.afterColon = false;
        },
        onArrayBegin: (offset) => {
          seen.openers.push(offset);
          seen.expectingName = false;
          seen.afterColon = false;
        },
        onObjectEnd: ended('}'),
        onArrayEnd: ended(']'),
        onObjectProperty: (name) => {
          seen.lastName = name;
          seen.expectingName = false;
        },
        onSeparator: (character, offset) => {
          seen.afterColon = character === ':';
          if (character !== ',') return;
          seen.lastComma = offset;
          seen.expectingName = inObject();
        },
        onLiteralValue: (_value, offset, length) => {
          seen.lastValue = { offset, length };
          seen.afterColon = false;
          seen.complete = seen.openers.length === 0;
        },
        onError: (code, offset, length) => {
          found = describeError(text, seen, code, offset, length);
          throw STOP;
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch (error) {
    if (error !== STOP) throw error;
  }
  return found;
}

const char = (text: string, offset: number) => JSON.stringify(text[offset]);

function endsEarly(text: string, seen: Seen): SyntaxProblem {
  const opener = seen.openers.at(-1);
  return {
    offset: text.length,
    message:
      opener === undefined
        ? 'the file ends before the JSON is complete (was it cut off?)'
        : `the file ends before the JSON is complete (was it cut off?): the ${char(text, opener)} at ${lineAndColumn(text, opener)} is never closed`,
  };
}

/** The comma just before `offset`, with nothing but white space between, if there is one. */
const commaJustBefore = (text: string, seen: Seen, offset: number) =>
  seen.lastComma >= 0 &&
  seen.lastComma < offset &&
  !/\S/.test(text.slice(seen.lastComma + 1, offset));

function badNumber(text: string, offset: number): SyntaxProblem {
  const shown = /^[\w.+-]*/.exec(text.slice(offset, offset + 30))?.[0] ?? '';
  return {
    offset,
    message: `${JSON.stringify(shown)} is not a number as JSON writes them (such as 46.25, -3 or 1.5e3; no leading zeros, no trailing ".")`,
  };
}

/** Inside the text value that starts at `start`: the first raw control character. */
function rawControl(text: string, start: number): SyntaxProblem | null {
  for (let position = start + 1; position < text.length; position++) {
    const code = text.charCodeAt(position);
    if (code === 34 && text[position - 1] !== '\\') return null;
    if (code >= 32) continue;
    const what =
      code === 10 || code === 13 ? 'line break' : code === 9 ? 'tab' : 'control character';
    return {
      offset: position,
      message: `a raw ${what} inside a text value (write ${code === 9 ? '\\t' : '\\n'} instead, or close the text with ")`,
    };
  }
  return null;
}

/** Inside the text value that starts at `start`: the first escape JSON does not know. */
function badEscape(text: string, start: number): SyntaxProblem {
  for (let position = start + 1; position < text.length; position++) {
    if (text[position] !== '\\') continue;
    const escaped = text[position + 1] ?? '';
    if (escaped !== '' && '"\\/bfnrt'.includes(escaped)) {
      position++;
    } else if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(position + 2, position + 6))) {
      position += 5;
    } else {
      return {
        offset: position,
        message: `\\${escaped} is not an escape JSON knows (write \\\\ for a backslash)`,
      };
    }
  }
  return { offset: start, message: 'a text value holds an escape JSON does not know' };
}

const moreAfterEnd = (text: string, offset: number): SyntaxProblem => ({
  offset,
  message:
    text[offset] === '{'
      ? 'more JSON after the end of the first value (one GeoJSON object per line? The atlas reads one FeatureCollection, not newline-delimited GeoJSON)'
      : `more text after the end of the JSON value, starting with ${char(text, offset)}`,
});

/** A symbol the scanner does not know: quotes, words, XML, a number's wrong start. */
function badSymbol(text: string, seen: Seen, offset: number): SyntaxProblem {
  const code = text.charCodeAt(offset);
  const naming = seen.expectingName;
  if (seen.complete) return moreAfterEnd(text, offset);
  if (code === 39) {
    return {
      offset,
      message: `single quotes: JSON ${naming ? 'names' : 'text'} must be in double quotes ("…"), not '…'`,
    };
  }
  if (code === 60 && seen.openers.length === 0 && seen.lastValue === null) {
    return {
      offset,
      message: 'the file starts with "<": it looks like XML or HTML (a KML or GPX file?), not JSON',
    };
  }
  if (text.startsWith('-Infinity', offset)) {
    return { offset, message: '-Infinity is not a JSON value; write a number or null' };
  }
  if (code === 43 || code === 46) {
    return {
      offset,
      message: `a number cannot start with ${char(text, offset)} in JSON (write 0.5, not .5 or +0.5)`,
    };
  }
  IDENTIFIER.lastIndex = offset;
  const word = IDENTIFIER.exec(text)?.[0];
  if (word === undefined) {
    return {
      offset,
      message: naming
        ? `expected a name in double quotes, found ${char(text, offset)}`
        : `unexpected ${char(text, offset)} where a value should be`,
    };
  }
  if (word === 'NaN' || word === 'Infinity' || word === 'undefined') {
    return { offset, message: `${word} is not a JSON value; write a number or null` };
  }
  return {
    offset,
    message: naming
      ? `the name ${word} must be in double quotes ("${clip(word, 30)}")`
      : `unexpected ${JSON.stringify(clip(word, 30))} where a value should be (text must be in double quotes)`,
  };
}

/** What is wrong where a "," or a closing bracket should come. */
function badAfterValue(text: string, seen: Seen, offset: number): SyntaxProblem {
  const value = seen.lastValue;
  // "046.55": the scanner reads 0 and stops; the number as written is the problem.
  if (value && value.offset + value.length === offset && /[\d.eE+-]/.test(text[offset] ?? '')) {
    return badNumber(text, value.offset);
  }
  const opener = seen.openers.at(-1);
  const wanted = opener !== undefined && text[opener] === '{' ? '}' : ']';
  if (opener !== undefined && CLOSERS.has(text[offset] ?? '') && text[offset] !== wanted) {
    return {
      offset,
      message: `${char(text, offset)} where ${JSON.stringify(wanted)} should close the ${char(text, opener)} at ${lineAndColumn(text, opener)}`,
    };
  }
  return {
    offset,
    message: `expected "," or ${JSON.stringify(wanted)} before ${char(text, offset)} (a missing comma?)`,
  };
}

function describeError(
  text: string,
  seen: Seen,
  code: ParseErrorCode,
  offset: number,
  length: number,
): SyntaxProblem {
  const atEnd = offset >= text.length;
  const closer = CLOSERS.has(text[offset] ?? '');
  // jsonc-parser's codes are a const enum, which isolated modules cannot read: go by name.
  const name = printParseErrorCode(code);
  switch (name) {
    case 'InvalidSymbol':
      return badSymbol(text, seen, offset);
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return badNumber(text, offset);
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return { offset, message: 'comments (// … or /* … */) are not allowed in JSON' };
    case 'UnexpectedEndOfString':
    case 'InvalidCharacter':
      return (
        rawControl(text, offset) ?? {
          offset,
          message:
            'the file ends inside a text value that starts here (was the file cut off, or is a closing " missing?)',
        }
      );
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return badEscape(text, offset - (name === 'InvalidUnicode' ? length : 0));
    case 'EndOfFileExpected':
      return moreAfterEnd(text, offset);
    case 'ColonExpected':
      if (atEnd) return endsEarly(text, seen);
      return {
        offset,
        message: `expected ":" after the name ${JSON.stringify(clip(seen.lastName, 30))}, found ${char(text, offset)}`,
      };
    case 'CommaExpected':
    case 'CloseBraceExpected':
    case 'CloseBracketExpected':
      return atEnd ? endsEarly(text, seen) : badAfterValue(text, seen, offset);
    case 'PropertyNameExpected':
    case 'ValueExpected':
      if (atEnd) return endsEarly(text, seen);
      if (closer && commaJustBefore(text, seen, offset)) {
        return {
          offset: seen.lastComma,
          message: `a comma just before ${char(text, offset)}: JSON allows no comma after the last item`,
        };
      }
      if (closer && seen.afterColon) {
        return {
          offset,
          message: `the name ${JSON.stringify(clip(seen.lastName, 30))} has no value before ${char(text, offset)}`,
        };
      }
      if (text[offset] === ',') {
        return { offset, message: 'a comma where a value should be (an empty item?)' };
      }
      return name === 'PropertyNameExpected'
        ? { offset, message: `expected a name in double quotes, found ${char(text, offset)}` }
        : { offset, message: `unexpected ${char(text, offset)} where a value should be` };
    default:
      return { offset, message: `unexpected ${char(text, offset)}` };
  }
}

/**
 * A file that was not UTF-8: decoding turned its bytes into U+FFFD (or, for UTF-16, into text
 * full of NUL characters). GeoJSON is always UTF-8 (RFC 7946 §11); a Latin-1 file would
 * otherwise come in with its names quietly garbled. (A UTF-8 file that spells U+FFFD itself is
 * refused too: rare, and never a name anyone meant.)
 */
export function encodingProblem(text: string): string | null {
  if (text.startsWith('\uFFFD\uFFFD') || text.slice(0, 4).includes('\u0000')) {
    return 'the file is not UTF-8 text (UTF-16, or not text at all?); save it as UTF-8: GeoJSON files are always UTF-8';
  }
  const replaced = text.indexOf('\uFFFD');
  if (replaced === -1) return null;
  return `not UTF-8 at ${lineAndColumn(text, replaced)}: bytes that UTF-8 cannot read (a file saved as Latin-1 or Windows-1252?); save it as UTF-8: GeoJSON files are always UTF-8`;
}
