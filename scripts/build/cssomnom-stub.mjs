// Stands in for cssomnom (linkedom's CSS parser) in dist/html.cjs. linkedom
// uses it only for HTMLStyleElement.sheet, which neither Readability nor qari
// reads: the stub keeps 190 KB of minified code out of every web page's start.
// A style sheet read through it is empty.
export function parse() {
	return {cssRules: []};
}
