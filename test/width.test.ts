import {test} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {
	type Measure,
	clusterBoundaries,
	clusterWidth,
	codePointInfo,
	isBreakSpace,
	measureClusters,
	measureUnits,
	textWidth,
} from '../src/text/width.js';

// Oracles: Intl.Segmenter for boundaries, string-width for widths. textWidth does not strip ANSI
// codes, so random text is compared with string-width told not to strip them either.
const segmenter = new Intl.Segmenter('en', {granularity: 'grapheme'});

function segmenterBoundaries(text: string): number[] {
	const starts: number[] = [];
	for (const {index} of segmenter.segment(text)) {
		starts.push(index);
	}

	starts.push(text.length);
	return starts;
}

function oracleWidth(text: string): number {
	return stringWidth(text, {countAnsiEscapeCodes: true});
}

function show(text: string): string {
	return [...text].map(character => 'U+' + (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')).join(' ');
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
	['Devanagari conjunct क्ष', 'क्ष', 1, 1],
	['Devanagari consonant + spacing vowel sign', 'कि', 2, 1],
	['Devanagari word', 'नमस्ते', 3, 3],
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
		assert.equal(clusterWidth(text), width);
		assert.deepEqual([...clusterBoundaries(text)], segmenterBoundaries(text));
		assert.equal(clusterBoundaries(text).length - 1, clusters);
	});
}

test('width: clusterWidth of each cluster of a mixed paragraph', () => {
	const text = 'قال 👨\u200D👩\u200D👧 في #\uFE0F\u20E3 🇸🇦 كَتَبَ 中文 한국어 नमस्ते';
	for (const {segment} of segmenter.segment(text)) {
		assert.equal(clusterWidth(segment), stringWidth(segment), show(segment));
	}
});

// Context rules (GB9c, GB11, GB12/13) in stretches longer than one Intl.Segmenter slice.
const longCases: Array<[string, string]> = [
	['300 regional indicators', '🇸'.repeat(300)],
	['301 regional indicators then Arabic', '🇸'.repeat(301) + 'قال'],
	['emoji ZWJ chain of 200', Array.from({length: 200}, () => '😀').join('\u200D')],
	['one cluster of 600 code units with ZWJ', '😀' + '\u0301'.repeat(600) + '\u200D😀 x'],
	['Devanagari conjunct chain of 300', Array.from({length: 300}, () => 'क').join('\u094D') + ' a'],
	['surrogate pair across a slice edge', 'a\u0301\u200D😀' + '🇸'.repeat(127) + '😀'.repeat(200)],
	['Zalgo: a letter with 5000 marks', 'a' + '\u0301\u064E'.repeat(2500) + 'b'],
];

