// qari's own embedding levels (src/text/bidi/, through resolveLevels) against bidi-js's
// getEmbeddingLevels, which they replace for speed: every level of every character must
// agree, including the characters X9 removes (§5.2 gives them levels; bidi-js does) and
// texts with explicit embeddings, overrides, isolates, brackets and paragraph separators.
// The Unicode conformance files (bidi-conformance.test.ts) check the rest.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import bidiModule from 'bidi-js';
import fc from 'fast-check';
import {resolveLevels} from '../src/text/bidi/index.js';

const bidiFactory: typeof bidiModule.default = typeof bidiModule === 'function' ? bidiModule : bidiModule.default;
const bidiJs = bidiFactory();

const POOL = [
	'ب',
	'ت',
	'ا',
	'ل',
	'א',
	'ב',
	'a',
	'b',
	'1',
	'9',
	'٢',
	'٠',
	'۱',
	'٪',
	'%',
	'$',
	'+',
	'-',
	',',
	'.',
	':',
	'/',
	'!',
	'(',
	')',
	'[',
	']',
	'«',
	'»',
	'“',
	'”',
	'\u2329',
	'\u232A',
	'\u3008',
	'\u3009',
	'\u064E',
	'\u0651',
	'\u0301',
	'\u05B4', // NSM
	'\u200C',
	'\u200D',
	'\u00AD',
	'\uFE0F', // BN and a variation selector
	' ',
	'\t',
	'\u2028',
	'\u202A',
	'\u202B',
	'\u202C',
	'\u202D',
	'\u202E', // LRE RLE PDF LRO RLO
	'\u2066',
	'\u2067',
	'\u2068',
	'\u2069', // LRI RLI FSI PDI
	'\u200E',
	'\u200F',
	'\u061C', // LRM RLM ALM
];

const text = fc.array(fc.constantFrom(...POOL), {maxLength: 48}).map((a) => a.join(''));
const direction = fc.constantFrom<'ltr' | 'rtl'>('ltr', 'rtl');

test('levels agree with bidi-js on random mixed text with explicit formatting', () => {
	fc.assert(
		fc.property(text, direction, (t, dir) => {
			assert.deepEqual([...resolveLevels(t, dir).levels], [...bidiJs.getEmbeddingLevels(t, dir).levels], JSON.stringify(t));
		}),
		{numRuns: 5000},
	);
});

// Without explicit formatting a paragraph is one sequence, and bidi/fast-paths.ts takes its
// shortcuts (its Logic 2): N1–N2 with I1–I2 in one pass, or I1–I2 by table with removed
// characters, or the general loop with a tab. Each pool reaches one of them.
const FLAT_POOLS: readonly (readonly [string, readonly string[]])[] = [
	['no removed character, no tab', POOL.filter((c) => !/\u200C|\u200D|[\u00AD\t\u202A-\u202E\u2066-\u2069]/u.test(c))],
	['removed characters, no tab', POOL.filter((c) => !/[\t\u202A-\u202E\u2066-\u2069]/u.test(c))],
	['tabs and removed characters', POOL.filter((c) => !/[\u202A-\u202E\u2066-\u2069]/u.test(c))],
];

for (const [name, pool] of FLAT_POOLS) {
	test(`levels agree with bidi-js without explicit formatting: ${name}`, () => {
		const flat = fc.array(fc.constantFrom(...pool), {maxLength: 48}).map((a) => a.join(''));
		fc.assert(
			fc.property(flat, direction, (t, dir) => {
				assert.deepEqual([...resolveLevels(t, dir).levels], [...bidiJs.getEmbeddingLevels(t, dir).levels], JSON.stringify(t));
			}),
			{numRuns: 3000},
		);
	});
}

// bidi/fast-paths.ts Logic 1: a paragraph with no class that could take a level off the paragraph level is
// filled without running a rule. Each pool holds only such classes for one direction (with
// separators, brackets, removed characters and digits where they cannot raise a level), so
// the shortcut is taken; the general rules and bidi-js must give the same levels.
const ONE_DIRECTION_POOLS: readonly (readonly [string, 'ltr' | 'rtl', readonly string[]])[] = [
	['RTL: no L, EN or AN', 'rtl', POOL.filter((c) => !/[ab19٢٠۱‪-‮⁦-⁩‎]/u.test(c))],
	['LTR: no R, AL or AN', 'ltr', POOL.filter((c) => !/[بتالאב٢٠۱‪-‮⁦-⁩‏؜]/u.test(c))],
];

for (const [name, dir, pool] of ONE_DIRECTION_POOLS) {
	test(`levels agree with bidi-js where nothing can raise a level: ${name}`, () => {
		const flat = fc.array(fc.constantFrom(...pool), {maxLength: 48}).map((a) => a.join(''));
		fc.assert(
			fc.property(flat, fc.constantFrom('', '\u2029'), (t, separator) => {
				const whole = separator ? `${t}${separator}${t}` : t;
				const para = resolveLevels(whole, dir);
				assert.deepEqual([...para.levels], [...bidiJs.getEmbeddingLevels(whole, dir).levels], JSON.stringify(whole));
				if (!separator) assert.equal(para.uniform, true, JSON.stringify(whole));
			}),
			{numRuns: 3000},
		);
	});
}

test('levels agree with bidi-js across paragraph separators inside the text', () => {
	fc.assert(
		fc.property(fc.array(text, {minLength: 2, maxLength: 4}), direction, (parts, dir) => {
			const t = parts.join('\u2029');
			assert.deepEqual([...resolveLevels(t, dir).levels], [...bidiJs.getEmbeddingLevels(t, dir).levels], JSON.stringify(t));
		}),
		{numRuns: 1000},
	);
});

test('levels agree with bidi-js on deep nesting (past the depth limit of 125)', () => {
	for (const opener of ['\u202B', '\u202A', '\u2067', '\u2066', '\u202E']) {
		const closer = opener === '\u2067' || opener === '\u2066' ? '\u2069' : '\u202C';
		const t = `${opener.repeat(130)}a ب 1 (x)${closer.repeat(131)} z`;
		for (const dir of ['ltr', 'rtl'] as const) {
			assert.deepEqual([...resolveLevels(t, dir).levels], [...bidiJs.getEmbeddingLevels(t, dir).levels], `${opener.codePointAt(0)?.toString(16)} ${dir}`);
		}
	}
});

test('a long paragraph of brackets and separators resolves without error', () => {
	const t = '(ب [a] ١،٢ 3.4 «x»), '.repeat(5000);
	const ours = resolveLevels(t, 'rtl').levels;
	assert.deepEqual([...ours], [...bidiJs.getEmbeddingLevels(t, 'rtl').levels]);
});
