// In-process layout throughput for `npm run bench` (issue 3's figure): every
// paragraph of a corpus laid out at 80 cells, visual order, shaped, timed
// after a warm-up. Writes the paragraphs' plain text, one per line, to
// `linesFile` so the bench can give fribidi exactly the same text.
//
// Usage: node --import tsx scripts/bench/bench-layout.ts corpus.md linesFile runs
import {readFileSync, writeFileSync} from 'node:fs';
import {type Block, type Inline} from '../../src/model/article.js';
import {parseMarkdown} from '../../src/parse/markdown.js';
import {layoutParagraph, paragraphText} from '../../src/text/paragraph.js';

const [corpus = '', linesFile = '', runsText = '5'] = process.argv.slice(2);
const article = parseMarkdown(readFileSync(corpus, 'utf8'));
const paragraphs: Inline[] = [];
const walk = (blocks: readonly Block[]): void => {
	for (const block of blocks) {
		if (block.kind === 'paragraph' || block.kind === 'heading') paragraphs.push(block.inline);
		else if (block.kind === 'quote') walk(block.blocks);
		else if (block.kind === 'list') for (const item of block.items) walk(item);
	}
};
for (const section of article.sections) walk(section.blocks);
writeFileSync(linesFile, `${paragraphs.map((p) => paragraphText(p).replace(/\u2028/g, ' ')).join('\n')}\n`);

const layoutAll = (): number => {
	let lines = 0;
	for (const inline of paragraphs) {
		lines += layoutParagraph(inline, {width: 80, order: 'visual', shape: true, dir: 'auto', fallback: article.dir}).lines.length;
	}
	return lines;
};
layoutAll();
const times: number[] = [];
for (let r = 0; r < Number(runsText); r++) {
	const started = performance.now();
	layoutAll();
	times.push(performance.now() - started);
}
process.stdout.write(`${JSON.stringify({paragraphs: paragraphs.length, times})}\n`);
