// A remembered place in a page that changed since (its key is its URL, not
// its text): found again by its paragraph, else kept inside the article —
// through prepareReader and the positions file, as the reader opens and quits.
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {clampPlace, nearOf, placeOf} from '../src/cli/near-place.js';
import {articleKey, loadPosition, savePosition} from '../src/cli/positions.js';
import {prepareReader, type ReaderOptions} from '../src/cli/reader-start.js';
import {type Article} from '../src/model/article.js';
import {parseMarkdown} from '../src/parse/markdown.js';
import {createBook} from '../src/reader/book.js';
import {lineAtOffset} from '../src/layout/paginate.js';

const temp = mkdtempSync(join(tmpdir(), 'qari-near-'));
after(() => rmSync(temp, {recursive: true, force: true}));

const para = (n: number): string => `الفقرة رقم ${n}: ${'كلام عن الموضوع '.repeat(12)}نهاية الفقرة ${n}.`;
/** A page of sections of paragraphs; `skip` leaves paragraphs out, `extra` goes first in section 1. */
function page(sections: number, per: number, options: {extra?: string[]; skip?: number[]} = {}): Article {
	const parts = ['# الصفحة'];
	let n = 0;
	for (let s = 1; s <= sections; s++) {
		parts.push(`## القسم ${s}`);
		if (s === 1) parts.push(...(options.extra ?? []));
		for (let p = 0; p < per; p++) {
			n++;
			if (!options.skip?.includes(n)) parts.push(para(n));
		}
	}
	return parseMarkdown(parts.join('\n\n'));
}
const bookOf = (article: Article) => createBook(article, {order: 'logical', shape: false, dir: 'auto', baseDir: 'rtl'});

/** The paragraph number shown at a place (the first line with text at or after it). */
function paragraphAt(article: Article, place: {section: number; offset: number}): number | undefined {
	const book = bookOf(article);
	const lines = book.lines(place.section, 60);
	const line = lines[lineAtOffset(lines, place.offset)];
	for (let i = line ? lines.indexOf(line) : 0; i < lines.length; i++) {
		const text = (lines[i]?.runs ?? []).map((r) => r.text).join('');
		const m = /رقم (\d+)|نهاية الفقرة (\d+)/.exec(text);
		if (m) return Number(m[1] ?? m[2]);
	}
	return undefined;
}

const options = (article: Article, positionsFile: string): ReaderOptions => ({
	article,
	text: 'url:https://example.com/article',
	stdin: process.stdin,
	stdout: process.stdout,
	stderr: process.stderr,
	env: {},
	bidi: 'app',
	shape: 'off',
	dir: 'auto',
	color: false,
	positionsFile,
});

test('quitting saves what is at the place; a page with paragraphs added above opens at the same paragraph', () => {
	const file = join(temp, 'added', 'positions.json');
	const before = page(3, 6);
	const setup = prepareReader(options(before, file));
	assert.deepEqual(setup.place, {section: 0, offset: 0});
	// The reader was in section 2 (0-based 2: the lead is 0), on the second line of paragraph 9.
	const lines = bookOf(before).lines(2, 60);
	const at = lines.findIndex((l) =>
		l.runs
			.map((r) => r.text)
			.join('')
			.includes('رقم 9:'),
	);
	assert.ok(at > 0);
	const place = {section: 2, offset: lines[at + 1]?.offset ?? 0};
	assert.equal(paragraphAt(before, place), 9);
	savePosition(file, setup.key, {section: place.section + 1, offset: place.offset, time: 1});
	const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, {near?: {text: string; delta: number}}>;
	assert.match(saved[articleKey('url:https://example.com/article')]?.near?.text ?? '', /^الفقرة رقم 9: /);
	// The page now has a new lead paragraph, and a section added before: the same offset is elsewhere.
	const after = page(4, 6, {extra: ['خبر عاجل: فقرة جديدة في أول الصفحة.', '## قسم جديد', para(100), para(101)]});
	assert.notEqual(paragraphAt(after, place), 9, 'the old place alone would be wrong');
	const reopened = prepareReader(options(after, file));
	assert.equal(paragraphAt(after, reopened.place), 9);
	assert.equal(reopened.place.section, 3);
	assert.ok(reopened.place.offset > 0);
});

test('a page that got shorter: a place past its end is clamped, and opens at its end, not its start', () => {
	const file = join(temp, 'shorter', 'positions.json');
	const long = page(3, 6);
	const setup = prepareReader(options(long, file));
	const last = setup.book.lines(3, 60).at(-1)?.offset ?? 0;
	savePosition(file, setup.key, {section: 4, offset: last, time: 1});
	assert.ok(loadPosition(file, setup.key).position?.near);
	// Paragraph 18 (where the reader was) is gone, and so is most of section 3.
	const short = page(3, 6, {skip: [14, 15, 16, 17, 18]});
	const reopened = prepareReader(options(short, file));
	const book = bookOf(short);
	assert.equal(reopened.place.section, 3);
	assert.equal(paragraphAt(short, reopened.place), 13, 'the last paragraph left');
	assert.ok(reopened.place.offset > 0 && reopened.place.offset < last);
	// Fewer sections than the saved one: the last section's end.
	savePosition(file, setup.key, {section: 9, offset: 99_999, time: 2, near: {text: 'not in the page', delta: 0}});
	assert.deepEqual(prepareReader(options(short, file)).place, reopened.place);
	const clamped = clampPlace(book, {section: 1, offset: 10 ** 9});
	assert.equal(clamped.section, 1);
	assert.equal(paragraphAt(short, clamped), 6);
});

test('an unchanged page opens exactly where it was left; a position without `near` (older files) is clamped', () => {
	const article = page(2, 4);
	const book = bookOf(article);
	const lines = book.lines(1, 60);
	const place = {section: 1, offset: lines[7]?.offset ?? 0};
	const near = nearOf(book, place);
	assert.ok(near);
	assert.deepEqual(placeOf(book, place, near), place);
	assert.deepEqual(placeOf(book, {section: 1, offset: 10 ** 9}), clampPlace(book, {section: 1, offset: 10 ** 9}));
	assert.equal(paragraphAt(article, placeOf(book, {section: 1, offset: 10 ** 9})), 4);
	assert.deepEqual(placeOf(book, place), place);
	// Within a paragraph that is found elsewhere, the offset into it is kept (not past its end).
	const moved = page(2, 4, {extra: [para(50)]});
	const again = placeOf(bookOf(moved), place, near);
	assert.equal(paragraphAt(moved, again), paragraphAt(article, place));
});
