/**
 * JSON syntax errors: jsonc-parser finds them, import-syntax.ts says them in a reader's words at
 * the right line and column (the broken files of tests/fixtures/bad cover the rest).
 */
import { describe, expect, it } from 'vitest';
import { lineAndColumn } from '../../src/lib/geo/import-messages.ts';
import { jsonSyntaxProblem } from '../../src/lib/geo/import-syntax.ts';

const said = (text: string) => {
  const problem = jsonSyntaxProblem(text);
  return problem && `${lineAndColumn(text, problem.offset)}: ${problem.message}`;
};

describe('JSON syntax errors', () => {
  it.each([
    ['{"a": -Infinity}', 'line 1, column 7: -Infinity is not a JSON value; write a number or null'],
    ['{"a": .5}', 'line 1, column 7: a number cannot start with "." in JSON'],
    ['{"a": 1.}', 'line 1, column 7: "1." is not a number as JSON writes them'],
    ['{"a" 1}', 'line 1, column 6: expected ":" after the name "a", found "1"'],
    ['{"a": }', 'line 1, column 7: the name "a" has no value before "}"'],
    ['[1,,2]', 'line 1, column 4: a comma where a value should be (an empty item?)'],
    ['{1: 2}', 'line 1, column 2: expected a name in double quotes, found "1"'],
    ['"ab\\u12"', 'line 1, column 4: \\u is not an escape JSON knows'],
    ['"a\tb"', 'line 1, column 3: a raw tab inside a text value'],
    ['[1] x', 'line 1, column 5: more text after the end of the JSON value, starting with "x"'],
    [
      '{"a":1,}',
      'line 1, column 7: a comma just before "}": JSON allows no comma after the last item',
    ],
    [
      '{\n "a": [1,\n  2',
      'line 3, column 4: the file ends before the JSON is complete (was it cut off?): the "[" at line 2, column 7 is never closed',
    ],
  ])('%j', (text, expected) => {
    expect(said(text)).toContain(expected);
  });

  it('finds nothing in valid JSON', () => {
    expect(jsonSyntaxProblem('{"type": "Feature", "a": [1, 2.5e3, "x\\n"]}')).toBeNull();
  });
});
