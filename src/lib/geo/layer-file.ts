/**
 * Writing a layer file: canonical key order, rounded coordinates, right-hand winding, and a
 * layout that reads well in a diff (two-space indentation, each coordinate pair on one line).
 *
 * The layout is `JSON.stringify(value, null, 2)` with every array of numbers joined onto one line
 * ("[1, 2]"). LayoutWriter writes it in one pass, into UTF-8 bytes, rounding coordinates as it
 * goes: a normalised copy of every feature, the indented stringify and a second pass to join
 * the number arrays cost, each of them, about as much as the whole pass does (100 000 points:
 * about 150 ms rather than 400).
 */
import type { Geometry, Position } from 'geojson';
import { COORDINATE_DECIMALS } from './contract.ts';

export function roundCoordinate(value: number, decimals = COORDINATE_DECIMALS): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

function roundPosition(position: Position, decimals: number): Position {
  return position.map((value) => roundCoordinate(value, decimals));
}

/** Twice the signed area of a ring (positive when counter-clockwise in lon/lat). */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let index = 0; index < ring.length - 1; index++) {
    const [x1, y1] = ring[index]!;
    const [x2, y2] = ring[index + 1]!;
    sum += x1! * y2! - x2! * y1!;
  }
  return sum;
}

/** RFC 7946 right-hand rule: exterior rings counter-clockwise, holes clockwise. */
function windRings(rings: Position[][]): Position[][] {
  return rings.map((ring, index) => {
    const counterClockwise = signedArea(ring) > 0;
    const wantCounterClockwise = index === 0;
    return counterClockwise === wantCounterClockwise ? ring : [...ring].reverse();
  });
}

/** A copy of the geometry with coordinates rounded and polygons wound by the right-hand rule. */
export function normalizeGeometry(geometry: Geometry, decimals = COORDINATE_DECIMALS): Geometry {
  const round = (position: Position) => roundPosition(position, decimals);
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: round(geometry.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: geometry.coordinates.map(round) };
    case 'LineString':
      return { type: 'LineString', coordinates: geometry.coordinates.map(round) };
    case 'MultiLineString':
      return {
        type: 'MultiLineString',
        coordinates: geometry.coordinates.map((line) => line.map(round)),
      };
    case 'Polygon':
      return {
        type: 'Polygon',
        coordinates: windRings(geometry.coordinates.map((ring) => ring.map(round))),
      };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((polygon) =>
          windRings(polygon.map((ring) => ring.map(round))),
        ),
      };
    case 'GeometryCollection':
      return {
        type: 'GeometryCollection',
        geometries: geometry.geometries.map((part) => normalizeGeometry(part, decimals)),
      };
  }
}

const INDENT = '  ';
/** A writer's first buffer: enough for a layer file's small values without growing often. */
const FIRST_BUFFER_BYTES = 1 << 12;
/**
 * How much one buffer holds before LayoutWriter.commit puts it aside and writing goes on in a
 * fresh one: little enough to stay in the processor's cache.
 */
const COMMIT_BYTES = 1 << 18;
const COORDINATE_FACTOR = 10 ** COORDINATE_DECIMALS;
/**
 * Below this an integer has at most 15 digits, and every decimal of at most 15 significant
 * digits reads back as a double that writes as that decimal again: such integers, and such
 * counts of millionths, can be written digit by digit with no String() to make.
 */
const DIGITS_EXACT_BELOW = 1e15;
/** Below a millionth, JSON.stringify writes an exponent ("1e-7"); digit by digit would not. */
const COORDINATES_DIGIT_BY_DIGIT = COORDINATE_DECIMALS <= 6;

const NEWLINE = 10;
const SPACE = 32;
const QUOTE = 34;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const BACKSLASH = 92;
const CLOSE_BRACKET = 93;

const lineStarts: string[] = [];
const nextLineStarts: string[] = [];

