// The fast paths of the bidi engine (src/text/bidi/fast-paths.ts) against the general path
// (levels.ts, reorder.ts) on random input: the same levels, and the same line order, or the
// fast path declines (explicit formatting). `uniform` may be false when every level is the
// paragraph's, never true when one is not.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {reorderLine} from './helpers/bidi.js';
import {B, BIDI_CLASSES, BRACKET_SEEN, EXPLICIT, fillClasses} from '../src/text/bidi/classes.js';
import {resolveLevelsFast} from '../src/text/bidi/fast-paths.js';
import {resolveLevels} from '../src/text/bidi/index.js';
import {resolveParagraphLevels, type ParagraphInput} from '../src/text/bidi/levels.js';
import {growParagraphScratch} from '../src/text/bidi/scratch.js';

/** Both paths on one paragraph: [fast levels or null, general levels, fast `uniform`]. */
function bothPaths(text: string, classes: Uint8Array, level: number, brackets: boolean): [Uint8Array | null, Uint8Array, boolean | null] {
	const n = classes.length;
	growParagraphScratch(n);
	let mask = 0;
	for (const c of classes) mask |= 1 << c;
	const fast = new Uint8Array(n).fill(99);
	const general = new Uint8Array(n).fill(99);
	const input = (levels: Uint8Array): ParagraphInput => ({text, classes, start: 0, end: n, level, levels, brackets});
	const uniform = resolveLevelsFast(input(fast), mask);
	resolveParagraphLevels(input(general));
	return [uniform === null ? null : fast, general, uniform];
}

function check(text: string, classes: Uint8Array, level: number, brackets: boolean): void {
	const [fast, general, uniform] = bothPaths(text, classes, level, brackets);
	const explicit = classes.some((c) => ((1 << c) & EXPLICIT) !== 0);
	const what = `${JSON.stringify(text)} [${[...classes].join(',')}] at ${level}`;
	if (fast === null) {
		assert.ok(explicit, `the fast path declined ${what}`);
		return;
	}
	assert.deepEqual([...fast], [...general], what);
	if (uniform)
		assert.ok(
			general.every((l) => l === level),
			`uniform, but not: ${what}`,
		);
}

// Every class but B and the explicit ones, as characters (brackets for ON, to exercise N0).
const POOL = [
	'a',
	'Z',
	'ب',
	'ا',
	'א',
	'ג',
	'1',
	'9',
	'٢',
	'۱',
	'+',
	'-',
	'%',
	'$',
	'٪',
	',',
	'.',
	':',
	'/',
	'\u064E',
	'\u0301',
	'\u200C',
	'\u200D',
	'\u00AD',
	'\u200B',
	' ',
	' ',
	'\t',
	'!',
	'"',
	'(',
	')',
	'[',
	']',
	'«',
	'»',
	'\u2329',
	'\u3009',
	'😀',
	'𞤀',
	'لا',
	'\u200E',
	'\u200F',
	'\u061C',
];
const EXPLICIT_POOL = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const textOf = (pool: readonly string[]): fc.Arbitrary<string> => fc.array(fc.constantFrom(...pool), {maxLength: 60}).map((a) => a.join(''));

test("property: fast-path levels are the general path's on random text (and it declines only explicit formatting)", () => {
	fc.assert(
		fc.property(fc.oneof(textOf(POOL), textOf([...POOL, ...EXPLICIT_POOL])), fc.constantFrom(0, 1), (text, level) => {
			const classes = new Uint8Array(text.length);
			const mask = fillClasses(text, classes);
			check(text, classes, level, (mask & BRACKET_SEEN) !== 0);
			check(text, classes, level, true); // N0 run on a paragraph said to hold brackets
		}),
		{numRuns: 3000},
	);
});

test("property: fast-path levels are the general path's on random class sequences, a paragraph separator at most last", () => {
	const names = Object.keys(BIDI_CLASSES) as (keyof typeof BIDI_CLASSES)[];
	const inner = names.filter((name) => name !== 'B').map((name) => BIDI_CLASSES[name]);
	fc.assert(
		fc.property(fc.array(fc.constantFrom(...inner), {maxLength: 60}), fc.boolean(), fc.constantFrom(0, 1), (list, separator, level) => {
			const all: number[] = separator ? [...list, B] : list;
			const classes = Uint8Array.from(all);
			// The text is read only for brackets: ON units are brackets by turns, the rest letters.
			const text = all.map((c, k) => (c === BIDI_CLASSES.ON ? '([)]'[k % 4] : 'x')).join('');
			check(text, classes, level, true);
			check(text, classes, level, false);
		}),
		{numRuns: 3000},
	);
});

test('property: a line of a simple or uniform paragraph is ordered as the general path orders it', () => {
	fc.assert(
		fc.property(textOf(POOL), fc.constantFrom<'ltr' | 'rtl' | 'auto'>('ltr', 'rtl', 'auto'), fc.nat(), fc.nat(), (text, dir, a, b) => {
			const para = resolveLevels(text, dir);
			const general = {...para, simple: false, uniform: false};
			const cut = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
			const [start = 0, end = 0] = cut;
			for (const l3 of [true, false]) {
				assert.deepEqual(
					[...reorderLine(text, para, start, end, undefined, {l3})],
					[...reorderLine(text, general, start, end, undefined, {l3})],
					`${JSON.stringify(text)} ${dir} [${start}, ${end})`,
				);
			}
		}),
		{numRuns: 2000},
	);
});

test('the fast paths are taken: most paragraphs of one script are uniform, and a paragraph with a tab is not simple', () => {
	assert.equal(resolveLevels('مرحبا بالعالم', 'rtl').uniform, true);
	assert.equal(resolveLevels('hello world', 'ltr').uniform, true);
	assert.equal(resolveLevels('a\tb', 'ltr').simple, false);
	assert.equal(resolveLevels('a 😀', 'ltr').simple, false);
});
