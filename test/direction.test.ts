// HL1 (text/direction.ts): paragraphDirection's shortcut (a paragraph whose prose starts
// right to left is RTL without counting) gives every paragraph the direction the plain
// rule gives: in an RTL context, RTL when most prose letters are RTL, else P2–P3.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {countProse, directionOfLetters, paragraphDirection} from '../src/text/direction.js';
import {layoutParagraph} from '../src/text/paragraph.js';

const piece = fc.constantFrom(
	'abc ',
	'GitHub ',
	'عربي ',
	'שלום ',
	'فارسی ',
	'123 ',
	'(',
	')',
	'\u2067',
	'\u2069',
	'\u2066',
	'\u202b',
	'\u202c',
	' ',
	'.',
	'https://x.org',
);
// Explicit bidi controls in prose, not inside code (an isolate opened in a code span is another matter).
const span = fc
	.record({
		text: fc.array(piece, {minLength: 0, maxLength: 6}).map((p) => p.join('')),
		style: fc.constantFrom<{code?: boolean; href?: string; strong?: boolean}>({}, {code: true}, {href: 'https://x.org'}, {strong: true}),
	})
	.map((s) => (s.style.code ? {...s, text: s.text.replace(/[\u2066-\u2069\u202a-\u202e]/g, '')} : s));

test('paragraphDirection: the shortcut gives the direction of the counting rule', () => {
	fc.assert(
		fc.property(fc.array(span, {minLength: 1, maxLength: 5}), fc.constantFrom('rtl', 'ltr') as fc.Arbitrary<'rtl' | 'ltr'>, (spans, context) => {
			const laid = (dir: 'rtl' | 'ltr' | 'auto') => layoutParagraph(spans, {width: 0, order: 'logical', shape: false, dir, fallback: context}).direction;
			const counted = context === 'rtl' && directionOfLetters(countProse(spans, {rtl: 0, ltr: 0})) === 'rtl' ? 'rtl' : 'auto';
			assert.equal(laid(paragraphDirection(spans, context)), laid(counted), JSON.stringify(spans));
		}),
		{numRuns: 3000},
	);
});