/** A line break and the indentation of `depth`, as formatJson writes them. */
export function lineStart(depth: number): string {
  return (lineStarts[depth] ??= '\n' + INDENT.repeat(depth));
}

/** A comma ending the line, then the next line's start at `depth`. */
export function nextLineStart(depth: number): string {
  return (nextLineStarts[depth] ??= ',' + lineStart(depth));
}

/**
 * What JSON.stringify may escape in a string: '"', '\\', control characters, and surrogates (it
 * escapes the lone ones; a string with a pair in it is left to it, for a simpler test).
 */
// eslint-disable-next-line no-control-regex -- control characters are what it escapes
const MAY_NEED_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
/** Longer strings are scanned and encoded by the engine (a regular expression, the encoder). */
const SHORT_STRING_LENGTH = 32;

const encoder = new TextEncoder();
// The text holds no byte order mark to strip: one that a string value opens with is kept.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Whether JSON.stringify would call the value's toJSON. */
function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** An array that JSON.stringify writes element by element, nothing asked of the value itself. */
function isPlainArray(value: object): value is readonly unknown[] {
  return (
    Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype && !hasToJson(value)
  );
}

/**
 * An object that JSON.stringify writes key by key: a literal, JSON.parse's, or prototype-less
 * (but not one that may be JSON.rawJSON's, a prototype-less object holding "rawJSON").
 */
function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return (
    (prototype === Object.prototype || (prototype === null && !Object.hasOwn(value, 'rawJSON'))) &&
    !hasToJson(value)
  );
}

/**
 * Writes JSON in the layer-file layout (formatJson) into UTF-8 bytes, in one pass: the same bytes
 * as `JSON.stringify(value, null, 2)` with each array of numbers joined onto one line.
 * Plain data (literals, JSON.parse's objects and arrays, primitives) is written here; anything
 * else (a Date, a class instance, a boxed number, a toJSON method, a BigInt, a raw JSON text) is
 * written by JSON.stringify itself, then laid out the same way.
 */
export class LayoutWriter {
  private bytes: Uint8Array;
  /** How many bytes are in the buffer; setting it lower drops what was written after. */
  length = 0;
  /** The buffers `commit` put aside, in order. */
  private readonly committed: Uint8Array[] = [];
  /** The objects and arrays being written: JSON.stringify refuses a cycle, and so does this. */
  private readonly open: object[] = [];

  constructor() {
    this.bytes = new Uint8Array(FIRST_BUFFER_BYTES);
  }

  /** The bytes, with room for `count` more. */
  private reserve(count: number): Uint8Array {
    return this.length + count <= this.bytes.length ? this.bytes : this.grow(count);
  }

  private grow(count: number): Uint8Array {
    const grown = new Uint8Array(Math.max(this.length + count, this.bytes.length * 2));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    return grown;
  }

  /** Text known to be ASCII (punctuation, keys of our own, number texts), byte for byte. */
  writeAscii(text: string): void {
    const bytes = this.reserve(text.length);
    let at = this.length;
    for (let index = 0; index < text.length; index++) bytes[at++] = text.charCodeAt(index);
    this.length = at;
  }

