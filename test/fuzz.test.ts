// Hostile text through load → parse → layout → export, sections and render
// (the property is in helpers/fuzz.ts). A fixed seed here, so a failure in
// CI can be replayed; `npm run fuzz` runs 10,000 cases with a fresh seed.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {layoutSection} from '../src/layout/blocks.js';
import {lineText} from '../src/output/export.js';
import {parseMarkdown} from '../src/parse/markdown.js';
import {checkCase, fuzzCase, type Case} from './helpers/fuzz.js';

const seed = Number(process.env['QARI_FUZZ_SEED'] ?? 20240611);
const runs = Number(process.env['QARI_FUZZ_RUNS'] ?? 400);

test(`fuzz: ${runs} hostile articles, every output path clean and within the width (seed ${seed})`, () => {
	fc.assert(
		fc.property(fuzzCase, (c) => {
			checkCase(c);
		}),
		{numRuns: runs, seed},
	);
});

test('fuzz: random bytes never throw in the loader and parser', () => {
	fc.assert(
		fc.property(fc.uint8Array({maxLength: 400}), fc.integer({min: 8, max: 100}), (bytes, width) => {
			checkCase({source: {kind: 'bytes', bytes}, width, order: 'visual', shape: true, dir: 'auto'});
		}),
		{numRuns: 200, seed},
	);
});

// Cases the fuzzer once found, kept as regressions: widths below a
// cluster's width, code blocks at tiny widths, clusters under overrides.
const known: [string, Case][] = [
	['width 1: a wide character', {source: {kind: 'text', text: '中'}, width: 1, order: 'visual', shape: false, dir: 'auto'}],
	['width 5: a code block keeps its 4-cell indent', {source: {kind: 'text', text: '```\n中文\n```'}, width: 5, order: 'visual', shape: false, dir: 'auto'}],
	[
		'width 7: a code block with a 3-cell cluster',
		{source: {kind: 'text', text: '```\n\u{1d158}\u{1d165}\u{1d16e}ab\n```'}, width: 7, order: 'visual', shape: false, dir: 'auto'},
	],
	['a flag under RLO with a mark, right to left', {source: {kind: 'text', text: '\u202e🇸🇦\u0301'}, width: 7, order: 'visual', shape: false, dir: 'rtl'}],
	['Hangul jamo under RLO', {source: {kind: 'text', text: '\u202e\u1100\u1161 文字'}, width: 7, order: 'visual', shape: false, dir: 'auto'}],
	[
		'a URL autolink ending in NUL: its listed target without it',
		{source: {kind: 'raw', text: 'www.example.org\u0000'}, width: 1, order: 'visual', shape: false, dir: 'auto'},
	],
];
for (const [name, c] of known) {
	test(`once a layout bug: ${name}`, () => {
		checkCase(c);
	});
}

test('once a layout bug: a flag under RLO comes out as another flag', () => {
	const article = parseMarkdown('\u202e🇸🇦 x\n');
	const [section] = article.sections;
	assert.ok(section);
	const lines = layoutSection(section, {width: 40, order: 'visual', shape: false, dir: 'auto', baseDir: 'ltr'}, false);
	assert.equal(lines.map(lineText).join('\n'), 'x 🇸🇦');
});

test('once a layout bug: a table with more columns than fit is wider than the width', () => {
	const columns = 30;
	const text = `|${'h|'.repeat(columns)}\n|${'-|'.repeat(columns)}\n|${'中|'.repeat(columns)}\n`;
	checkCase({source: {kind: 'text', text}, width: 80, order: 'visual', shape: false, dir: 'auto'});
});
