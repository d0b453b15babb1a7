// Makes some of marked's inline rules lazy in the CLI bundle: marked builds
// every rule of every flavour when it is imported, and those that find the
// delimiters of emphasis and strikethrough (emStrongLDelim,
// emStrongRDelimAst, emStrongRDelimUnd, delLDelim, delRDelim) or punctuation
// (punctuation, anyPunctuation) are regular expressions with Unicode property
// classes (`\p{P}`, `\p{S}`), which V8 compiles when they are created: about
// a third of marked's import, paid by every start. qari lexes with the GFM
// flavour only, and its own shortcuts (marked-adapter.ts) keep most text from
// marked's inline rules: after this patch each of them is built the first
// time marked's tokenizer asks for it.
//
// Logic:
// 1. Each rule is found where marked's rule tables name it
//    (`emStrongRDelimAst:kt`); its definition (`,kt=g(…).getRegex()` in
//    marked's minified code) becomes a thunk that builds it once. The name
//    must appear nowhere else: no other rule is built from it.
// 2. The tokenizer reads these rules only as `this.rules.inline.<name>`;
//    each such read becomes `__qariRule(this.rules.inline.<name>)`, which
//    calls a thunk and returns anything else (the `{exec: () => null}` that
//    stands for a rule a flavour lacks, or a rule an extension set) as it is.
//    The tables keep plain data properties, so every other rule is read as
//    fast as before.
// 3. Anything unexpected (another marked, where the names or the reads are
//    not as above) leaves the code as it is and says why: the bundle then
//    builds every rule at import, as marked does. test/startup.test.ts
//    checks that the built bundle holds the patch.

const RULES = ['emStrongRDelimAst', 'emStrongRDelimUnd', 'delRDelim', 'emStrongLDelim', 'delLDelim', 'punctuation', 'anyPunctuation'];

/** The marker the patched code carries (test/startup.test.ts looks for it). */
export const LAZY_MARKER = '__qariRule';

const helpers = `function ${LAZY_MARKER}(rule) { return typeof rule === 'function' ? rule() : rule; }
function __qariLazy(make) { let rule; return () => (rule ??= make()); }
`;

/**
 * marked's code with its closing-delimiter rules built on first use
 * (Logic 1–2); {code: source, problem} when the code is not as expected (Logic 3).
 */
export function lazyDelimiters(source) {
	const fail = (problem) => ({code: source, problem});
	const names = new Set();
	for (const rule of RULES) {
		for (const match of source.matchAll(new RegExp(`[{,]${rule}:([\\w$]+)[,}]`, 'g'))) {
			if (match[1] !== 'q') names.add(match[1]);
		}
	}
	if (names.size === 0) return fail('no rule tables naming the delimiter rules');
	let code = source;
	for (const name of names) {
		// The rule is used only as a value in the tables: nothing else may see the thunk.
		// (`&gt;` in marked's table of HTML escapes is text, not a use of `gt`.)
		const uses = [...code.matchAll(new RegExp(`(?<![\\w$.&])${name}(?![\\w$])`, 'g'))];
		if (uses.some((use) => code[use.index - 1] !== ':' && code[use.index - 1] !== ',')) return fail(`${name} is used other than in the rule tables`);
		if (uses.filter((use) => code[use.index - 1] === ',').length !== 1) return fail(`no single definition of ${name}`);
		const start = code.indexOf(`,${name}=g(`);
		if (start < 0 || code.indexOf(`,${name}=g(`, start + 1) >= 0) return fail(`no single definition of ${name}`);
		const from = start + name.length + 2;
		const end = definitionEnd(code, from);
		if (end < 0) return fail(`no end to the definition of ${name}`);
		const expression = code.slice(from, end);
		try {
			new Function(`return ${expression}`);
		} catch {
			return fail(`the definition of ${name} is not one expression`);
		}
		code = `${code.slice(0, from)}__qariLazy(() => ${expression})${code.slice(end)}`;
	}
	for (const rule of RULES) {
		const read = new RegExp(`this\\.rules\\.inline\\.${rule}(?![\\w$])`, 'g');
		const reads = [...code.matchAll(read)].length;
		const all = [...code.matchAll(new RegExp(`(?<![\\w$])${rule}(?![\\w$])`, 'g'))].length;
		const inTables = [...code.matchAll(new RegExp(`[{,]${rule}:`, 'g'))].length;
		if (reads === 0 || reads + inTables !== all) return fail(`${rule} is read other than as this.rules.inline.${rule}`);
		code = code.replace(read, (match) => `${LAZY_MARKER}(${match})`);
	}
	return {code: helpers + code, problem: undefined};
}

/** Where `….getRegex()` that starts at `from` ends: before the first `.getRegex()` followed by ',' or ';'. */
function definitionEnd(code, from) {
	const call = '.getRegex()';
	for (let at = code.indexOf(call, from); at >= 0; at = code.indexOf(call, at + 1)) {
		const next = code[at + call.length];
		if (next === ',' || next === ';') return at + call.length;
	}
	return -1;
}

/** The esbuild plugin: marked's ES module, patched as it is loaded. */
export const markedLazyDelimiters = {
	name: 'marked-lazy-delimiters',
	setup(b) {
		b.onLoad({filter: /[\\/]node_modules[\\/]marked[\\/]lib[\\/]marked\.esm\.js$/}, async (args) => {
			const {readFile} = await import('node:fs/promises');
			const {code, problem} = lazyDelimiters(await readFile(args.path, 'utf8'));
			return {contents: code, loader: 'js', warnings: problem ? [{text: `marked left as it is: ${problem}`}] : []};
		});
	},
};