  /** A string as JSON.stringify quotes it. */
  writeString(text: string): void {
    if (text.length > SHORT_STRING_LENGTH) {
      this.writeEncodedString(text);
      return;
    }
    const bytes = this.reserve(text.length + 2);
    let at = this.length;
    bytes[at++] = QUOTE;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code < 0x20 || code > 0x7e || code === QUOTE || code === BACKSLASH) {
        this.writeEncodedString(text);
        return;
      }
      bytes[at++] = code;
    }
    bytes[at++] = QUOTE;
    this.length = at;
  }

  /**
   * A string, as UTF-8. Where JSON.stringify may escape something, its own quoting: its output
   * is well-formed UTF-16 (lone surrogates escaped), so it decodes back unchanged.
   */
  private writeEncodedString(text: string): void {
    if (MAY_NEED_ESCAPE.test(text)) {
      const quoted = JSON.stringify(text);
      this.reserve(quoted.length * 3);
      this.length += encoder.encodeInto(quoted, this.bytes.subarray(this.length)).written;
    } else {
      const bytes = this.reserve(text.length * 3 + 2);
      bytes[this.length++] = QUOTE;
      this.length += encoder.encodeInto(text, bytes.subarray(this.length)).written;
      bytes[this.length++] = QUOTE;
    }
  }

  /** A number as JSON.stringify writes it: null for NaN and the infinities, 0 for -0. */
  writeNumber(value: number): void {
    if (Number.isInteger(value) && value > -DIGITS_EXACT_BELOW && value < DIGITS_EXACT_BELOW) {
      this.writeInteger(value);
    } else {
      this.writeAscii(Number.isFinite(value) ? String(value) : 'null');
    }
  }

  /** An integer of at most 15 digits, digit by digit; -0 as 0. */
  private writeInteger(value: number): void {
    const bytes = this.reserve(17);
    let at = this.length;
    let rest = value;
    if (value < 0) {
      bytes[at++] = MINUS;
      rest = -value;
    }
    let digits = 1;
    for (let power = 10; power <= rest; power *= 10) digits++;
    at += digits;
    this.length = at;
    do {
      const quotient = Math.floor(rest / 10);
      bytes[--at] = ZERO + rest - quotient * 10;
      rest = quotient;
    } while (rest > 0);
  }

  /**
   * `roundCoordinate(value)` as JSON.stringify writes it, made from the rounded whole count of
   * millionths: the decimal that count stands for is the shortest text of the rounded number,
   * which is what JSON.stringify writes. False, with nothing written, where that would be null.
   */
  writeCoordinate(value: number): boolean {
    const scaled = Math.round(value * COORDINATE_FACTOR);
    if (
      !COORDINATES_DIGIT_BY_DIGIT ||
      !(scaled > -DIGITS_EXACT_BELOW && scaled < DIGITS_EXACT_BELOW)
    ) {
      const rounded = roundCoordinate(value);
      if (!Number.isFinite(rounded)) return false;
      this.writeAscii(String(rounded));
      return true;
    }
    const magnitude = Math.abs(scaled);
    const whole = Math.floor(magnitude / COORDINATE_FACTOR);
    let fraction = magnitude - whole * COORDINATE_FACTOR;
    if (scaled < 0) this.writeAscii('-');
    this.writeInteger(whole);
    if (fraction === 0) return true;
    let decimals = COORDINATE_DECIMALS;
    while (fraction % 10 === 0) {
      fraction /= 10;
      decimals--;
    }
    const bytes = this.reserve(decimals + 1);
    const dot = this.length;
    bytes[dot] = DOT;
    this.length = dot + decimals + 1;
    for (let at = this.length - 1; at > dot; at--) {
      const quotient = Math.floor(fraction / 10);
      bytes[at] = ZERO + fraction - quotient * 10;
      fraction = quotient;
    }
    return true;
  }

  /**
   * `value` as it stands under `key` (which a toJSON method is given) at `depth`. False, with
   * nothing written, where JSON.stringify leaves the member out: undefined, a function, a symbol.
   */
  writeValue(value: unknown, key: string | number, depth: number): boolean {
    switch (typeof value) {
      case 'string':
        this.writeString(value);
        return true;
      case 'number':
        this.writeNumber(value);
        return true;
      case 'boolean':
        this.writeAscii(value ? 'true' : 'false');
        return true;
      case 'object':
        if (value === null) {
          this.writeAscii('null');
        } else if (isPlainArray(value)) {
          this.writeArray(value, depth);
        } else if (isPlainObject(value)) {
          this.writeObject(value, depth);
        } else {
          return this.writeThroughStringify(value, key, depth);
        }
        return true;
      case 'bigint':
        return this.writeThroughStringify(value, key, depth);
      case 'function':
        return hasToJson(value) && this.writeThroughStringify(value, key, depth);
      default:
        return false;
    }
  }

  /**
   * A member of an object whose members stand at `depth`, after the first (`start` is the comma,
   * line break, indentation and quoted key, ready made); nothing where JSON.stringify leaves it out.
   */
  writeMember(start: string, key: string, value: unknown, depth: number): boolean {
    const memberStart = this.length;
    this.writeAscii(start);
    if (this.writeValue(value, key, depth)) return true;
    this.length = memberStart;
    return false;
  }

  /**
   * What is written so far is final. Once the buffer holds enough, it is put aside and writing
   * goes on in a fresh one (growing one buffer to the file's size costs copies and garbage
   * collection, and leaves the cache). Lengths saved before a commit mean nothing after it:
   * commit only between members.
   */
  commit(): void {
    if (this.length < COMMIT_BYTES) return;
    this.committed.push(this.bytes.subarray(0, this.length));
    this.bytes = new Uint8Array(COMMIT_BYTES + (COMMIT_BYTES >> 2));
    this.length = 0;
  }

  /**
   * Everything written, as a string: the buffers joined and decoded at once (decoding each and
   * joining the strings costs about twice as much).
   */
  text(): string {
    const rest = this.bytes.subarray(0, this.length);
    if (this.committed.length === 0) return decoder.decode(rest);
    this.committed.push(rest);
    let total = 0;
    for (const part of this.committed) total += part.length;
    const whole = new Uint8Array(total);
    let at = 0;
    for (const part of this.committed) {
      whole.set(part, at);
      at += part.length;
    }
    return decoder.decode(whole);
  }

  /**
   * A value that is not plain data, written by JSON.stringify itself, called as it would be in
   * place (a toJSON method gets the key; a raw JSON text stays as it is), then laid out as the
   * rest: indented to `depth`, its arrays of numbers joined onto one line.
   */
  private writeThroughStringify(value: unknown, key: string | number, depth: number): boolean {
    const name = String(key);
    const wrapped = JSON.stringify({ [name]: value }, null, INDENT);
    if (wrapped === '{}') return false;
    // '{\n  "name": ' + the value, its lines indented for depth 1 + '\n}'
    const valueText = wrapped.slice(6 + JSON.stringify(name).length, -2);
    const indented =
      depth === 1 ? valueText : valueText.replaceAll('\n' + INDENT, lineStart(depth));
    const laidOut = joinNumberArrays(indented);
    this.reserve(laidOut.length * 3);
    this.length += encoder.encodeInto(laidOut, this.bytes.subarray(this.length)).written;
    return true;
  }

  private enter(value: object): void {
    if (this.open.includes(value)) throw new TypeError('Converting circular structure to JSON');
    this.open.push(value);
  }

  private writeObject(object: Record<string, unknown>, depth: number): void {
    this.enter(object);
    this.writeAscii('{');
    const first = lineStart(depth + 1);
    const next = nextLineStart(depth + 1);
    let written = 0;
    for (const key of Object.keys(object)) {
      const start = this.length;
      this.writeAscii(written > 0 ? next : first);
      this.writeString(key);
      this.writeAscii(': ');
      if (this.writeValue(object[key], key, depth + 1)) written++;
      else this.length = start;
    }
    if (written > 0) this.writeAscii(lineStart(depth));
    this.writeAscii('}');
    this.open.pop();
  }

  /** On one line while the elements are finite numbers; one element a line from the first not. */
  private writeArray(array: readonly unknown[], depth: number): void {
    this.enter(array);
    const start = this.length;
    const count = array.length;
    this.writeAscii('[');
    let index = 0;
    let element: unknown;
    for (; index < count; index++) {
      element = array[index];
      if (typeof element !== 'number' || !Number.isFinite(element)) break;
      if (index > 0) this.writeAscii(', ');
      this.writeNumber(element);
    }
    if (index === count) this.writeAscii(']');
    else this.writeArrayLines(array, count, depth, start, index, element);
    this.open.pop();
  }

  /**
   * The rest of an array that is not all finite numbers: from `start` (its "["), the `written`
   * numbers so far laid out again one a line, then the others from `next`, element `written`,
   * already read. If they all turn out to write as numbers after all (a boxed number, a toJSON
   * that gives one), the array goes back onto one line, as formatJson's definition says.
   */
  private writeArrayLines(
    array: readonly unknown[],
    count: number,
    depth: number,
    start: number,
    written: number,
    next: unknown,
  ): void {
    const texts = written > 0 ? this.asciiText(start + 1, this.length).split(', ') : [];
    this.length = start + 1;
    const elementTexts: [start: number, end: number][] = [];
    let allNumbers = true;
    for (let index = 0; index < count; index++) {
      this.writeAscii(index > 0 ? nextLineStart(depth + 1) : lineStart(depth + 1));
      const elementStart = this.length;
      if (index < written) {
        this.writeAscii(texts[index]!);
      } else {
        const element = index === written ? next : array[index];
        if (!this.writeValue(element, index, depth + 1)) this.writeAscii('null');
        const first = this.bytes[elementStart]!;
        allNumbers &&= first === MINUS || (first >= ZERO && first <= NINE);
      }
      elementTexts.push([elementStart, this.length]);
    }
    if (allNumbers) {
      const numbers = elementTexts.map(([from, to]) => this.asciiText(from, to));
      this.length = start;
      this.writeAscii(`[${numbers.join(', ')}]`);
    } else {
      this.writeAscii(lineStart(depth));
      this.writeAscii(']');
    }
  }

  private asciiText(from: number, to: number): string {
    return decoder.decode(this.bytes.subarray(from, to));
  }
}

