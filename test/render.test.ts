import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {type Run} from '../src/model/article.js';
import {renderRuns, sanitizeHref, sgrOf} from '../src/terminal/sgr.js';

const ESC = '\u001B';

// One case a line: [href, what goes into the OSC 8 sequence (undefined: no hyperlink)].
const hrefs: [string, string | undefined][] = [
	['https://example.org/a?b=c#d', 'https://example.org/a?b=c#d'],
	['mailto:someone@example.org', 'mailto:someone@example.org'],
	['www.example.org', 'https://www.example.org'],
	['HTTP://EXAMPLE.ORG', 'HTTP://EXAMPLE.ORG'],
	['javascript:alert(1)', undefined],
	['file:///etc/passwd', undefined],
	['https://', undefined],
	['https://example.org/\u001B]8;;evil\u001B\\', undefined],
	['https://example.org/\u0007', undefined],
	['https://example.org/a b', undefined],
	// IRIs (issue 12, 16): percent-encoded path, punycode host; never with bidi controls or spaces.
	['https://مثال.example/', 'https://xn--mgbh0fb.example/'],
	['https://fa.wikipedia.org/wiki/زبان_فارسی', 'https://fa.wikipedia.org/wiki/%D8%B2%D8%A8%D8%A7%D9%86_%D9%81%D8%A7%D8%B1%D8%B3%DB%8C'],
	[
		'https://academy.hsoub.com/files/14-التحريك-عبر-css/',
		'https://academy.hsoub.com/files/14-%D8%A7%D9%84%D8%AA%D8%AD%D8%B1%D9%8A%D9%83-%D8%B9%D8%A8%D8%B1-css/',
	],
	['www.ויקיפדיה.org/ויקי', 'https://www.xn--7dbcbqab9ewa.org/%D7%95%D7%99%D7%A7%D7%99'],
	['https://example.org/\u202eevil', undefined],
	['https://example.org/א ב', undefined],
	['javascript:alert("שלום")', undefined],
	['javascript-free relative/path', undefined],
	['relative/path', undefined],
	['', undefined],
	[`https://example.org/${'a'.repeat(3000)}`, undefined],
];

for (const [href, expected] of hrefs) {
	test(`href ${JSON.stringify(href.slice(0, 40))} → ${expected === undefined ? 'no link' : 'link'}`, () => {
		assert.equal(sanitizeHref(href), expected);
	});
}

// One case a line: [style, SGR parameters].
const styles: [Run['style'], string][] = [
	[{}, ''],
	[{strong: true}, '1'],
	[{emphasis: true}, '3'],
	[{dim: true}, '2'],
	[{href: 'https://x.org'}, '4'],
	[{strike: true}, '9'],
	[{code: true}, '36'],
	[{match: true}, '7'],
	[{match: true, current: true}, '1;30;43'],
	[{strong: true, match: true}, '7;1'],
	[{dim: true, match: true}, '7'],
];

for (const [style, sgr] of styles) {
	test(`style ${JSON.stringify(style)} → SGR '${sgr}'`, () => {
		assert.equal(sgrOf(style), sgr);
	});
}

test('colour on: SGR per run and OSC 8 around links; colour off: the text only; the width never changes', () => {
	const runs: Run[] = [
		{text: '  ', style: {}},
		{text: 'see ', style: {}},
		{text: 'this', style: {href: 'https://example.org'}},
		{text: ' لينك', style: {strong: true}},
		{text: 'bad', style: {href: 'https://x.org/\u001B'}},
	];
	const color = renderRuns(runs, {color: true});
	assert.equal(color, `  see ${ESC}]8;;https://example.org${ESC}\\${ESC}[4mthis${ESC}[0m${ESC}]8;;${ESC}\\${ESC}[1m لينك${ESC}[0m${ESC}[4mbad${ESC}[0m`);
	const plain = renderRuns(runs, {color: false});
	assert.equal(plain, '  see this لينكbad');
	assert.equal(stringWidth(color), stringWidth(plain));
});

test('a stray control character never reaches the terminal', () => {
	assert.equal(renderRuns([{text: 'a\u001B[2Jb\u0007c\u009bd', style: {}}], {color: false}), 'a[2Jbcd');
	assert.equal(renderRuns([{text: 'x\u001By', style: {strong: true}}], {color: true}), `${ESC}[1mxy${ESC}[0m`);
});
