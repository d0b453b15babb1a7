// The book's caches and match counts: counting without a layout must agree
// with the highlights a layout makes, and the caches stay bounded.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {createBook} from '../src/reader/book.js';
import {layoutSection} from '../src/layout/blocks.js';
import {parseMarkdown} from '../src/parse/markdown.js';
import {createHighlighter} from '../src/reader/search.js';

const bundled = parseMarkdown(readFileSync(new URL('../content/assad-putin-moscow.md', import.meta.url), 'utf8'));

// Every kind of block, nested: the order of highlights is the order of the layout.
const nested = parseMarkdown(`# Book

Lead with cat and قط.

## One

- cat item
  > quoted cat
  > - deeper cat
  >   1. cat one
  >   2. قط two

  after the quote, cat
- second cat

| cat | قط |
| --- | --- |
| a cat | |
| cat | cat | cat |

    cat in code is not searched

> cat
>
> | cat |
> | --- |
> | cat |

## Two

Nothing here. قطة cat.
`);

/** Matches of `query` in a section counted the slow way: a layout with a counting highlighter. */
function countByLayout(section: Parameters<typeof layoutSection>[0], query: string): number {
	let n = 0;
	const highlight = createHighlighter(query);
	layoutSection(section, {
		width: 0,
		order: 'logical',
		shape: false,
		dir: 'auto',
		baseDir: 'ltr',
		highlight: (text) => {
			const marks = highlight(text);
			n += marks.length;
			return marks;
		},
	});
	return n;
}

const cases: readonly [string, typeof bundled, string][] = [
	['bundled', bundled, 'بوتين'],
	['bundled', bundled, 'الأسد'],
	['bundled', bundled, 'زيارة'],
	['nested', nested, 'cat'],
	['nested', nested, 'قط'],
	['nested', nested, 'none'],
];

for (const [name, article, query] of cases) {
	test(`matches: ${name} '${query}' agrees with a layout's highlights in every section`, () => {
		const book = createBook(article, {order: 'visual', shape: true, dir: 'auto', baseDir: article.dir});
		for (let s = 0; s < book.count; s++) {
			const section = article.sections[s];
			assert.ok(section);
			assert.equal(book.matches(s, query), countByLayout(section, query), `section ${s + 1}`);
		}
	});
}

test('matches: the current match is the n-th highlighted line run of the section', () => {
	const book = createBook(nested, {order: 'logical', shape: false, dir: 'auto', baseDir: 'ltr'});
	const count = book.matches(1, 'cat');
	assert.ok(count >= 10, `matches in section 2: ${count}`);
	for (let current = 0; current < count; current++) {
		const lines = book.lines(1, 40, {query: 'cat', current});
		const marked = lines.flatMap((line) => line.runs.filter((run) => run.style.current === true));
		assert.equal(marked.length, 1, `exactly one current match for ${current}`);
	}
});

test('cache: at most `cacheSize` sections are kept, least recently used first out', () => {
	const book = createBook(bundled, {order: 'visual', shape: true, dir: 'auto', baseDir: 'rtl'}, 2);
	const first = book.lines(0, 60);
	assert.equal(book.lines(0, 60), first, 'a hit returns the same lines');
	const second = book.lines(1, 60);
	book.lines(0, 60); // 0 is now the most recent
	book.lines(2, 60); // evicts 1
	assert.equal(book.lines(0, 60), first, '0 is still cached');
	const again = book.lines(1, 60);
	assert.notEqual(again, second, '1 was evicted and laid out again');
	assert.deepEqual(again, second);
});

test('cache: bounded by lines too; the newest entry always stays', () => {
	const book = createBook(bundled, {order: 'visual', shape: true, dir: 'auto', baseDir: 'rtl'}, 16, 1);
	const a = book.lines(0, 60);
	assert.equal(book.lines(0, 60), a, 'the newest entry stays though it exceeds the budget');
	book.lines(1, 60);
	const b = book.lines(0, 60);
	assert.notEqual(b, a, 'the older entry was evicted by the line budget');
	assert.deepEqual(b, a, 'and is laid out the same again');
});