/** Whether a character can be part of a number as JSON.stringify writes it: [0-9.eE+-]. */
function isNumberCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    code === 46 ||
    code === 101 ||
    code === 69 ||
    code === 43 ||
    code === 45
  );
}

/** Skips the spaces from `position` on. */
function skipSpaces(text: string, position: number): number {
  while (text.charCodeAt(position) === SPACE) position++;
  return position;
}

/** Skips one number as JSON.stringify writes it from `position` on. */
function skipNumber(text: string, position: number): number {
  while (isNumberCharacter(text.charCodeAt(position))) position++;
  return position;
}

/**
 * In `JSON.stringify(value, null, 2)` output, the index just after the "]" of the array that
 * opens at `open` (a "[" followed by a line break) if all its elements are numbers; else -1.
 */
function numberArrayEnd(text: string, open: number): number {
  let position = open + 2;
  for (;;) {
    const start = skipSpaces(text, position);
    position = skipNumber(text, start);
    if (position === start) return -1;
    const next = text.charCodeAt(position);
    if (next === COMMA && text.charCodeAt(position + 1) === NEWLINE) {
      position += 2;
    } else if (next === NEWLINE) {
      position = skipSpaces(text, position + 1);
      return text.charCodeAt(position) === CLOSE_BRACKET ? position + 1 : -1;
    } else {
      return -1;
    }
  }
}

