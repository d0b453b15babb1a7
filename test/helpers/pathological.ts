// Markdown shaped to be slow (issue 10, item 3): runs of one piece of inline
// syntax, nested openers and closers, and block constructs repeated line by
// line. Shared by scripts/bench/bench-pathological.ts (2 MB files through the real
// CLI) and test/markdown-complexity.test.ts (in process, n against 4n).
// Every generator fills a given number of UTF-8 bytes, give or take one unit.

export interface Pathology {
	readonly name: string;
	/** What the text is, for the report. */
	readonly shape: string;
	readonly make: (bytes: number) => string;
}

const bytesOf = (text: string): number => Buffer.byteLength(text, 'utf8');

/** `unit` repeated to fill `bytes`. */
export function fill(unit: string, bytes: number): string {
	return unit.repeat(Math.max(1, Math.floor(bytes / bytesOf(unit))));
}

/** `unit` repeated to fill `bytes` less the tail, then the tail. */
function tail(unit: string, end: string): (bytes: number) => string {
	return (bytes) => fill(unit, bytes - bytesOf(end)) + end;
}

/** `open` n times, `middle`, `close` n times: nesting as deep as the size allows. */
function nest(open: string, middle: string, close: string): (bytes: number) => string {
	return (bytes) => {
		const n = Math.max(1, Math.floor((bytes - bytesOf(middle)) / (bytesOf(open) + bytesOf(close))));
		return open.repeat(n) + middle + close.repeat(n);
	};
}

/** `line` on every line. */
function lines(line: string): (bytes: number) => string {
	return (bytes) => fill(`${line}\n`, bytes);
}

/** Paragraphs of `unit` about `size` bytes each, a blank line between them. */
function paragraphs(unit: string, size: number): (bytes: number) => string {
	return (bytes) => fill(`${fill(unit, size)}\n\n`, bytes);
}

function run(unit: string): Pathology {
	return {name: unit.replace(/\n/g, '\\n'), shape: `one paragraph of ${JSON.stringify(unit)} repeated`, make: (bytes) => fill(unit, bytes)};
}

/** Distinct link reference definitions, then a paragraph using them. */
function references(bytes: number): string {
	const defs: string[] = [];
	let size = 0;
	for (let i = 0; size < bytes / 2; i++) {
		const def = `[r${i}]: /u${i}\n`;
		defs.push(def);
		size += def.length;
	}
	return `${defs.join('')}\n${fill('[r1] [r2][r3] ', bytes - size)}`;
}

