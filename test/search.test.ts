import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createHighlighter, findFolded, foldQuery, foldText, type Range} from '../src/reader/search.js';

/** Every match of a query as typed (folded first, as the reader does). */
const findMatches = (text: string, query: string): Range[] => findFolded(text, foldQuery(query));
import {shapeArabic} from '../src/text/shape.js';

// One case a line: [text, query, the matched substrings of the ORIGINAL text].
const cases: [string, string, string[]][] = [
	// Arabic harakat (U+064B–U+065F), dagger alef (U+0670) and tatweel (U+0640) are ignored, both ways.
	['مَدْرَسَةٌ كبيرة', 'مدرسة', ['مَدْرَسَةٌ']],
	['مدرسة كبيرة', 'مَدْرَسَة', ['مدرسة']],
	['هٰذا', 'هذا', ['هٰذا']],
	['الرئيـــس قال', 'الرئيس', ['الرئيـــس']],
	['مسبقاً', 'مسبقا', ['مسبقاً']],
	// Alef with hamza or madda, and alef wasla, fold to alef.
	['الأسد', 'الاسد', ['الأسد']],
	['إيران', 'ايران', ['إيران']],
	['آخرها', 'اخرها', ['آخرها']],
	['ٱلله', 'الله', ['ٱلله']],
	['الاسد', 'الأسد', ['الاسد']],
	// Alef maqsura and yeh, teh marbuta and heh.
	['على', 'علي', ['على']],
	['علي', 'على', ['علي']],
	['مدرسة', 'مدرسه', ['مدرسة']],
	['مدرسه', 'مدرسة', ['مدرسه']],
	// Persian keheh and yeh against Arabic kaf and yeh, both ways.
	['کتاب', 'كتاب', ['کتاب']],
	['كتاب', 'کتاب', ['كتاب']],
	['ایران', 'ايران', ['ایران']],
	['ايران', 'ایران', ['ايران']],
	// Hebrew niqqud and cantillation marks; maqaf (U+05BE) is punctuation and stays.
	['שָׁלוֹם עולם', 'שלום', ['שָׁלוֹם']],
	['בְּרֵאשִׁ֖ית', 'בראשית', ['בְּרֵאשִׁ֖ית']],
	['בית־ספר', 'בית ספר', []],
	['בית־ספר', 'בית־ספר', ['בית־ספר']],
	// Latin is case-insensitive.
	['Sputnik V and SPUTNIK', 'sputnik', ['Sputnik', 'SPUTNIK']],
	['İstanbul', 'i̇stanbul', ['İstanbul']],
	// Arabic-Indic digits match ASCII digits.
	['عام ٢٠٢١', '2021', ['٢٠٢١']],
	['عام 2021', '٢٠٢١', ['2021']],
	// White space runs are one space; a query is trimmed.
	['بشار   الأسد', ' بشار الاسد ', ['بشار   الأسد']],
	// Several matches, non-overlapping; no match; an empty or mark-only query matches nothing.
	['aaaa', 'aa', ['aa', 'aa']],
	['الأسد', 'بوتين', []],
	['الأسد', '', []],
	['الأسد', 'َُ', []],
	// A query pasted from the screen, in presentation forms, is unshaped first.
	['بوتين قال', shapeArabic('بوتين'), ['بوتين']],
];

for (const [text, query, expected] of cases) {
	test(`search ${JSON.stringify(query)} in ${JSON.stringify(text)}`, () => {
		const ranges = findMatches(text, query);
		assert.deepEqual(
			ranges.map((r) => text.slice(r.start, r.end)),
			expected,
		);
		for (const r of ranges) assert.ok(r.start >= 0 && r.start < r.end && r.end <= text.length);
	});
}

test('ranges map back to the original text: marks stay inside, never split from their letter', () => {
	const text = 'قال الرَّئِيسُ الأَسَدُ: مَرْحَباً';
	const [range] = findMatches(text, 'الاسد');
	assert.ok(range);
	// Ends after the damma of the last letter, not between the dal and its mark.
	assert.equal(text.slice(range.start, range.end), 'الأَسَدُ');
	assert.equal(range.start, text.indexOf('الأَسَدُ'));
});

test('astral characters keep their two code units in the map', () => {
	const text = '𝒜bc ABC';
	assert.deepEqual(
		findMatches(text, 'abc').map((r) => text.slice(r.start, r.end)),
		['ABC'],
	);
	const folded = foldText('𝒜x');
	assert.equal(folded.text, '𝒜x');
	assert.deepEqual([...folded.from], [0, 0, 2]);
});

test('foldQuery gives the search form', () => {
	assert.equal(foldQuery('  الأَسَدُ  '), 'الاسد');
	assert.equal(foldQuery('ABC'), 'abc');
});

test('the highlighter numbers matches in layout order and marks the current one', () => {
	const highlight = createHighlighter('الاسد', 2);
	const first = highlight('الأسد والأسد');
	const second = highlight('الأسد');
	assert.equal(first.length, 2);
	assert.deepEqual(
		first.map((m) => m.style),
		[{match: true}, {match: true}],
	);
	assert.deepEqual(
		second.map((m) => m.style),
		[{match: true, current: true}],
	);
});