/** That array (between `open` and `end`) on one line: "[1, 2]". */
function oneLine(text: string, open: number, end: number): string {
  let row = '[';
  let position = open + 2;
  while (position < end - 1) {
    const start = skipSpaces(text, position);
    position = skipNumber(text, start);
    row += (row === '[' ? '' : ', ') + text.slice(start, position);
    position = text.charCodeAt(position) === COMMA ? position + 2 : end;
  }
  return row + ']';
}

/**
 * `JSON.stringify(value, null, 2)` output with each array of numbers joined onto one line.
 * JSON strings never hold a raw line break, so "[" and a line break always open an array.
 */
function joinNumberArrays(indented: string): string {
  let text = '';
  let copied = 0;
  let open = indented.indexOf('[\n');
  while (open !== -1) {
    const end = numberArrayEnd(indented, open);
    if (end === -1) {
      open = indented.indexOf('[\n', open + 2);
    } else {
      text += indented.slice(copied, open) + oneLine(indented, open, end);
      copied = end;
      open = indented.indexOf('[\n', end);
    }
  }
  return copied === 0 ? indented : text + indented.slice(copied);
}

/**
 * JSON with two-space indentation in which every array of numbers (a coordinate pair, a bbox)
 * stands on one line, ending in a newline: `JSON.stringify(value, null, 2)` with each such array
 * joined onto one line ("[1, 2]"), byte for byte.
 */
