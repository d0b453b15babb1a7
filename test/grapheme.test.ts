// Extended grapheme clusters against the Unicode 15.0 conformance file, GraphemeBreakTest.txt
// (data/unicode/15.0.0/): every case, through grapheme.ts's plain segmenter (clusterEnd) and
// through width.ts's scan (clusterBoundaries, measureUnits), which decides the same boundaries
// while it measures. Intl.Segmenter is no oracle here: it follows the running Node's ICU
// (Unicode 17 on Node 20.20, with GB9c and a smaller Extended_Pictographic).
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {gunzipSync} from 'node:zlib';
import fc from 'fast-check';
import {clusterEnd, codePointInfo} from '../src/text/grapheme.js';
import {clusterBoundaries, measureUnits} from '../src/text/width.js';

interface Case {
	text: string;
	/** Boundaries in UTF-16 offsets, 0 and text.length included. */
	boundaries: number[];
	line: string;
}

function readCases(): Case[] {
	const source = gunzipSync(readFileSync(new URL('../data/unicode/15.0.0/GraphemeBreakTest.txt.gz', import.meta.url))).toString('utf8');
	assert.match(source, /^# GraphemeBreakTest-15\.0\.0\.txt/);
	const cases: Case[] = [];
	for (const line of source.split('\n')) {
		const data = line.replace(/#.*/, '').trim();
		if (data === '') continue;
		let text = '';
		const boundaries: number[] = [];
		for (const token of data.split(/\s+/)) {
			if (token === '÷') boundaries.push(text.length);
			else if (token !== '×') text += String.fromCodePoint(Number.parseInt(token, 16));
		}

		cases.push({text, boundaries, line: data});
	}

	return cases;
}

function plainBoundaries(text: string): number[] {
	const boundaries = [0];
	for (let start = 0; start < text.length; ) {
		start = clusterEnd(text, start);
		boundaries.push(start);
	}

	return boundaries;
}

test('grapheme: every case of GraphemeBreakTest-15.0.0.txt, by clusterEnd and by the width scan', (t) => {
	const cases = readCases();
	assert.equal(cases.length, 602, 'case count of GraphemeBreakTest-15.0.0.txt');
	const failures: string[] = [];
	for (const {text, boundaries, line} of cases) {
		const plain = plainBoundaries(text);
		const scanned = [...clusterBoundaries(text)];
		const units = measureUnits(text);
		const marked: number[] = [];
		for (let index = 0; index <= text.length; index++) {
			if (units.starts[index] !== 0) marked.push(index);
		}

		const expected = boundaries.join(',');
		if (plain.join(',') !== expected || scanned.join(',') !== expected || marked.join(',') !== expected) {
			failures.push(`${line}: clusterEnd ${plain.join(',')}, clusterBoundaries ${scanned.join(',')}, measureUnits ${marked.join(',')}`);
		}
	}

	assert.deepEqual(failures.slice(0, 10), []);
	t.diagnostic(`${cases.length} cases`);
});

test('grapheme: Unicode 15.0 has no GB9c, so a Devanagari conjunct is two clusters', () => {
	assert.deepEqual([...clusterBoundaries('क्ष')], [0, 2, 3]);
	assert.deepEqual(plainBoundaries('क्ष'), [0, 2, 3]);
});

test('grapheme: code points above the direct table are read from the runs', () => {
	// U+E0001 LANGUAGE TAG is Control, U+E0020 a tag (Extend), U+F0000 private use (Other).
	assert.equal(codePointInfo(0xe_00_01) >> 4, 3);
	assert.equal(codePointInfo(0xe_00_20) >> 4, 1);
	assert.equal(codePointInfo(0xf_00_00) >> 4, 0);
	assert.equal(codePointInfo(0x10_ff_ff) >> 4, 0);
});

// The two rules that look back, over long stretches and at every offset, against the plain
// segmenter: regional indicators pair up from the start of their run (GB12/13), and ZWJ joins
// a pictographic only after ExtPict Extend* (GB11).
const piece = fc.constantFrom('🇸', '😀', '\u200D', '\u0301', '\u093F', 'a', '\u0600', '\n', '\uFE0F', '\u{1F3FD}', '\uD800', '★', '\u1100', '\uAC00');
test('grapheme: random text, the width scan agrees with the plain segmenter', () => {
	fc.assert(
		fc.property(
			fc.array(piece, {maxLength: 80}).map((pieces) => pieces.join('')),
			(text) => {
				assert.deepEqual([...clusterBoundaries(text)], plainBoundaries(text));
			},
		),
		{numRuns: 3000},
	);
});

test('grapheme: 301 regional indicators pair up from the first', () => {
	const text = `${'🇸'.repeat(301)}a`;
	const expected = Array.from({length: 151}, (_, k) => k * 4);
	expected.push(602, 603);
	assert.deepEqual([...clusterBoundaries(text)], expected);
	assert.deepEqual(plainBoundaries(text), expected);
});
