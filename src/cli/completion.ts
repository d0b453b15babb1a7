// `qari completion [bash|zsh|fish]`: a completion script for the shell named
// (else the one $SHELL names, else bash), written out from the command table
// (commands.ts): static, so completing runs no node, and offers only what the
// table declares.
//
// Logic:
// 1. From the table, for each command: its options as typed (`--width`, `-w`,
//    `--no-color` for a flag on by default, `--help`), what each option's value
//    completes to (its choices, files for --output, nothing for a number or a
//    title), and what its positional completes to (files, the shells, nothing).
// 2. The default command (`qari [file]`) is in force until the first word is
//    a command; the first word completes to the commands and to files.
// 3. Each script is the shell's own idiom: bash (complete -F, COMPREPLY;
//    `--opt=value` split at '=' by COMP_WORDBREAKS), zsh (compadd/_files,
//    compset for `--opt=value`; works sourced or from $fpath), fish
//    (complete -c with conditions on the command seen).

import {type CommandName, commandTable, commandWords} from './commands.js';

export const completionShells = ['bash', 'zsh', 'fish'] as const;
export type CompletionShell = (typeof completionShells)[number];

/** The shell to write for: the one named, else $SHELL's, else bash; undefined when the name is not one of them. */
export function completionShell(named: string | undefined, shellEnv: string | undefined): CompletionShell | undefined {
	if (named !== undefined) return (completionShells as readonly string[]).includes(named) ? (named as CompletionShell) : undefined;
	const fromEnv = (shellEnv ?? '').split('/').at(-1) ?? '';
	return (completionShells as readonly string[]).includes(fromEnv) ? (fromEnv as CompletionShell) : 'bash';
}

/** What an option's value completes to: these words, files, or nothing (a number, a title). */
type ValueCompletion = {readonly words: readonly string[]} | 'files' | 'none';

interface OptionEntry {
	/** As typed: `--width`, `-w`. */
	readonly names: readonly string[];
	readonly describe: string;
	/** Undefined for a flag. */
	readonly value?: ValueCompletion;
}

interface CommandEntry {
	/** 'read' is the default command. */
	readonly name: CommandName | 'completion';
	readonly describe: string;
	readonly options: readonly OptionEntry[];
	readonly positional: 'files' | 'shells' | 'none';
}

/** Logic 1: the table as completions. */
function commandEntries(): CommandEntry[] {
	const entries: CommandEntry[] = (Object.entries(commandTable) as [CommandName, (typeof commandTable)[CommandName]][]).map(([name, spec]) => {
		const options: OptionEntry[] = [];
		for (const [option, declared] of Object.entries(spec.options)) {
			const names = [`--${option}`, ...('alias' in declared ? [`-${declared.alias}`] : [])];
			const describe = declared.describe;
			switch (declared.kind) {
				case 'choice':
					options.push({names, describe, value: {words: declared.values}});
					break;
				case 'flag':
					options.push({names: declared.default ? [`--no-${option}`] : names, describe});
					break;
				case 'string':
					options.push({names, describe, value: declared.dash ? 'files' : 'none'});
					break;
				case 'width':
				case 'seconds':
					options.push({names, describe, value: 'none'});
					break;
			}
		}
		options.push({names: ['--help', '-h'], describe: 'Show help'});
		if (name === 'read') options.push({names: ['--version', '-V'], describe: 'Show the version'});
		// `remove` takes a name from the list (its positional is `name`), not a file.
		return {name, describe: spec.describe, options, positional: spec.positional?.name === 'file' ? 'files' : 'none'};
	});
	entries.push({
		name: 'completion',
		describe: 'Print a shell completion script',
		options: [{names: ['--help', '-h'], describe: 'Show help'}],
		positional: 'shells',
	});
	return entries;
}

/** The words a script names must need no quoting in any of the shells. */
function plain(words: readonly string[]): string {
	for (const word of words) if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$|^--?[A-Za-z][a-z-]*$/.test(word)) throw new Error(`completion: cannot write '${word}'`);
	return words.join(' ');
}

