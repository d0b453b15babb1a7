// Articles written as Markdown (the reading list's format) read back as the
// same article: same sections, same blocks, same metadata.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {type Article, type Block, type Inline} from '../src/model/article.js';
import {parseHtml} from '../src/parse/html/index.js';
import {parseMarkdown} from '../src/parse/markdown.js';
import {articleMarkdown} from '../src/output/markdown.js';
import {pages} from './helpers/web-pages.js';

/** Blocks with neighbouring spans of one style merged (the two parsers cut spans differently). */
function normal(blocks: readonly Block[]): unknown {
	const inline = (spans: Inline): unknown => {
		const out: {text: string; style: string}[] = [];
		for (const s of spans) {
			const style = JSON.stringify({...s.style});
			const last = out[out.length - 1];
			if (last && last.style === style) last.text += s.text;
			else out.push({text: s.text, style});
		}
		return out;
	};
	return blocks.map((b): unknown => {
		switch (b.kind) {
			case 'paragraph':
			case 'heading':
				return {...b, inline: inline(b.inline)};
			case 'quote':
				return {...b, blocks: normal(b.blocks)};
			case 'list':
				return {...b, items: b.items.map((item) => normal(item))};
			case 'table':
				return {...b, header: b.header.map(inline), rows: b.rows.map((r) => r.map(inline))};
			default:
				return b;
		}
	});
}

function same(back: Article, article: Article, name: string): void {
	assert.equal(back.title, article.title, name);
	assert.equal(back.dir, article.dir, name);
	assert.deepEqual(
		back.sections.map((s) => s.title),
		article.sections.map((s) => s.title),
		name,
	);
	for (let i = 0; i < article.sections.length; i++) {
		assert.deepEqual(normal(back.sections[i]?.blocks ?? []), normal(article.sections[i]?.blocks ?? []), `${name}: section ${i + 1}`);
	}
}

for (const page of pages) {
	test(`${page.name}: the saved Markdown reads back as the same article`, () => {
		const {article} = parseHtml(page.html, {url: `https://example.org/${page.name}`});
		const md = articleMarkdown(article, {...article.meta, saved: '2026-12-02T08:00:00Z'});
		const back = parseMarkdown(md);
		same(back, article, page.name);
		assert.equal(back.meta['url'], `https://example.org/${page.name}`);
		assert.equal(back.meta['saved'], '2026-12-02T08:00:00Z');
	});
}

test('Markdown syntax in the text stays text', () => {
	const html = `<html><head><title>T</title></head><body>
		<p># not a heading</p><p>- not a list</p><p>1. not a list</p><p>a *b* _c_ [d](e) \`f\` <g> &amp;amp; ~~h~~ | i \\ j</p>
		<p><code>a \`tick\` b</code> and <a href="https://x.org/a b">link [x]</a><br>next</p>
		<pre>\`\`\`
inner fence
\`\`\`</pre><table><tr><th>a|b</th><th>c</th></tr><tr><td>*1*</td><td></td></tr></table>
		<ol start="7"><li>seven</li><li><p>eight</p><pre>code</pre></li></ol><blockquote><p>q1</p><blockquote><p>q2</p></blockquote></blockquote></body></html>`;
	const {article} = parseHtml(html, {raw: true});
	same(parseMarkdown(articleMarkdown(article, article.meta)), article, 'syntax');
});
