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

import {decodeHTMLStrict} from 'entities/decode';

/** Text with its character references decoded; text without '&' comes back as it is. */
export function decodeEntities(text: string): string {
	return text.includes('&') ? decodeHTMLStrict(text) : text;
}
