import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {gunzipSync} from 'node:zlib';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {clusterEnd, codePointInfo} from '../src/text/grapheme.js';
import {unlessExhaustive} from './helpers/exhaustive.js';
import {type Measure, BREAK_SPACES, clusterBoundaries, isBreakSpace, measureClusters, measureUnits, textWidth} from '../src/text/width.js';

// Oracles. Boundaries: UAX #29 of Unicode 15.0 — grapheme.ts's plain segmenter, itself checked
// against GraphemeBreakTest-15.0.0.txt by test/grapheme.test.ts. Widths: string-width 8, over
// text whose code points are all assigned in Unicode 15.0 (the version of our tables), applied
// to each of our clusters (string-width segments with the running ICU, Unicode 17 on Node
// 20.20, whose GB9c joins Indic conjuncts that 15.0 leaves apart), or to whole strings where
// no conjunct can form. Intl.Segmenter is no oracle: it follows the running ICU.
// textWidth does not strip ANSI codes, so string-width is told not to strip them either.

function ucd(name: string): string {
	return gunzipSync(readFileSync(new URL(`../data/unicode/15.0.0/${name}.gz`, import.meta.url))).toString('utf8');
}

/** 1 for each code point assigned in Unicode 15.0 (UnicodeData.txt, its ranges included). */
const assigned15 = (() => {
	const assigned = new Uint8Array(0x11_00_00);
	let rangeStart = -1;
	for (const line of ucd('UnicodeData.txt').split('\n')) {
		if (line === '') continue;
		const [hex = '', name = ''] = line.split(';');
		const codePoint = Number.parseInt(hex, 16);
		if (name.endsWith(', First>')) {
			rangeStart = codePoint;
			continue;
		}

		assigned.fill(1, name.endsWith(', Last>') ? rangeStart : codePoint, codePoint + 1);
	}

	return assigned;
})();

/**
The code points whose string-width 8 width on Node 20.20 (ICU 78, Unicode 17; get-east-asian-width
with Unicode 17 data) differs from their Unicode 15.0 width, because their properties changed after
15.0. Any other difference fails the tests. One more kind is found by rule (changedPictographic):
code points that are Extended_Pictographic in 15.0's emoji-data.txt and not in the running ICU.
*/
const CHANGED_AFTER_15: ReadonlyArray<readonly [number, number, string]> = [
	[0x26_30, 0x26_37, 'trigrams: East_Asian_Width N in 15.0, W in 16.0'],
	[0x26_8a, 0x26_8f, 'monograms and digrams: East_Asian_Width N in 15.0, W in 16.0'],
	[0x4d_c0, 0x4d_ff, 'Yijing hexagrams: East_Asian_Width N in 15.0, W in 16.0'],
	[0x1_d3_00, 0x1_d3_56, 'Tai Xuan Jing symbols: East_Asian_Width N in 15.0, W in 16.0'],
	[0x1_d3_60, 0x1_d3_76, 'counting rod numerals: East_Asian_Width N in 15.0, W in 16.0'],
	[0x1_17_1e, 0x1_17_1e, 'AHOM CONSONANT SIGN MEDIAL RA: Mn (invisible) in 15.0, Mc in the running ICU'],
	[0x1_1a_3a, 0x1_1a_3a, 'ZANABAZAR SQUARE CLUSTER-INITIAL LETTER RA: Prepend in 15.0, not in the running ICU'],
];

function isChangedAfter15(codePoint: number): boolean {
	return CHANGED_AFTER_15.some(([first, last]) => codePoint >= first && codePoint <= last);
}

/** Extended_Pictographic in Unicode 15.0 but not in the running ICU (Unicode 17 dropped it from unassigned-emoji-like symbols such as ★): GB11 joins them after an emoji ZWJ in 15.0 only. */
function changedPictographic(codePoint: number): boolean {
	return codePointInfo(codePoint) >> 4 === 8 && !/\p{Extended_Pictographic}/u.test(String.fromCodePoint(codePoint));
}