const allNames = (entry: CommandEntry): string[] => entry.options.flatMap((o) => o.names);
/** The case patterns (`read:--order|read:--o`) of a command's options whose value completes as `test` says. */
const valueCases = (entry: CommandEntry, test: (v: ValueCompletion) => boolean): string[] =>
	entry.options.filter((o) => o.value !== undefined && test(o.value)).flatMap((o) => o.names.map((n) => `${entry.name}:${n}`));

/** The script for `shell`. */
export function completionScript(shell: CompletionShell): string {
	const entries = commandEntries();
	switch (shell) {
		case 'bash':
			return bashScript(entries);
		case 'zsh':
			return zshScript(entries);
		case 'fish':
			return fishScript(entries);
	}
}

/** Choice options grouped by their words: `pattern|pattern) words`. */
function choiceCases(entries: readonly CommandEntry[]): [string, string][] {
	const byWords = new Map<string, string[]>();
	for (const entry of entries)
		for (const option of entry.options) {
			if (option.value === undefined || typeof option.value === 'string') continue;
			const words = plain(option.value.words);
			const patterns = byWords.get(words) ?? [];
			patterns.push(...option.names.map((n) => `${entry.name}:${n}`));
			byWords.set(words, patterns);
		}
	return [...byWords].map(([words, patterns]) => [patterns.join('|'), words]);
}

function bashScript(entries: readonly CommandEntry[]): string {
	const commands = plain(commandWords);
	const files = entries.flatMap((e) => valueCases(e, (v) => v === 'files'));
	const none = entries.flatMap((e) => valueCases(e, (v) => v === 'none'));
	const lines = [
		'# bash completion for qari (qari completion bash). Add to ~/.bashrc:',
		'#   source <(qari completion bash)',
		'_qari() {',
		'\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd=read',
		"\t# `--order=v`: bash splits the word at '='.",
		"\tif [[ $cur == '=' ]]; then cur=''; elif [[ $prev == '=' ]]; then prev=${COMP_WORDS[COMP_CWORD-2]}; fi",
		'\tCOMPREPLY=()',
		`\tif ((COMP_CWORD > 1)); then case ${'${COMP_WORDS[1]}'} in ${commands.replaceAll(' ', '|')}) cmd=${'${COMP_WORDS[1]}'} ;; esac; fi`,
		'\tcase $cmd:$prev in',
		...choiceCases(entries).map(([patterns, words]) => `\t\t${patterns}) mapfile -t COMPREPLY < <(compgen -W '${words}' -- "$cur"); return ;;`),
		...(files.length ? [`\t\t${files.join('|')}) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return ;;`] : []),
		...(none.length ? [`\t\t${none.join('|')}) return ;;`] : []),
		'\tesac',
		'\tif [[ $cur == -* ]]; then',
		'\t\tcase $cmd in',
		...entries.map((e) => `\t\t\t${e.name}) mapfile -t COMPREPLY < <(compgen -W '${plain(allNames(e))}' -- "$cur") ;;`),
		'\t\tesac',
		'\t\treturn',
		'\tfi',
		'\tcase $cmd in',
		`\t\tread) ((COMP_CWORD == 1)) && mapfile -t COMPREPLY < <(compgen -W '${commands}' -- "$cur"); compopt -o filenames 2>/dev/null; mapfile -t -O ${'${#COMPREPLY[@]}'} COMPREPLY < <(compgen -f -- "$cur") ;;`,
		...entries
			.filter((e) => e.name !== 'read' && e.positional === 'files')
			.map((e) => `\t\t${e.name}) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;`),
		`\t\tcompletion) ((COMP_CWORD == 2)) && mapfile -t COMPREPLY < <(compgen -W '${plain(completionShells)}' -- "$cur") ;;`,
		'\tesac',
		'}',
		'complete -F _qari qari',
	];
	return `${lines.join('\n')}\n`;
}

