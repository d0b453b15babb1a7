// breakLines walks code units with the clusters marked on them (wrap.ts Logic 6). Here it is
// checked against the rules stated over a list of clusters (grapheme.ts clusterEnd, width.ts textWidth of each cluster):
// a table, then random text full of what makes units and clusters differ (harakat, a space
// with a mark on it, Prepend before a space, pairs, wide letters, forced breaks).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {clusterEnd} from '../src/text/grapheme.js';
import {measureUnits, textWidth} from '../src/text/width.js';
import {breakLines, isBreakSpace, type LineRange} from '../src/text/wrap.js';

/** The clusters of `text` (UAX #29 of Unicode 15.0, checked against its GraphemeBreakTest by test/grapheme.test.ts), as Intl.Segmenter lists them. */
function segment(text: string): Array<{segment: string; index: number}> {
	const clusters: Array<{segment: string; index: number}> = [];
	for (let index = 0; index < text.length; ) {
		const end = clusterEnd(text, index);
		clusters.push({segment: text.slice(index, end), index});
		index = end;
	}
	return clusters;
}

/** The line breaking rules (wrap.ts Logic 2–5), one cluster at a time. */
function referenceLines(text: string, width: number): LineRange[] {
	const clusters = segment(text).map(({segment, index}) => ({start: index, end: index + segment.length, width: textWidth(segment), segment}));
	const limit = width > 0 ? width : Infinity;
	const isSpace = (c: (typeof clusters)[number]): boolean => c.segment.length === 1 && isBreakSpace(c.segment.charCodeAt(0));
	const isForced = (c: (typeof clusters)[number]): boolean => c.segment === '\u2028';
	const at = (k: number): number => clusters[k]?.start ?? text.length;
	const lines: LineRange[] = [];
	let line: {start: number; end: number; width: number} | null = null;
	let pending = 0;
	let i = 0;
	while (i < clusters.length) {
		const cluster = clusters[i];
		if (!cluster) break;
		if (isForced(cluster)) {
			lines.push(line ?? {start: cluster.start, end: cluster.start, width: 0});
			line = null;
			pending = 0;
			i++;
			continue;
		}
		if (isSpace(cluster)) {
			if (line) pending += cluster.width;
			i++;
			continue;
		}
		let j = i;
		let word = 0;
		for (; j < clusters.length; j++) {
			const c = clusters[j];
			if (!c || isForced(c) || isSpace(c)) break;
			word += c.width;
		}
		if (line && line.width + pending + word <= limit) {
			line = {start: line.start, end: at(j), width: line.width + pending + word};
		} else {
			if (line) lines.push(line);
			line = {start: at(i), end: at(j), width: 0};
			if (word <= limit) {
				line.width = word;
			} else {
				for (let k = i; k < j; k++) {
					const w = clusters[k]?.width ?? 0;
					if (line.width + w > limit && line.width > 0) {
						lines.push({start: line.start, end: at(k), width: line.width});
						line = {start: at(k), end: at(j), width: 0};
					}
					line.width += w;
				}
			}
		}
		pending = 0;
		i = j;
	}
	if (line) lines.push(line);
	if (lines.length === 0) lines.push({start: 0, end: 0, width: 0});
	return lines;
}

const cases: readonly [string, string, number, readonly string[]][] = [
	['words fit', 'alpha beta gamma', 10, ['alpha beta', 'gamma']],
	['spaces hang at a break', 'alpha    beta', 5, ['alpha', 'beta']],
	['a long word is cut between clusters', 'abcdefgh', 3, ['abc', 'def', 'gh']],
	['harakat stay on their letter', 'كَتَبَ كَتَبَ', 3, ['كَتَبَ', 'كَتَبَ']],
	['a space with a mark is no break', 'a \u0301b c', 3, ['a \u0301b', 'c']],
	['a forced break', 'ab\u2028\u2028cd', 0, ['ab', '', 'cd']],
	['wide letters', '中文 中文', 4, ['中文', '中文']],
	['no width: one line', 'alpha beta gamma', 0, ['alpha beta gamma']],
];

for (const [what, text, width, expected] of cases) {
	test(`breakLines: ${what}`, () => {
		const lines = breakLines(text, measureUnits(text), width);
		assert.deepEqual(
			lines.map((line) => text.slice(line.start, line.end)),
			expected,
		);
		assert.deepEqual(lines, referenceLines(text, width));
	});
}

const piece = fc.constantFrom(
	'a',
	'b',
	'ب',
	'ل',
	'ا',
	'\u064E',
	'\u0651',
	'\u0301',
	' ',
	'  ',
	'\u200B',
	'\u3000',
	'\u00A0',
	'\u2028',
	'中',
	'😀',
	'👨\u200D👩',
	'🇸🇦',
	'\u0600',
	'\u0D4E',
	'\uFEFF',
	'\t',
	'\uD800',
	'कि',
);
const randomText = fc.array(piece, {maxLength: 60}).map((pieces) => pieces.join(''));

test('breakLines: random text agrees with the rules stated over clusters', () => {
	fc.assert(
		fc.property(randomText, fc.constantFrom(0, 1, 2, 3, 5, 8, 20), (text, width) => {
			assert.deepEqual(breakLines(text, measureUnits(text), width), referenceLines(text, width), JSON.stringify(text));
		}),
		{numRuns: 5000},
	);
});

test('measureUnits marks the clusters UAX #29 finds, with their widths, break spaces and forced breaks', () => {
	fc.assert(
		fc.property(randomText, (text) => {
			const measure = measureUnits(text);
			const starts = new Uint8Array(text.length + 1);
			const widths = new Uint8Array(text.length);
			let count = 0;
			for (const {segment: cluster, index} of segment(text)) {
				starts[index] = cluster === '\u2028' ? 3 : cluster.length === 1 && isBreakSpace(cluster.charCodeAt(0)) ? 2 : 1;
				widths[index] = textWidth(cluster);
				count++;
			}
			starts[text.length] = 1;
			assert.deepEqual([...measure.starts.subarray(0, text.length + 1)], [...starts], JSON.stringify(text));
			assert.deepEqual([...measure.widths.subarray(0, text.length)], [...widths], JSON.stringify(text));
			assert.equal(measure.count, count);
		}),
		{numRuns: 3000},
	);
});

// wrap-ansi (the wrapper Ink and yargs use) as an oracle on left-to-right text: words of
// letters and wide CJK letters, single spaces, no word wider than the line.
test('breakLines: agrees with wrap-ansi on left-to-right text whose words fit the line', async () => {
	const {default: wrapAnsi} = await import('wrap-ansi');
	const letter = fc.constantFrom('a', 'b', 'z', 'Q', '1', '.', ',', '漢', '字');
	fc.assert(
		fc.property(fc.integer({min: 4, max: 40}), fc.array(fc.array(letter, {minLength: 1, maxLength: 12}), {minLength: 1, maxLength: 60}), (width, words) => {
			const fitting = words.map((w) => w.join('')).filter((w) => clusterWidthOf(w) <= width);
			fc.pre(fitting.length > 0);
			const text = fitting.join(' ');
			const ours = breakLines(text, measureUnits(text), width).map((line) => text.slice(line.start, line.end));
			assert.deepEqual(ours, wrapAnsi(text, width, {hard: true, trim: true}).split('\n'), `width ${width}: ${JSON.stringify(text)}`);
		}),
		{numRuns: 500},
	);
});

function clusterWidthOf(text: string): number {
	let width = 0;
	for (const ch of text) width += ch === '漢' || ch === '字' ? 2 : 1;
	return width;
}
