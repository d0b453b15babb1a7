import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {exportText} from '../src/export.js';
import {parseMarkdown} from '../src/markdown.js';
import {boilerplate, seedParagraphs} from './helpers/article.js';

const article = parseMarkdown(readFileSync(new URL('../content/assad-putin-moscow.md', import.meta.url), 'utf8'));
const logical = (width: number) => exportText(article, {width, order: 'logical', shape: false, dir: 'auto', baseDir: article.dir});

test('export --width 0: every paragraph verbatim on its own line, no boilerplate', () => {
	const lines = new Set(logical(0).split('\n').map((l) => l.replace(/^│ /, '')));
	for (const p of seedParagraphs) assert.ok(lines.has(p), `missing: ${p.slice(0, 50)}`);
	const text = logical(0);
	for (const b of boilerplate) assert.ok(!text.includes(b), `boilerplate present: ${b}`);
});

for (const width of [30, 50, 80]) {
	test(`export --width ${width}: no line wider, paragraphs rejoin exactly`, () => {
		const text = logical(width).trimEnd();
		const lines = text.split('\n');
		for (const line of lines) assert.ok(stringWidth(line) <= width, `${stringWidth(line)} > ${width}: ${line}`);
		// Lines of one paragraph are separated by blank lines from the next;
		// rejoined with the spaces the breaks consumed, they give the paragraph back.
		const paragraphs = lines
			.filter((l) => !/^[═─]+$/.test(l))
			.map((l) => (l === '│' ? '' : l.replace(/^│ /, '')))
			.join('\n')
			.split(/\n\n+/)
			.map((chunk) => chunk.split('\n').join(' '));
		for (const p of seedParagraphs) assert.ok(paragraphs.includes(p), `not rejoined at ${width}: ${p.slice(0, 50)}`);
	});
}