for (const [what, text] of longCases) {
	test(`width: long stretch: ${what}`, () => {
		assert.deepEqual([...clusterBoundaries(text)], segmenterBoundaries(text));
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
	const text = 'क' + '\u093F'.repeat(300);
	assert.equal(textWidth(text), stringWidth(text));
	assert.equal(measureClusters(text).widths[0], 255);
});

/**
Compares clusterBoundaries and textWidth with the oracles for many short strings. Intl.Segmenter
runs over the strings joined by NUL (a boundary on both sides), a few dozen at a time, because
one call per string would dominate the run time.
*/
function compareMany(texts: readonly string[]): string[] {
	const failures: string[] = [];
	const batch = 48;
	for (let first = 0; first < texts.length; first += batch) {
		const group = texts.slice(first, first + batch);
		const joined = group.join('\0');
		const isStart = new Uint8Array(joined.length + 1);
		for (const {index} of segmenter.segment(joined)) {
			isStart[index] = 1;
		}

		isStart[joined.length] = 1;
		let offset = 0;
		for (const text of group) {
			const expected: number[] = [];
			for (let index = 0; index <= text.length; index++) {
				if (isStart[offset + index] === 1) {
					expected.push(index);
				}
			}

			offset += text.length + 1;
			const actual = clusterBoundaries(text);
			let same = actual.length === expected.length;
			for (let index = 0; same && index < expected.length; index++) {
				same = actual[index] === expected[index];
			}

			if (!same) {
				failures.push(`boundaries of ${show(text)}: ${[...actual].join(',')} != ${expected.join(',')}`);
			}

			const width = textWidth(text);
			const expectedWidth = oracleWidth(text);
			if (width !== expectedWidth) {
				failures.push(`textWidth of ${show(text)}: ${width} != ${expectedWidth}`);
			}
		}
	}

	return failures;
}

const unassigned = /\p{Cn}/u;

test('width: every code point alone agrees with string-width', t => {
	const started = performance.now();
	const failures: string[] = [];
	for (let codePoint = 0; codePoint <= 0x10_FF_FF; codePoint++) {
		// Planes 4–13 (unassigned) and 15–16 (private use) are sampled.
		if (codePoint >= 0x4_00_00 && (codePoint < 0xE_00_00 || codePoint > 0xE_0F_FF) && codePoint % 61 !== 0) {
			continue;
		}

		const text = String.fromCodePoint(codePoint);
		const expected = stringWidth(text);
		if (clusterWidth(text) !== expected || textWidth(text) !== expected) {
			failures.push(`${show(text)}: ${clusterWidth(text)}/${textWidth(text)} != ${expected}`);
		}
	}

	assert.deepEqual(failures.slice(0, 20), []);
	t.diagnostic(`every code point alone: ${Math.round(performance.now() - started)} ms`);
});

test('width: every assigned code point in context agrees with Intl.Segmenter and string-width', t => {
	const started = performance.now();
	// After a letter, before a letter, before a fatha, after a Prepend (width of marks
	// after the first visible code point), after a consonant + virama (GB9c), after emoji +
	// ZWJ (GB11). Lone surrogates are included: they are assigned (Cs).
	const contexts: Array<(text: string) => string> = [
		text => text + 'a',
		text => 'a' + text,
		text => text + '\u064E',
		text => '\u0D4E' + text,
		text => '\u0915\u094D' + text,
		text => '😀\u200D' + text,
	];
	const failures: string[] = [];
	let count = 0;
	let texts: string[] = [];
	for (let codePoint = 0; codePoint <= 0x10_FF_FF; codePoint++) {
		const text = String.fromCodePoint(codePoint);
		// Planes 4–13 hold nothing; the private use planes 15 and 16 are sampled.
		if (unassigned.test(text) || (codePoint >= 0xF_00_00 && codePoint % 61 !== 0)) {
			continue;
		}

		for (const context of contexts) {
			texts.push(context(text));
		}

		count += contexts.length;

		if (texts.length >= 60_000) {
			failures.push(...compareMany(texts));
			texts = [];
		}
	}

	failures.push(...compareMany(texts));
	assert.deepEqual(failures.slice(0, 20), []);
	t.diagnostic(`${count} strings, every assigned code point in 6 contexts: ${Math.round(performance.now() - started)} ms`);
});

test('width: every Hangul syllable part next to each kind of jamo and syllable', () => {
	const neighbours = ['\u1100', '\u1161', '\u11A8', '\uAC00', '\uAC01', 'a'];
	const texts: string[] = [];
	for (const [low, high] of [[0x11_00, 0x11_FF], [0xA9_60, 0xA9_7F], [0xAC_00, 0xD7_A3], [0xD7_B0, 0xD7_FF]] as const) {
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
const range = (low: number, high: number) => fc.integer({min: low, max: high}).map(codePoint => String.fromCodePoint(codePoint));
const piece = fc.oneof(
	{weight: 6, arbitrary: range(0x06_21, 0x06_4A)}, // Arabic letters
	{weight: 4, arbitrary: range(0x06_4B, 0x06_5F)}, // harakat
	{weight: 1, arbitrary: fc.constantFrom('\u0670', '\u0600', '\u0601', '\u06DD', '\u08E2', '\uFEFB', '\uFDFA')},
	{weight: 3, arbitrary: range(0x05_D0, 0x05_EA)}, // Hebrew letters
	{weight: 2, arbitrary: range(0x05_B0, 0x05_C7)}, // niqqud and other points
	{weight: 4, arbitrary: range(0x61, 0x7A)},
	{weight: 2, arbitrary: fc.constantFrom('0', '5', '#', '*', '١', '۴', ' ', ' ', '\u00A0', '-', '.')},
	{weight: 2, arbitrary: fc.constantFrom('😀', '👍', '👨', '👩', '❤', '☝', '©', '⌚', '🏳', '🏴', '\u{1F9D1}')},
	{weight: 2, arbitrary: fc.constantFrom('\u200D', '\u200C', '\uFE0F', '\uFE0E', '\u20E3', '\u{E0100}')},
	{weight: 1, arbitrary: range(0x1_F3_FB, 0x1_F3_FF)}, // skin tones
	{weight: 2, arbitrary: range(0x1_F1_E6, 0x1_F1_FF)}, // regional indicators
	{weight: 1, arbitrary: fc.constantFrom('\u{E0067}', '\u{E0062}', '\u{E007F}')}, // tags
	{weight: 2, arbitrary: fc.constantFrom('\u1100', '\u1112', '\u1161', '\u1175', '\u11A8', '\u11AB', '\uAC00', '\uAC01', '\uD7B0', '\uD7CB', '\uA960')},
	{weight: 1, arbitrary: range(0x4E_00, 0x4E_FF)}, // CJK
	{weight: 1, arbitrary: fc.constantFrom('Ａ', 'ｶ', '\uFF9E', '\uFFA0', '\u3099')},
	{weight: 2, arbitrary: fc.constantFrom('\u0915', '\u0937', '\u094D', '\u093F', '\u0940', '\u0901', '\u09CD', '\u0995', '\u0D4E', '\u0E01', '\u0E33', '\u0E34')},
	{weight: 2, arbitrary: fc.constantFrom('\t', '\n', '\r', '\0', '\x1B', '\x7F', '\x85', '\u00AD', '\u200B', '\u200E', '\u200F', '\u061C', '\u2028', '\uFEFF', '\u2066', '\u2069')},
	{weight: 1, arbitrary: range(0xD8_00, 0xDF_FF)}, // lone surrogates
	{weight: 2, arbitrary: range(0x03_00, 0x03_6F)}, // combining marks, also at the start
	{weight: 1, arbitrary: fc.integer({min: 0, max: 0x10_FF_FF}).map(codePoint => String.fromCodePoint(codePoint))},
	// Sequences for the rules with context: consonant (marks) linker (marks) consonant (GB9c),
	// emoji (marks) ZWJ emoji (GB11).
	{weight: 3, arbitrary: fc.tuple(
		fc.constantFrom('क', 'ष', 'ক', 'ક', 'a', 'ب'),
		fc.array(fc.constantFrom('\u093C', '\u0301', '\u200D', '\u094D', '\u09CD', '\u0ACD', '\u093F', '\u0D4D', '\u064E'), {maxLength: 3}),
		fc.constantFrom('क', 'ष', 'ক', 'ક', '😀'),
	).map(([first, marks, last]) => first + marks.join('') + last)},
	{weight: 3, arbitrary: fc.tuple(
		fc.constantFrom('😀', '👨', '🏳', '❤', '#', '🇸', 'a'),
		fc.array(fc.constantFrom('\uFE0F', '🏽', '\u0301', '\u093F', '\u20E3', '\u200D', '\u{E0067}'), {maxLength: 3}),
		fc.constantFrom('😀', '👩', '🌈', '❤', 'क'),
	).map(([first, marks, last]) => first + marks.join('') + '\u200D' + last)},
);
const randomText = fc.array(piece, {maxLength: 40}).map(pieces => pieces.join(''));

test('width: random text agrees with Intl.Segmenter and string-width', () => {
	const measure: Measure = {starts: new Uint32Array(0), widths: new Uint8Array(0), count: 0};
	fc.assert(fc.property(randomText, text => {
		assert.deepEqual([...clusterBoundaries(text)], segmenterBoundaries(text), show(text));
		const width = textWidth(text);
		assert.equal(width, oracleWidth(text), show(text));
		measureClusters(text, measure);
		let sum = 0;
		for (let index = 0; index < measure.count; index++) {
			sum += measure.widths[index] ?? 0;
		}

		assert.equal(sum, width, show(text));
		assert.deepEqual([...measure.starts.subarray(0, measure.count + 1)], segmenterBoundaries(text), show(text));
		for (const {segment} of segmenter.segment(text)) {
			assert.equal(clusterWidth(segment), stringWidth(segment), show(segment));
		}
	}), {numRuns: 5000});
});

test('width: random long text crossing Intl.Segmenter slices', () => {
	const longText = fc.array(piece, {minLength: 200, maxLength: 700}).map(pieces => pieces.join(''));
	fc.assert(fc.property(longText, text => {
		assert.deepEqual([...clusterBoundaries(text)], segmenterBoundaries(text), show(text));
		assert.equal(textWidth(text), oracleWidth(text), show(text));
	}), {numRuns: 300});
});

// scanClusters's fast path (Logic 8) takes runs of class-Other code units and hands the rest to
// the full scan: text mostly of such units, broken by what may join them, crosses between the
// two paths at every kind of edge. Each cluster is compared with Intl.Segmenter and with the
// general per-cluster measure (clusterWidth), marks with what the line breaker expects.
const fastPathPiece = fc.oneof(
	{weight: 6, arbitrary: fc.constantFrom('ب', 'ل', 'ا', 'a', '1', ' ', '\u3000', '.', '中', '\uFEFB', '\u00A0')},
	{weight: 3, arbitrary: fc.constantFrom('\u064E', '\u0651', '\u0301', '\u200D', '\u200C', '\uFE0F', '\u0903')},
	{weight: 2, arbitrary: fc.constantFrom('\uD800', '\uDC00', '😀', '\u{1F3FD}', '\u{E0100}', '\u{1F1F8}', '\u{10900}')},
	{weight: 2, arbitrary: fc.constantFrom('\r', '\n', '\r\n', '\t', '\u200B', '\u2028', '\u0600', '\u1100', '\u1161', '\uAC00', 'क्', '\u0915')},
);

test('width: the fast path for class-Other runs agrees with Intl.Segmenter and the general measure', () => {
	fc.assert(fc.property(fc.array(fastPathPiece, {maxLength: 60}).map(pieces => pieces.join('')), text => {
		const measure = measureUnits(text);
		const starts = new Array<number>(text.length + 1).fill(0);
		const widths = new Array<number>(text.length).fill(0);
		let total = 0;
		for (const {segment, index} of segmenter.segment(text)) {
			starts[index] = segment === '\u2028' ? 3 : segment.length === 1 && isBreakSpace(segment.charCodeAt(0)) ? 2 : 1;
			widths[index] = clusterWidth(segment);
			total += stringWidth(segment, {countAnsiEscapeCodes: true});
		}

		starts[text.length] = 1;
		assert.deepEqual([...measure.starts.subarray(0, text.length + 1)], starts, show(text));
		assert.deepEqual([...measure.widths.subarray(0, text.length)], widths, show(text));
		assert.equal(textWidth(text), total, show(text));
	}), {numRuns: 5000});
});

/** Derives the code point table of src/text/width.ts from this runtime's oracles; see its Logic note 2. */
function deriveTable(): Uint8Array {
	const size = 0x11_00_00;
	// joined[k][codePoint]: Intl.Segmenter puts no boundary at the probe's offset.
	const probes: Array<(text: string) => [string, number]> = [
		text => ['a' + text, 1],
		text => [text + '\u0301', text.length],
		text => [text + 'a', text.length],
		text => [text + '\u1100', text.length],
		text => [text + '\u1161', text.length],
		text => [text + '\u11A8', text.length],
		text => ['\u1100' + text, 1],
		text => ['\u1161' + text, 1],
		text => ['😀\u200D' + text, 3],
		text => ['😀' + text + '😀', 2 + text.length],
		text => ['🇦' + text, 2],
		text => [text + '\u094D\u0915', text.length + 1],
	];
	const joined = probes.map(() => new Uint8Array(size));
	const batch = 48;
	for (let first = 0; first < size; first += batch) {
		const last = Math.min(size, first + batch);
		for (const [k, probe] of probes.entries()) {
			let text = '';
			const offsets: number[] = [];
			for (let codePoint = first; codePoint < last; codePoint++) {
				const [probeText, offset] = probe(String.fromCodePoint(codePoint));
				text += '\0';
				offsets.push(text.length + offset);
				text += probeText;
			}

			const isStart = new Uint8Array(text.length + 2);
			for (const {index} of segmenter.segment(text + '\0')) {
				isStart[index] = 1;
			}

			const row = joined[k];
			for (const [index, offset] of offsets.entries()) {
				if (row !== undefined && isStart[offset] === 0) {
					row[first + index] = 1;
				}
			}
		}
	}

	const is = (k: number, codePoint: number) => joined[k]?.[codePoint] === 1;
	const table = new Uint8Array(size);
	for (let codePoint = 0; codePoint < size; codePoint++) {
		const text = String.fromCodePoint(codePoint);
		let breakClass: number;
		if (codePoint === 0x0D) {
			breakClass = 4; // CR
		} else if (codePoint === 0x0A) {
			breakClass = 5; // LF
		} else if (!is(1, codePoint)) {
			breakClass = 3; // Control: a mark after it starts a new cluster
		} else if (is(0, codePoint)) {
			breakClass = is(9, codePoint) ? 2 : 1; // ZWJ (joins emoji to emoji) or Extend/SpacingMark
		} else if (is(2, codePoint)) {
			breakClass = 6; // Prepend
		} else if (is(10, codePoint)) {
			breakClass = 7; // Regional_Indicator
		} else if (is(3, codePoint) && is(4, codePoint) && !is(5, codePoint)) {
			breakClass = 10; // L
		} else if (!is(3, codePoint) && is(4, codePoint) && is(5, codePoint)) {
			breakClass = is(7, codePoint) ? 11 : 13; // V or LV
		} else if (!is(3, codePoint) && !is(4, codePoint) && is(5, codePoint)) {
			breakClass = is(6, codePoint) ? 14 : 12; // LVT or T
		} else if (is(8, codePoint)) {
			breakClass = 8; // Extended_Pictographic
		} else if (is(11, codePoint)) {
			breakClass = 9; // InCB=Consonant
		} else {
			breakClass = 0;
		}

		const alone = stringWidth(text);
		// After a visible Prepend of width 1, a code point adds what it adds after a cluster's first visible one.
		const after = breakClass === 3 || breakClass === 4 || breakClass === 5 ? 0 : stringWidth('\u0D4E' + text) - 1;
		table[codePoint] = alone | (after << 2) | (breakClass << 4);
	}

	return table;
}

function encodeTable(table: Uint8Array): string {
	const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&()*+,-./:;<=>?@[]^_{|}~';
	const palette: number[] = [];
	let runs = '';
	for (let start = 0; start < table.length;) {
		const value = table[start] ?? 0;
		let end = start + 1;
		while (end < table.length && table[end] === value) {
			end++;
		}

		let letter = palette.indexOf(value);
		if (letter === -1) {
			letter = palette.push(value) - 1;
		}

		runs += (letters[letter] ?? '?') + (end - start).toString(36);
		start = end;
	}

	const lines = runs.match(/.{1,96}/g) ?? [];
	return `const TABLE_PALETTE = [${palette.join(', ')}];\nconst TABLE_RUNS = [\n${lines.map(line => `\t'${line}',`).join('\n')}\n].join('');\n`;
}

// Regenerate the table of src/text/width.ts after a Node (ICU) or string-width upgrade:
// QARI_PRINT_WIDTH_TABLE=1 node --import tsx --test-name-pattern='code point table' test/width.test.ts
test('width: code point table matches this runtime (QARI_PRINT_WIDTH_TABLE=1 prints a fresh one)', {skip: process.env['QARI_PRINT_WIDTH_TABLE'] !== '1'}, () => {
	const table = deriveTable();
	process.stdout.write(encodeTable(table));
	const differences: string[] = [];
	for (let codePoint = 0; codePoint < table.length; codePoint++) {
		if (codePointInfo(codePoint) !== table[codePoint]) {
			differences.push(`U+${codePoint.toString(16)}: ${codePointInfo(codePoint)} != ${table[codePoint]}`);
		}
	}

	assert.deepEqual(differences.slice(0, 20), []);
});