export const pathologies: readonly Pathology[] = [
	// Runs of inline syntax in one huge paragraph.
	...[
		'_a',
		'a_',
		'*a',
		'**',
		'**a',
		'[',
		'![',
		'`',
		'`a',
		'<',
		'<a',
		'&',
		'&#',
		'\\',
		'~',
		'~a',
		'~a~~',
		'[a](',
		'[[[[a',
		'*_*_a',
		'_*a',
		'*a_b',
		'a*b_',
		'_!',
		'<!--',
		'<a b="',
		'http://',
		'http://a(',
		'www.',
		'www.a(',
		'a@b.',
		'a@b.c ',
		'mailto:a',
		'_ب',
		'*ب ',
		'كلمة_عربية*',
	].map(run),
	{name: '[a](b…)', shape: '"[a](b" repeated, one ")" at the end', make: tail('[a](b', ')')},
	{name: '_a…!@b.c', shape: '"_a" repeated, then "!@b.c"', make: tail('_a', '!@b.c')},
	{name: 'a!…@', shape: '"a!" repeated, then "@"', make: tail('a!', '@')},
	{name: '[…](x)', shape: '"[" repeated, then "](x)"', make: tail('[', '](x)')},
	// Nesting.
	{name: '*a nested', shape: '"*a " ×n, "b", " a*" ×n', make: nest('*a ', 'b', ' a*')},
	{name: '_a nested', shape: '"_a " ×n, "b", " a_" ×n', make: nest('_a ', 'b', ' a_')},
	{name: '** nested', shape: '"**" ×n, "a", "**" ×n', make: nest('**', 'a', '**')},
	{name: '*_ nested', shape: '"*_" ×n, "a", "_*" ×n', make: nest('*_', 'a', '_*')},
	{name: '[ nested', shape: '"[" ×n, "a", "](x)" ×n', make: nest('[', 'a', '](x)')},
	{name: '![ nested', shape: '"![" ×n, "a", "](x)" ×n', make: nest('![', 'a', '](x)')},
	{name: '<a> nested', shape: '"<a>" ×n, "x", "</a>" ×n', make: nest('<a>', 'x', '</a>')},
	// Without spaces, with Arabic.
	{name: 'no spaces', shape: 'one line of "abcdefghij" repeated', make: (bytes) => fill('abcdefghij', bytes)},
	{name: 'Arabic word', shape: 'one line of "كلمة" repeated', make: (bytes) => fill('كلمة', bytes)},
	// Paragraphs just under the size that is cut into pieces.
	{name: '_a paragraphs', shape: 'paragraphs of 8,000 bytes of "_a"', make: paragraphs('_a', 8000)},
	{name: '*_*_a paragraphs', shape: 'paragraphs of 8,000 bytes of "*_*_a"', make: paragraphs('*_*_a', 8000)},
	// Block constructs, line by line.
	{name: 'one reference', shape: '"[a]: /u" lines, then "[a]" repeated', make: (bytes) => `${fill('[a]: /u\n', bytes / 2)}\n${fill('[a][a] ', bytes / 2)}`},
	{name: 'references', shape: 'distinct "[rN]: /uN" lines, then uses', make: references},
	{name: 'table rows', shape: 'a table of two columns, thousands of rows', make: (bytes) => `| a | b |\n|---|---|\n${fill('| x | y |\n', bytes - 20)}`},
	{
		name: 'table columns',
		shape: 'a table of one row, thousands of columns',
		make: (bytes) => `${fill('| a ', bytes / 3)}|\n${fill('|---', bytes / 3)}|\n${fill('| b ', bytes / 3)}|\n`,
	},
	{
		name: '<td> then <tr>',
		shape: 'an HTML table: one row of thousands of cells, then thousands of one-cell rows',
		make: (bytes) => `<table><tr>${fill('<td>a</td>', bytes / 2)}${fill('<tr><td>b', bytes / 2)}</table>\n`,
	},
	{
		name: '<td><br>',
		shape: 'an HTML table cell of "<br>" and "a" runs',
		make: (bytes) => `<table><tr><td>${fill('<br>', bytes / 2)}${fill('a<br>', bytes / 2)}</table>\n`,
	},
	{name: 'list items', shape: '"- a" lines', make: lines('- a')},
	{name: 'ordered items', shape: '"1. a" lines', make: lines('1. a')},
	{name: 'empty items', shape: '"-" lines', make: lines('-')},
	{
		name: 'deep list',
		shape: 'list items 0 to 63 levels deep, over and over',
		make: (bytes) => fill(Array.from({length: 64}, (_, i) => `${'  '.repeat(i)}- a\n`).join(''), bytes),
	},
	{name: '>', shape: 'one line of ">" repeated', make: (bytes) => fill('>', bytes)},
	{name: '> lines', shape: '"> a" lines', make: lines('> a')},
	{name: 'fences', shape: '"```" lines', make: lines('```')},
	{name: 'open fence', shape: '"```", then "a" lines', make: (bytes) => `\`\`\`\n${fill('a\n', bytes - 4)}`},
	{name: '~~~ lines', shape: '"~~~" lines', make: lines('~~~')},
	{name: '<!-- lines', shape: '"<!-- a" lines', make: lines('<!-- a')},
	{name: '<div> lines', shape: '"<div>" lines', make: lines('<div>')},
	{name: 'setext', shape: '"a", "===" pairs of lines', make: lines('a\n===')},
	{name: '=== lines', shape: '"===" lines', make: lines('===')},
	{name: '--- lines', shape: '"---" lines', make: lines('---')},
	{name: '# lines', shape: '"# a" lines', make: lines('# a')},
	{name: '## Arabic', shape: '"## عنوان" lines and a line of text', make: lines('## عنوان\nنص')},
	{name: 'indented', shape: '"    a" lines', make: lines('    a')},
	{name: '| lines', shape: '"| a |" lines', make: lines('| a |')},
	{name: 'a\\n', shape: '"a" lines (one paragraph)', make: lines('a')},
	{name: 'hard breaks', shape: '"a  " lines (hard breaks)', make: lines('a  ')},
];
