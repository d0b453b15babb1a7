// The one-pass word count and majority direction against their plain regex
// definitions, on random mixed text.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {majorityDirection} from '../src/parse/direction.js';
import {readingMinutes} from '../src/parse/reading-time.js';
import {longTextStats, NATIVE_BUDGET, shortTextStats, textStats} from '../src/parse/text-stats.js';

/** Words as the reader counts them: runs of non-space characters holding at least one letter or digit. */
const countWords = (text: string): number => textStats(text).words;

const referenceWords = (text: string) => text.split(/[\s\u2028]+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
const rtl = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const referenceDirection = (text: string) => {
	let r = 0;
	let l = 0;
	for (const m of text.matchAll(/\p{L}/gu)) {
		if (rtl.test(m[0])) r++;
		else l++;
	}
	return r === l ? undefined : r > l ? 'rtl' : 'ltr';
};

const text = fc
	.array(
		fc.oneof(
			fc.constantFrom('سلام', 'שלום', 'hello', '2011،', '—', '…', ' ', '\n', '\u2028', '\t', '١٢', '𞤀𞤁', '𝐀', '😀', 'e\u0301', '\ud800'),
			fc.string({unit: 'binary', maxLength: 4}),
		),
		{maxLength: 40},
	)
	.map((parts) => parts.join(''));

test('countWords agrees with splitting on whitespace and keeping tokens with a letter or digit', () => {
	fc.assert(
		fc.property(text, (t) => assert.equal(countWords(t), referenceWords(t))),
		{numRuns: 2000},
	);
});

test('majorityDirection agrees with counting \\p{L} letters by script', () => {
	fc.assert(
		fc.property(text, (t) => assert.equal(majorityDirection(t), referenceDirection(t))),
		{numRuns: 2000},
	);
});

// [words, lang, minutes]
const minuteCases: [number, string, number][] = [
	[0, 'ar', 0],
	[1, 'ar', 1],
	[138, 'ar', 1],
	[682, 'ar', 5],
	[228 * 3, 'en-GB', 3],
	[184 * 2, 'xx', 2],
];
for (const [words, lang, minutes] of minuteCases) {
	test(`readingMinutes(${words}, ${lang}) = ${minutes}`, () => assert.equal(readingMinutes(words, lang), minutes));
}

test('textStats: regular expressions (short texts) and the loop (long ones) count alike (text-stats.ts Logic 2)', () => {
	const piece = fc.constantFrom(
		'a',
		'Z',
		'7',
		'٣',
		'ب',
		'ة',
		'\u064e',
		'א',
		'ß',
		'中',
		'𝐀',
		'𞤀',
		'😀',
		'\ud800',
		'\udc00',
		' ',
		'\u00a0',
		'\u2028',
		'\n',
		'\t',
		'-',
		'.',
		'،',
		'…',
		"'",
		'\u200f',
	);
	fc.assert(
		fc.property(fc.array(piece, {maxLength: 40}), (pieces) => {
			const text = pieces.join('');
			assert.deepEqual(shortTextStats(text), longTextStats(text), JSON.stringify(text));
		}),
		{numRuns: 3000},
	);
	const long = 'word كلمة ١٢ - '.repeat(NATIVE_BUDGET / 8);
	assert.ok(long.length > NATIVE_BUDGET);
	assert.deepEqual(textStats(long), shortTextStats(long));
});
