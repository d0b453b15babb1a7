// Character references → characters: every HTML5 named reference (`&rlm;`,
// `&zwnj;`, `&emsp;`, `&hellip;` …) and numeric ones, as CommonMark reads them.
//
// Logic:
// 1. The table is the `entities` package's (fb55's, the one htmlparser2 and
//    cheerio use): all 2,231 HTML5 names in a 32 KB trie, no hand list to keep.
// 2. Strict mode: only references closed by ';' are decoded, as CommonMark
//    says (`&copy` stays text; browsers' legacy forms without ';' do not apply).
// 3. Numeric references follow the HTML standard: 0, surrogates and values past
//    U+10FFFF become U+FFFD; &#128;–&#159; are the windows-1252 characters a
//    browser shows. Controls a reference may name (`&#27;` is ESC) are left for
//    the caller's stripControls.
// 4. The bidi marks and joiners (&lrm; &rlm; &zwnj; &zwj;, ALM as &#x61C;) come
//    out as the characters they are: the layout applies them and never prints them.
// 5. A reference starts with '&' and '#', a letter or a digit: text with no
//    such '&' (`Tom & Jerry`) comes back as it is, without touching the table,
//    which the CLI bundle loads on first use (scripts/build/build.mjs).

import {decodeHTMLStrict} from 'entities/decode';

/** Where a character reference may start: '&' then '#' or a letter or digit. */
const referenceStart = /&[#0-9A-Za-z]/;

/** Text with its character references decoded; text with no '&' that may start one comes back as it is (Logic 5). */
export function decodeEntities(text: string): string {
	return text.includes('&') && referenceStart.test(text) ? decodeHTMLStrict(text) : text;
}
