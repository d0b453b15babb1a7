// Issue 12: what people actually write in Arabic, Persian, Hebrew and Urdu
// Markdown. Each reproduction of the issue is a test here; the corpus tests
// run over test/fixtures/real/ (MANIFEST.md says where each document comes
// from and what a reader of its language expects).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {decodeEntities} from '../src/parse/entities.js';

test('entities: every HTML5 named reference, the bidi marks and joiners as characters (issue 12, 1)', () => {
	assert.equal(
		decodeEntities('C++&lrm; و Python&rlm; &emsp;x a&zwnj;b &hellip; &mdash; &laquo;ق&raquo; &copy;'),
		'C++\u200e و Python\u200f \u2003x a\u200cb … — «ق» ©',
	);
	assert.equal(decodeEntities('a&zwj;b &#x61C;'), 'a\u200db \u061c');
	assert.equal(decodeEntities('n&nbsp;log(n) &amp; &lt;b&gt; &quot;&apos;'), 'n\u00a0log(n) & <b> "\'');
	assert.equal(decodeEntities('Node.js&reg; &NotNestedGreaterGreater;'), 'Node.js® \u2aa2\u0338');
});

test('entities: only references closed by a semicolon, as CommonMark reads them; bad numbers are U+FFFD', () => {
	assert.equal(decodeEntities('&copy &amp AT&T &notanentity; &'), '&copy &amp AT&T &notanentity; &');
	assert.equal(decodeEntities('&#0; &#xD800; &#x110000; &#65; &#x41;'), '\ufffd \ufffd \ufffd A A');
	assert.equal(decodeEntities('&#27;'), '\u001b', 'controls are the caller’s to strip');
});