/** For random text: a code point both versions agree on, else 'a'. */
function agreed(codePoint: number): string {
	return assigned15[codePoint] === 1 && !isChangedAfter15(codePoint) && !changedPictographic(codePoint) ? String.fromCodePoint(codePoint) : 'a';
}

/** Our clusters by the plain segmenter (grapheme.ts). */
function plainClusters(text: string): string[] {
	const clusters: string[] = [];
	for (let start = 0; start < text.length; ) {
		const end = clusterEnd(text, start);
		clusters.push(text.slice(start, end));
		start = end;
	}

	return clusters;
}

function plainBoundaries(text: string): number[] {
	const starts = [0];
	for (const cluster of plainClusters(text)) {
		starts.push((starts.at(-1) ?? 0) + cluster.length);
	}

	return text.length === 0 ? [0] : starts;
}

/**
 * Flag sequences that became RGI emoji after Unicode 15.0 (Emoji 16.0 added Sark, 🇨🇶):
 * string-width, through the running ICU, sees a 2-cell flag; in 15.0 they are two
 * regional indicators that pair into one cluster of the first one's width, 1.
 */
const flagsAfter15 = new Set(['\u{1F1E8}\u{1F1F6}']);

/** string-width's answer for one of our clusters, but for the flags Unicode 15.0 does not have. */
function oracleClusterWidth(cluster: string): number {
	return flagsAfter15.has(cluster) ? 1 : stringWidth(cluster, {countAnsiEscapeCodes: true});
}

/** string-width's rules applied to each of our clusters. */
function oracleWidth(text: string): number {
	let width = 0;
	for (const cluster of plainClusters(text)) {
		width += oracleClusterWidth(cluster);
	}

	return width;
}

