// The bundle's stand-in for string-width 8 (scripts/build/string-width-shim.ts, swapped in
// by scripts/build/build.mjs) gives string-width's answers, ANSI escape codes included.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import stringWidth from 'string-width';
import shim from '../scripts/build/string-width-shim.js';

const pieces = [
	'a',
	'Z',
	' ',
	'~',
	'é',
	'e\u0301',
	'ب',
	'ﻻ',
	'א',
	'世',
	'한',
	'\u1100\u1161',
	'ｶ',
	'ﾞ',
	'😀',
	'👍🏽',
	'👩‍👩‍👧',
	'🇸🇾',
	'1\uFE0F\u20E3',
	'\u200B',
	'\u200D',
	'\u00AD',
	'\t',
	'\n',
	'\u0000',
	'\u007F',
	'\u009B',
	'\uFEFF',
	'\u2066',
	'\uD800',
	'\u001B[31m',
	'\u001B[0m',
	'\u001B[1;38;2;10;20;30m',
	'\u001B]8;;https://example.org\u0007',
	'\u001B]8;;\u0007',
	'\u009B4m',
];
const text = fc.array(fc.constantFrom(...pieces), {maxLength: 30}).map((a) => a.join(''));

test('the string-width shim agrees with string-width 8, with and without countAnsiEscapeCodes', () => {
	fc.assert(
		fc.property(text, (t) => {
			assert.equal(shim(t), stringWidth(t), JSON.stringify(t));
			assert.equal(shim(t, {countAnsiEscapeCodes: true}), stringWidth(t, {countAnsiEscapeCodes: true}), JSON.stringify(t));
		}),
		{numRuns: 3000},
	);
});

test('the string-width shim: not a string, or empty, is 0', () => {
	for (const value of [undefined, null, 5, {}, '']) assert.equal(shim(value), 0);
});