function zshScript(entries: readonly CommandEntry[]): string {
	const commands = plain(commandWords);
	const files = entries.flatMap((e) => valueCases(e, (v) => v === 'files'));
	const none = entries.flatMap((e) => valueCases(e, (v) => v === 'none'));
	const lines = [
		'#compdef qari',
		'# zsh completion for qari (qari completion zsh). Add to ~/.zshrc, after compinit:',
		'#   source <(qari completion zsh)',
		'# or save it as _qari in a folder of $fpath.',
		'_qari() {',
		'\tlocal cur=${words[CURRENT]} prev=${words[CURRENT-1]} cmd=read',
		"\t# `--order=v`: the part before '=' is the option.",
		"\tif [[ $cur == --*=* ]]; then prev=${cur%%=*}; cur=${cur#*=}; compset -P '*='; fi",
		`\tif ((CURRENT > 2)); then case ${'${words[2]}'} in ${commands.replaceAll(' ', '|')}) cmd=${'${words[2]}'} ;; esac; fi`,
		'\tcase $cmd:$prev in',
		...choiceCases(entries).map(([patterns, words]) => `\t\t${patterns}) compadd -- ${words}; return ;;`),
		...(files.length ? [`\t\t${files.join('|')}) _files; return ;;`] : []),
		...(none.length ? [`\t\t${none.join('|')}) return 1 ;;`] : []),
		'\tesac',
		'\tif [[ $cur == -* ]]; then',
		'\t\tcase $cmd in',
		...entries.map((e) => `\t\t\t${e.name}) compadd -- ${plain(allNames(e))} ;;`),
		'\t\tesac',
		'\t\treturn',
		'\tfi',
		'\tcase $cmd in',
		`\t\tread) ((CURRENT == 2)) && compadd -- ${commands}; _files ;;`,
		...entries.filter((e) => e.name !== 'read' && e.positional === 'files').map((e) => `\t\t${e.name}) _files ;;`),
		`\t\tcompletion) ((CURRENT == 3)) && compadd -- ${plain(completionShells)} ;;`,
		'\tesac',
		'}',
		// Loaded from $fpath the file is the function's body; sourced, it registers it.
		'if [[ ${funcstack[1]} == _qari ]]; then _qari "$@"; else compdef _qari qari; fi',
	];
	return `${lines.join('\n')}\n`;
}

/** A fish single-quoted string: only \ and ' are special. */
const fishQuote = (s: string): string => `'${s.replace(/[\\']/g, '\\$&')}'`;
/** A description's first clause, as fish shows one beside each candidate. */
const short = (s: string): string => (s.split(/[:(;]/)[0] ?? s).trim();

function fishScript(entries: readonly CommandEntry[]): string {
	const commands = plain(commandWords);
	const lines = [
		'# fish completion for qari (qari completion fish). Install:',
		'#   qari completion fish > ~/.config/fish/completions/qari.fish',
		'complete -c qari -f',
	];
	for (const entry of entries) {
		const condition = entry.name === 'read' ? `not __fish_seen_subcommand_from ${commands}` : `__fish_seen_subcommand_from ${entry.name}`;
		if (entry.name !== 'read') lines.push(`complete -c qari -n '__fish_use_subcommand' -a ${entry.name} -d ${fishQuote(short(entry.describe))}`);
		for (const option of entry.options) {
			const flags = option.names.map((n) => (n.startsWith('--') ? `-l ${plain([n.slice(2)])}` : `-s ${plain([n.slice(1)])}`)).join(' ');
			const value =
				option.value === undefined
					? ''
					: option.value === 'files'
						? ' -r -F'
						: option.value === 'none'
							? ' -x'
							: ` -x -a ${fishQuote(plain(option.value.words))}`;
			lines.push(`complete -c qari -n ${fishQuote(condition)} ${flags}${value} -d ${fishQuote(short(option.describe))}`);
		}
		if (entry.positional === 'files') lines.push(`complete -c qari -n ${fishQuote(entry.name === 'read' ? '__fish_use_subcommand' : condition)} -F`);
		if (entry.positional === 'shells') lines.push(`complete -c qari -n ${fishQuote(condition)} -a ${fishQuote(plain(completionShells))}`);
	}
	return `${lines.join('\n')}\n`;
}