function show(text: string): string {
	return [...text].map((character) => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

// [what, text, width in cells, clusters]
const cases: Array<[string, string, number, number]> = [
	['ASCII letter', 'a', 1, 1],
	['ASCII words', 'two words', 9, 9],
	['Arabic letter', 'ب', 1, 1],
	['Arabic letter + fatha + shadda', 'بَّ', 1, 1],
	['Arabic word with harakat', 'كَتَبَ', 3, 3],
	['Arabic superscript alef U+0670', 'هٰذا', 3, 3],
	['lam-alef presentation form U+FEFB', '\uFEFB', 1, 1],
	['Arabic letters', 'كتاب', 4, 4],
	['Arabic ligature U+FDFA', '\uFDFA', 1, 1],
	['Arabic number sign U+0600 (Prepend) + digits', '\u0600١٢', 2, 2],
	['Persian word with ZWNJ', 'می\u200Cخواهم', 7, 7],
	['ZWNJ U+200C', '\u200C', 0, 1],
	['ZWJ U+200D', '\u200D', 0, 1],
	['LRM U+200E', '\u200E', 0, 1],
	['RLM U+200F', '\u200F', 0, 1],
	['ALM U+061C', '\u061C', 0, 1],
	['isolates LRI…PDI around a word', '\u2066abc\u2069', 3, 5],
	['ZWNBSP / BOM U+FEFF', '\uFEFF', 0, 1],
	['soft hyphen U+00AD', '\u00AD', 0, 1],
	['Hebrew letter + niqqud', 'שָׁ', 1, 1],
	['CJK ideograph', '中', 2, 1],
	['CJK ideograph + variation selector 17', '葛\u{E0100}', 2, 1],
	['fullwidth A', 'Ａ', 2, 1],
	['halfwidth katakana + voiced sound mark', 'ｶﾞ', 2, 1],
	['ambiguous ± is narrow', '±', 1, 1],
	['emoji', '😀', 2, 1],
	['emoji ZWJ family', '👨\u200D👩\u200D👧\u200D👦', 2, 1],
	['emoji ZWJ sequence, not RGI', '😀\u200D😀', 2, 1],
	['flag', '🇸🇦', 2, 1],
	['two flags', '🇸🇦🇮🇱', 4, 2],
	['lone regional indicator', '🇸', 1, 1],
	['three regional indicators', '🇸🇦🇮', 3, 2],
	['keycap #️⃣', '#\uFE0F\u20E3', 2, 1],
	['unqualified keycap 1⃣', '1\u20E3', 2, 1],
	['skin tone modifier', '👍🏽', 2, 1],
	['text-default emoji + skin tone', '☝🏽', 2, 1],
	['text-style heart', '❤', 1, 1],
	['heart + VS16', '❤\uFE0F', 2, 1],
	['Hangul syllable', '한', 2, 1],
	['Hangul jamo L+V+T', '\u1112\u1161\u11AB', 2, 1],
	['Hangul jamo L+L+V', '\u1100\u1100\u1161', 4, 1],
	['Hangul syllable LV + trailing jamo', '\uAC00\u11A8', 2, 1],
	['Devanagari consonant + spacing vowel sign', 'कि', 2, 1],
	['Thai consonant + SARA AM', 'กำ', 1, 1],
	['Thai consonant + vowel above', 'กิ', 1, 1],
	['Latin + combining acute', 'e\u0301', 1, 1],
	['combining mark alone', '\u0301', 0, 1],
	['tab', '\t', 0, 1],
	['NUL', '\0', 0, 1],
	['DEL', '\x7F', 0, 1],
	['C1 control NEL', '\x85', 0, 1],
	['CR LF', '\r\n', 0, 1],
	['LF CR', '\n\r', 0, 2],
	['line separator U+2028', '\u2028', 1, 1],
	['lone high surrogate', '\uD800', 0, 1],
	['lone low surrogate + letter', '\uDC00a', 1, 2],
	['Malayalam dot reph (Prepend) + fullwidth A', '\u0D4E\uFF21', 3, 1],
	['empty string', '', 0, 0],
];

for (const [what, text, width, clusters] of cases) {
	test(`width: ${what}`, () => {
		assert.equal(stringWidth(text), width, 'the oracle itself');
		assert.equal(textWidth(text), width);
		assert.equal(textWidth(text), width);
		assert.deepEqual([...clusterBoundaries(text)], plainBoundaries(text));
		assert.equal(clusterBoundaries(text).length - 1, clusters);
	});
}

// Unicode 15.0 has no GB9c (Indic conjuncts, 15.1): string-width, which segments with the
// running ICU (Unicode 17), joins what our clusters keep apart, each as wide as string-width
// says on its own.
for (const [what, text, width, clusters, theirs] of [
	['Devanagari conjunct क्ष', 'क्ष', 2, 2, 1],
	['Devanagari word', 'नमस्ते', 4, 4, 3],
] as const) {
	test(`width: ${what}: no GB9c in Unicode 15.0`, () => {
		assert.equal(stringWidth(text), theirs, 'the oracle itself');
		assert.equal(textWidth(text), width);
		assert.equal(oracleWidth(text), width);
		assert.equal(clusterBoundaries(text).length - 1, clusters);
	});
}

test('width: textWidth of each cluster of a mixed paragraph', () => {
	const text = 'قال 👨\u200D👩\u200D👧 في #\uFE0F\u20E3 🇸🇦 كَتَبَ 中文 한국어 नमस्ते';
	for (const cluster of plainClusters(text)) {
		assert.equal(textWidth(cluster), stringWidth(cluster), show(cluster));
	}
});

// Context rules (GB11, GB12/13) in long stretches.
const longCases: Array<[string, string]> = [
	['300 regional indicators', '🇸'.repeat(300)],
	['301 regional indicators then Arabic', `${'🇸'.repeat(301)}قال`],
	['emoji ZWJ chain of 200', Array.from({length: 200}, () => '😀').join('\u200D')],
	['one cluster of 600 code units with ZWJ', `😀${'\u0301'.repeat(600)}\u200D😀 x`],
	['Devanagari conjunct chain of 300', `${Array.from({length: 300}, () => 'क').join('\u094D')} a`],
	['surrogate pair across a slice edge', `a\u0301\u200D😀${'🇸'.repeat(127)}${'😀'.repeat(200)}`],
	['Zalgo: a letter with 5000 marks', `a${'\u0301\u064E'.repeat(2500)}b`],
];

for (const [what, text] of longCases) {
	test(`width: long stretch: ${what}`, () => {
		assert.deepEqual([...clusterBoundaries(text)], plainBoundaries(text));
		assert.equal(textWidth(text), oracleWidth(text));
		const measure = measureClusters(text);
		let sum = 0;
		for (let index = 0; index < measure.count; index++) {
			sum += measure.widths[index] ?? 0;
		}

		assert.equal(sum, textWidth(text));
	});
}

test('width: measureClusters reuses and grows the Measure it is given', () => {
	const measure: Measure = {starts: new Uint32Array(2), widths: new Uint8Array(1), count: 0};
	const first = measureClusters('كَتَبَ 中文', measure);
	assert.equal(first, measure);
	assert.equal(measure.count, 6);
	assert.deepEqual([...measure.starts.subarray(0, 7)], [0, 2, 4, 6, 7, 8, 9]);
	assert.deepEqual([...measure.widths.subarray(0, 6)], [1, 1, 1, 1, 2, 2]);
	const {starts} = measure;
	measureClusters('ab', measure);
	assert.equal(measure.starts, starts, 'no new array when it fits');
	assert.equal(measure.count, 2);
	assert.deepEqual([...measure.starts.subarray(0, 3)], [0, 1, 2]);
	assert.deepEqual(measureClusters('', measure).count, 0);
	assert.equal(measure.starts[0], 0);
});

test('width: a cluster wider than 255 cells saturates in widths but not in textWidth', () => {
	const text = `क${'\u093F'.repeat(300)}`;
	assert.equal(textWidth(text), stringWidth(text));
	assert.equal(measureClusters(text).widths[0], 255);
});

/**
Compares clusterBoundaries with the plain segmenter and textWidth with string-width (whole
strings: callers pass no text where an Indic conjunct could form) for many short strings, and
returns the differences.
*/
function compareMany(texts: readonly string[]): string[] {
	const failures: string[] = [];
	for (const text of texts) {
		const actual = [...clusterBoundaries(text)].join(',');
		const expected = plainBoundaries(text).join(',');
		if (actual !== expected) {
			failures.push(`boundaries of ${show(text)}: ${actual} != ${expected}`);
		}

		const width = textWidth(text);
		const expectedWidth = stringWidth(text, {countAnsiEscapeCodes: true});
		if (width !== expectedWidth) {
			failures.push(`textWidth of ${show(text)}: ${width} != ${expectedWidth}`);
		}
	}

	return failures;
}

/** Every code point assigned in Unicode 15.0, the private use planes 15 and 16 sampled. */
function* assignedCodePoints(): Generator<number> {
	for (let codePoint = 0; codePoint <= 0x10_ff_ff; codePoint++) {
		if (assigned15[codePoint] === 1 && (codePoint < 0xf_00_00 || codePoint % 61 === 0)) {
			yield codePoint;
		}
	}
}

test('width: every code point assigned in Unicode 15.0, alone, agrees with string-width but for the listed changes', {skip: unlessExhaustive}, (t) => {
	const started = performance.now();
	const failures: string[] = [];
	const changed = new Set<number>();
	let count = 0;
	for (const codePoint of assignedCodePoints()) {
		count++;
		const text = String.fromCodePoint(codePoint);
		const expected = stringWidth(text);
		if (textWidth(text) !== expected) {
			if (isChangedAfter15(codePoint)) {
				changed.add(codePoint);
			} else {
				failures.push(`${show(text)}: ${textWidth(text)} != ${expected}`);
			}
		}
	}

	assert.deepEqual(failures.slice(0, 20), []);
	t.diagnostic(`${count} code points, ${changed.size} listed as changed after 15.0: ${Math.round(performance.now() - started)} ms`);
});

test('width: every code point assigned in Unicode 15.0, in context, agrees with string-width but for the listed changes', {skip: unlessExhaustive}, (t) => {
	const started = performance.now();
	// After a letter, before a letter, before a fatha, after a Prepend (width of marks after the
	// first visible code point), after emoji + ZWJ (GB11). Lone surrogates are included: they are
	// assigned (Cs).
	const contexts: Array<(text: string) => string> = [
		(text) => `${text}a`,
		(text) => `a${text}`,
		(text) => `${text}\u064E`,
		(text) => `\u0D4E${text}`,
		(text) => `😀\u200D${text}`,
	];
	const failures: string[] = [];
	const changed = new Set<number>();
	let pictographic = 0;
	let count = 0;
	for (const codePoint of assignedCodePoints()) {
		const text = String.fromCodePoint(codePoint);
		for (const [k, context] of contexts.entries()) {
			count++;
			const found = compareMany([context(text)]);
			if (found.length === 0) {
				continue;
			}

			if (isChangedAfter15(codePoint)) {
				changed.add(codePoint);
				continue;
			}

			if (k === 4 && changedPictographic(codePoint)) {
				pictographic++; // 15.0 joins it to 😀 + ZWJ (GB11); Unicode 17 does not
				continue;
			}

			failures.push(...found);
		}
	}

	assert.deepEqual(failures.slice(0, 20), []);
	// Every listed range does differ: one the oracle agrees with would be no exception.
	for (const [first, last, why] of CHANGED_AFTER_15) {
		assert.ok(
			[...changed].some((codePoint) => codePoint >= first && codePoint <= last),
			`no difference in ${why}`,
		);
	}

	t.diagnostic(
		`${count} strings; ${changed.size} code points listed as changed after 15.0; ${pictographic} Extended_Pictographic in 15.0 only; ${Math.round(performance.now() - started)} ms`,
	);
});

test('width: every RGI emoji of Unicode 15.0 is one cluster, 2 cells wide, as string-width says', () => {
	const failures: string[] = [];
	let count = 0;
	for (const name of ['emoji-sequences.txt', 'emoji-zwj-sequences.txt']) {
		for (const line of ucd(name).split('\n')) {
			const data = line.replace(/#.*/, '').trim();
			if (data === '') continue;
			const points = data.split(';')[0]?.trim() ?? '';
			const [first = 0, last = first] = points.includes('..') ? points.split('..').map((hex) => Number.parseInt(hex, 16)) : [];
			const sequences = points.includes('..')
				? Array.from({length: last - first + 1}, (_, k) => String.fromCodePoint(first + k))
				: [String.fromCodePoint(...points.split(' ').map((hex) => Number.parseInt(hex, 16)))];
			for (const text of sequences) {
				count++;
				if (textWidth(text) !== 2 || stringWidth(text) !== 2 || clusterBoundaries(text).length !== 2) {
					failures.push(`${show(text)}: ${textWidth(text)}/${stringWidth(text)}, ${clusterBoundaries(text).length - 1} clusters`);
				}
			}
		}
	}

	assert.equal(count, 3664);
	assert.deepEqual(failures.slice(0, 20), []);
});

test('width: every Hangul syllable part next to each kind of jamo and syllable', {skip: unlessExhaustive}, () => {
	const neighbours = ['\u1100', '\u1161', '\u11A8', '\uAC00', '\uAC01', 'a'];
	const texts: string[] = [];
	for (const [low, high] of [
		[0x11_00, 0x11_ff],
		[0xa9_60, 0xa9_7f],
		[0xac_00, 0xd7_a3],
		[0xd7_b0, 0xd7_ff],
	] as const) {
		for (let codePoint = low; codePoint <= high; codePoint++) {
			const text = String.fromCodePoint(codePoint);
			for (const neighbour of neighbours) {
				texts.push(neighbour + text, text + neighbour);
			}
		}
	}

	assert.deepEqual(compareMany(texts).slice(0, 20), []);
});

// Random text from pieces that exercise every rule.
const range = (low: number, high: number) => fc.integer({min: low, max: high}).map((codePoint) => String.fromCodePoint(codePoint));
const piece = fc.oneof(
	{weight: 6, arbitrary: range(0x06_21, 0x06_4a)}, // Arabic letters
	{weight: 4, arbitrary: range(0x06_4b, 0x06_5f)}, // harakat
	{weight: 1, arbitrary: fc.constantFrom('\u0670', '\u0600', '\u0601', '\u06DD', '\u08E2', '\uFEFB', '\uFDFA')},
	{weight: 3, arbitrary: range(0x05_d0, 0x05_ea)}, // Hebrew letters
	{weight: 2, arbitrary: range(0x05_b0, 0x05_c7)}, // niqqud and other points
	{weight: 4, arbitrary: range(0x61, 0x7a)},
	{weight: 2, arbitrary: fc.constantFrom('0', '5', '#', '*', '١', '۴', ' ', ' ', '\u00A0', '-', '.')},
	{weight: 2, arbitrary: fc.constantFrom('😀', '👍', '👨', '👩', '❤', '☝', '©', '⌚', '🏳', '🏴', '\u{1F9D1}')},
	{weight: 2, arbitrary: fc.constantFrom('\u200D', '\u200C', '\uFE0F', '\uFE0E', '\u20E3', '\u{E0100}')},
	{weight: 1, arbitrary: range(0x1_f3_fb, 0x1_f3_ff)}, // skin tones
	{weight: 2, arbitrary: range(0x1_f1_e6, 0x1_f1_ff)}, // regional indicators
	{weight: 1, arbitrary: fc.constantFrom('\u{E0067}', '\u{E0062}', '\u{E007F}')}, // tags
	{weight: 2, arbitrary: fc.constantFrom('\u1100', '\u1112', '\u1161', '\u1175', '\u11A8', '\u11AB', '\uAC00', '\uAC01', '\uD7B0', '\uD7CB', '\uA960')},
	{weight: 1, arbitrary: range(0x4e_00, 0x4e_ff)}, // CJK
	{weight: 1, arbitrary: fc.constantFrom('Ａ', 'ｶ', '\uFF9E', '\uFFA0', '\u3099')},
	{
		weight: 2,
		arbitrary: fc.constantFrom('\u0915', '\u0937', '\u094D', '\u093F', '\u0940', '\u0901', '\u09CD', '\u0995', '\u0D4E', '\u0E01', '\u0E33', '\u0E34'),
	},
	{
		weight: 2,
		arbitrary: fc.constantFrom(
			'\t',
			'\n',
			'\r',
			'\0',
			'\x1B',
			'\x7F',
			'\x85',
			'\u00AD',
			'\u200B',
			'\u200E',
			'\u200F',
			'\u061C',
			'\u2028',
			'\uFEFF',
			'\u2066',
			'\u2069',
		),
	},
	{weight: 1, arbitrary: range(0xd8_00, 0xdf_ff)}, // lone surrogates
	{weight: 2, arbitrary: range(0x03_00, 0x03_6f)}, // combining marks, also at the start
	{weight: 1, arbitrary: fc.integer({min: 0, max: 0x10_ff_ff}).map(agreed)},
	// Sequences for the rules with context: consonant (marks) linker (marks) consonant (GB9c),
	// emoji (marks) ZWJ emoji (GB11).
	{
		weight: 3,
		arbitrary: fc
			.tuple(
				fc.constantFrom('क', 'ष', 'ক', 'ક', 'a', 'ب'),
				fc.array(fc.constantFrom('\u093C', '\u0301', '\u200D', '\u094D', '\u09CD', '\u0ACD', '\u093F', '\u0D4D', '\u064E'), {maxLength: 3}),
				fc.constantFrom('क', 'ष', 'ক', 'ક', '😀'),
			)
			.map(([first, marks, last]) => first + marks.join('') + last),
	},
	{
		weight: 3,
		arbitrary: fc
			.tuple(
				fc.constantFrom('😀', '👨', '🏳', '❤', '#', '🇸', 'a'),
				fc.array(fc.constantFrom('\uFE0F', '🏽', '\u0301', '\u093F', '\u20E3', '\u200D', '\u{E0067}'), {maxLength: 3}),
				fc.constantFrom('😀', '👩', '🌈', '❤', 'क'),
			)
			.map(([first, marks, last]) => `${first + marks.join('')}\u200D${last}`),
	},
);
const randomText = fc.array(piece, {maxLength: 40}).map((pieces) => pieces.join(''));

test('width: random text agrees with UAX #29 15.0 and string-width', () => {
	const measure: Measure = {starts: new Uint32Array(0), widths: new Uint8Array(0), count: 0};
	fc.assert(
		fc.property(randomText, (text) => {
			assert.deepEqual([...clusterBoundaries(text)], plainBoundaries(text), show(text));
			const width = textWidth(text);
			assert.equal(width, oracleWidth(text), show(text));
			measureClusters(text, measure);
			let sum = 0;
			for (let index = 0; index < measure.count; index++) {
				sum += measure.widths[index] ?? 0;
			}

			assert.equal(sum, width, show(text));
			assert.deepEqual([...measure.starts.subarray(0, measure.count + 1)], plainBoundaries(text), show(text));
			for (const cluster of plainClusters(text)) {
				assert.equal(textWidth(cluster), oracleClusterWidth(cluster), show(cluster));
			}
		}),
		{numRuns: 5000},
	);
});

test('width: random long text', () => {
	const longText = fc.array(piece, {minLength: 200, maxLength: 700}).map((pieces) => pieces.join(''));
	fc.assert(
		fc.property(longText, (text) => {
			assert.deepEqual([...clusterBoundaries(text)], plainBoundaries(text), show(text));
			assert.equal(textWidth(text), oracleWidth(text), show(text));
		}),
		{numRuns: 300},
	);
});

// scanClusters's fast path (Logic 8) takes runs of class-Other code units and hands the rest to
// the full scan: text mostly of such units, broken by what may join them, crosses between the
// two paths at every kind of edge. Each cluster is compared with the plain segmenter and with the
// general measure (textWidth of the cluster), marks with what the line breaker expects.
const fastPathPiece = fc.oneof(
	{weight: 6, arbitrary: fc.constantFrom('ب', 'ل', 'ا', 'a', '1', ' ', '\u3000', '.', '中', '\uFEFB', '\u00A0')},
	{weight: 3, arbitrary: fc.constantFrom('\u064E', '\u0651', '\u0301', '\u200D', '\u200C', '\uFE0F', '\u0903')},
	{weight: 2, arbitrary: fc.constantFrom('\uD800', '\uDC00', '😀', '\u{1F3FD}', '\u{E0100}', '\u{1F1F8}', '\u{10900}')},
	{weight: 2, arbitrary: fc.constantFrom('\r', '\n', '\r\n', '\t', '\u200B', '\u2028', '\u0600', '\u1100', '\u1161', '\uAC00', 'क्', '\u0915')},
);

test('width: the fast path for class-Other runs agrees with the plain segmenter and the general measure', () => {
	fc.assert(
		fc.property(
			fc.array(fastPathPiece, {maxLength: 60}).map((pieces) => pieces.join('')),
			(text) => {
				const measure = measureUnits(text);
				const starts = new Array<number>(text.length + 1).fill(0);
				const widths = new Array<number>(text.length).fill(0);
				let total = 0;
				let index = 0;
				for (const segment of plainClusters(text)) {
					starts[index] = segment === '\u2028' ? 3 : segment.length === 1 && isBreakSpace(segment.charCodeAt(0)) ? 2 : 1;
					widths[index] = textWidth(segment);
					total += stringWidth(segment, {countAnsiEscapeCodes: true});
					index += segment.length;
				}

				starts[text.length] = 1;
				assert.deepEqual([...measure.starts.subarray(0, text.length + 1)], starts, show(text));
				assert.deepEqual([...measure.widths.subarray(0, text.length)], widths, show(text));
				assert.equal(textWidth(text), total, show(text));
			},
		),
		{numRuns: 5000},
	);
});

test('BREAK_SPACES lists exactly the code units isBreakSpace accepts (the start-up table is built from the list)', () => {
	const accepted: number[] = [];
	for (let unit = 0; unit <= 0xffff; unit++) if (isBreakSpace(unit)) accepted.push(unit);
	assert.deepEqual(accepted, [...BREAK_SPACES]);
});