export function formatJson(value: unknown): string {
  const writer = new LayoutWriter();
  if (!writer.writeValue(value, '', 0)) {
    throw new TypeError(`formatJson: ${typeof value} has no JSON form.`);
  }
  writer.writeAscii('\n');
  return writer.text();
}

/**
 * `normalizeGeometry(geometry)` as formatJson lays it out at `depth`; false, with nothing
 * written, where that is undefined (a type it does not know). Points and lines are rounded as
 * they are written, with no copy made; polygons (wound by their rounded rings) and anything out
 * of the ordinary (positions that are not arrays of finite numbers, empty arrays) go through
 * normalizeGeometry itself.
 */
export function writeNormalizedGeometry(
  writer: LayoutWriter,
  geometry: Geometry,
  depth: number,
): boolean {
  const start = writer.length;
  if (writeRoundedPointsOrLines(writer, geometry, depth)) return true;
  writer.length = start;
  return writer.writeValue(normalizeGeometry(geometry), 'geometry', depth);
}

const geometryHeads: Map<string, string>[] = [];

/** A geometry object's text up to its coordinates: "{", its type, `"coordinates": `. */
function geometryHead(type: string, depth: number): string {
  const heads = (geometryHeads[depth] ??= new Map());
  let head = heads.get(type);
  if (head === undefined) {
    head = `{${lineStart(depth + 1)}"type": ${JSON.stringify(type)},${lineStart(depth + 1)}"coordinates": `;
    heads.set(type, head);
  }
  return head;
}

/** A point or a line geometry, rounded as it is written; false where it leaves that to others. */
function writeRoundedPointsOrLines(
  writer: LayoutWriter,
  geometry: Geometry,
  depth: number,
): boolean {
  let nesting: number;
  switch (geometry.type) {
    case 'Point':
      nesting = 0;
      break;
    case 'MultiPoint':
    case 'LineString':
      nesting = 1;
      break;
    case 'MultiLineString':
      nesting = 2;
      break;
    default:
      return false;
  }
  writer.writeAscii(geometryHead(geometry.type, depth));
  if (!writeRoundedPositions(writer, geometry.coordinates, nesting, depth + 1)) return false;
  writer.writeAscii(lineStart(depth));
  writer.writeAscii('}');
  return true;
}

/** A position (nesting 0) or a list of them, nested `nesting` deep, rounded as it is written. */
function writeRoundedPositions(
  writer: LayoutWriter,
  coordinates: unknown,
  nesting: number,
  depth: number,
): boolean {
  if (!Array.isArray(coordinates) || coordinates.length === 0) return false;
  writer.writeAscii('[');
  if (nesting === 0) {
    for (let index = 0; index < coordinates.length; index++) {
      const value: unknown = coordinates[index];
      if (index > 0) writer.writeAscii(', ');
      if (typeof value !== 'number' || !writer.writeCoordinate(value)) return false;
    }
  } else {
    for (let index = 0; index < coordinates.length; index++) {
      writer.writeAscii(index > 0 ? nextLineStart(depth + 1) : lineStart(depth + 1));
      if (!writeRoundedPositions(writer, coordinates[index], nesting - 1, depth + 1)) return false;
    }
    writer.writeAscii(lineStart(depth));
  }
  writer.writeAscii(']');
  return true;
}
