// Sections cut at the outline and parsed one by one must equal the whole
// text parsed at once (src/parse/outline.ts, Logic 1), and a section is parsed only
// when its content is asked for.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import test from 'node:test';
import fc from 'fast-check';
import {Lexer} from 'marked';
import {type Article} from '../src/model/article.js';
import {parseMarkdown} from '../src/parse/markdown.js';
import {outlineOf} from '../src/parse/outline.js';

const bundled = readFileSync(new URL('../content/assad-putin-moscow.md', import.meta.url), 'utf8');

/** Everything of an article but the sections' sizes (measured differently by the two paths). */
function facts(article: Article): unknown {
	return {
		title: article.title,
		meta: article.meta,
		lang: article.lang,
		dir: article.dir,
		sections: article.sections.map((s) => ({
			index: s.index,
			title: s.title,
			level: s.level,
			blocks: s.blocks,
			words: s.words,
			minutes: s.minutes,
			direction: s.direction,
		})),
	};
}

function assertSame(text: string, expectOutline?: boolean): void {
	const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
	if (expectOutline !== undefined) assert.equal(outlineOf(body) !== undefined, expectOutline, `outline of ${JSON.stringify(text)}`);
	assert.deepEqual(facts(parseMarkdown(text)), facts(parseMarkdown(text, {whole: true})), JSON.stringify(text));
}

test('the bundled article: cut at its outline, equal to the whole parse', () => {
	assert.ok(outlineOf(bundled.replace(/^---\n[\s\S]*?\n---\n/, '')), 'the bundled article has an outline');
	assertSame(bundled, true);
	// Repeated, with and without its front matter and title.
	const body = bundled.replace(/^---\n[\s\S]*?\n---\n/, '');
	assertSame(bundled + body.repeat(3), true);
	assertSame(body.repeat(4));
});

test('headings inside fences, lists, quotes and tables; closing fences as marked reads them', () => {
	const cases = [
		'# T\n\nlead\n\n## A\n\n```\n## not a heading\n```\n\ntext\n\n## B\n\nmore\n',
		'## A\n\n~~~~\n# no\n~~~\n# still no\n~~~~~\n\n## B\n',
		'## A\n\n```js\ncode\n```~~ \n## no\n```` \n## B\n\ntext\n',
		'## A\n\n```\nunclosed\n## no\n',
		'## A\n\n``` has `tick\n## yes\n',
		'## A\n- item\n## B\n> quote\n## C\n| a | b |\n|---|---|\n| 1 | 2 |\n## D\npara\n## E\n',
		'- item\n\n    ```\n# heading ends the list\n    ```\n\n# two\n',
		'> ```\n# after quote\n',
		'1. one\n```\n# in a top-level fence\n```\n# real\n',
		'#hashtag\n\n## A\n\n####### seven\n\n#\u00a0nbsp heading\n\n#\ttab\n\n#\n\n## B # closed ##\n',
		'\n\n# Title\n\ntext\n\n# Second H1\n\nx\n',
		'# Only\n',
		'# \n\n## A\n\ntext\n',
		'\u00a0\n# Title\n\n## A\n',
		'text first\n# Title\n## A\n',
		'## A **bold** [link](http://x.example) `code`\n\nbody\n\n### deeper\n\n## B\n',
		'### low\n\ntext\n\n## higher\n\nmore\n\n### low again\n',
		'\t# tab indented\n\n## A\n',
		'    # code\n\n## A\n',
		'a\n\n***\n\n## A\n\n- - -\n',
		'',
		'\n\n',
	];
	for (const text of cases) assertSame(text);
});

test('what the scan cannot place without parsing falls back to the whole parse', () => {
	const hazards = [
		'Title\n=====\n\n## A\n',
		'para\n---\n\n## A\n',
		'<div>\n```\n\n# x\n',
		'<!--\n# x\n-->\n',
		' # indented heading\n',
		'- a\n  ```\n# x\n  ```\n',
		'[ref]: http://x.example\n\n## A\n\n[a][ref]\n',
		'> [ref]: http://x.example\n',
		'[multi\nline]: http://x.example\n',
	];
	for (const text of hazards) {
		assert.equal(outlineOf(text), undefined, JSON.stringify(text));
		assertSame(text);
	}
	// Not hazards: a link at the start of a line, a list item's text.
	assert.ok(outlineOf('[link](http://x.example) text\n\n## A\n'));
	assert.ok(outlineOf('- item\n\n## A\n'));
});

const pieces = [
	'# H1',
	'## H2',
	'### H3',
	'## H2 **b** _e_',
	'#hashtag',
	'####### seven',
	'#',
	'```',
	'~~~',
	'````',
	'``` js',
	'```~',
	'- item',
	'1. item',
	'  continued',
	'    indented',
	'> quote',
	'> # quoted heading',
	'| a | b |',
	'|---|---|',
	'***',
	'- - -',
	'\tTab',
	'',
	'',
	'',
	'نص عربي مع English و123',
	'plain text',
	'[link](http://x.example)',
	'**bold** and `code`',
];
const hazardPieces = ['===', '---', '<div>', '<!-- c -->', ' ## indented', '  ```', '[r]: http://x.example', '[r]', 'Setext', '-'];

test('fuzzed documents: the outline path equals the whole parse', () => {
	let outlined = 0;
	fc.assert(
		fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 40}), (lines) => {
			const text = lines.join('\n');
			if (outlineOf(text) !== undefined) outlined++;
			assertSame(text);
		}),
		{numRuns: 400},
	);
	assert.ok(outlined > 300, `${outlined} of 400 documents had an outline`);
	fc.assert(
		fc.property(fc.array(fc.constantFrom(...pieces, ...hazardPieces), {maxLength: 40}), (lines) => assertSame(lines.join('\n'))),
		{numRuns: 300},
	);
});

test('sections are parsed when their content is first asked for, once', () => {
	const text = `---\nlang: ar\n---\n# Book\n\nlead\n\n${Array.from({length: 50}, (_, i) => `## Chapter ${i + 1}\n\nparagraph ${i + 1}\n`).join('\n')}`;
	const lexer = Lexer.prototype as unknown as {blockTokens: (...args: unknown[]) => unknown};
	const original = lexer.blockTokens;
	let calls = 0;
	lexer.blockTokens = function (this: unknown, ...args: unknown[]) {
		calls++;
		return original.apply(this, args);
	};
	try {
		const article = parseMarkdown(text);
		const afterParse = calls;
		// The title and 50 headings are lexed one line each, and the lead.
		assert.ok(afterParse <= 53, `${afterParse} lexer runs before any content was asked for`);
		assert.equal(article.sections.length, 51);
		assert.equal(article.sections[20]?.title, 'Chapter 20');
		assert.equal(calls, afterParse, 'titles need no parse');
		assert.equal(article.sections[20]?.words, 2);
		assert.equal(calls, afterParse + 1, 'one section parsed');
		assert.equal(article.sections[20]?.blocks.length, 1);
		assert.equal(calls, afterParse + 1, 'and only once');
	} finally {
		lexer.blockTokens = original;
	}
});

test('section sizes add up to the source', () => {
	const body = bundled.replace(/^---\n[\s\S]*?\n---\n/, '');
	for (const whole of [false, true]) {
		const article = parseMarkdown(bundled, {whole});
		const total = article.sections.reduce((n, s) => n + s.size, 0);
		// Everything but the title line (which is no section's).
		assert.ok(total > body.length * 0.97 && total <= body.length, `whole=${whole}: ${total} of ${body.length}`);
	}
});
