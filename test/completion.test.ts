// `qari completion bash|zsh|fish`: the script of the shell named (not
// $SHELL's), run in that shell: the first word completes to the commands and
// files, `--` to the command's own options, an option's value to its choices.
// bash runs the script's function on COMP_WORDS as readline would fill it;
// fish answers `complete -C`. zsh runs its real completion system (compinit,
// _main_complete, _files), typed the line and a Tab in an interactive shell in
// a pseudo-terminal of its own (helpers/zsh-complete.zsh, after Valodim's
// zsh-capture-completion), with the script sourced and, again, from $fpath.
// A shell that is not installed is skipped, saying so.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {root, runQari} from './helpers/run.js';

const temp = mkdtempSync(join(tmpdir(), 'qari-completion-'));
after(() => rmSync(temp, {recursive: true, force: true}));
/** The folder completed in: one file. */
const here = join(temp, 'here');
mkdirSync(here);
writeFileSync(join(here, 'article.md'), '# A\n');

const has = (shell: string): boolean => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
/** Why a shell's test is skipped, or false. */
const missing = (shell: 'bash' | 'zsh' | 'fish'): string | false =>
	!has(shell)
		? `${shell} is not installed`
		: shell === 'zsh' &&
			spawnSync('zsh', ['-f', '-c', 'zmodload zsh/zpty']).status !== 0 &&
			'zsh has no zsh/zpty module (it drives compsys in a pseudo-terminal)';

/** Runs `code` in `shell` (no user start-up files), in the folder `here`. */
function inShell(shell: string, args: readonly string[], code: string): string[] {
	const result = spawnSync(shell, [...args, code], {encoding: 'utf8', cwd: here, env: {PATH: process.env['PATH'] ?? '', HOME: temp}});
	assert.equal(result.status, 0, result.stderr);
	assert.equal(result.stderr, '');
	return result.stdout.split('\n').filter((line) => line !== '');
}

/** The candidates `shell` offers for the command line `line` (the cursor at its end). */
type Complete = (line: string) => string[];

const scripts = Object.fromEntries(
	(['bash', 'zsh', 'fish'] as const).map((shell) => {
		const script = join(temp, `qari.${shell}`);
		// $SHELL names another shell: the argument wins.
		const result = runQari(['completion', shell], {env: {SHELL: shell === 'bash' ? '/usr/bin/zsh' : '/bin/bash'}});
		assert.equal(result.status, 0, result.stderr);
		writeFileSync(script, result.stdout);
		return [shell, {script, text: result.stdout}];
	}),
) as Record<'bash' | 'zsh' | 'fish', {script: string; text: string}>;

const words = (line: string): string[] => line.split(' ');
const quoted = (list: readonly string[]): string => list.map((w) => `'${w}'`).join(' ');

/** The helper's folder, kept between calls (compinit's dump). */
const zshDir = join(temp, 'zsh');
mkdirSync(zshDir);
/**
 * What zsh's completion system offers for `line`, the script loaded `how`: sourced after compinit, or as _qari in $fpath. Asserts that compsys
 * counts as many matches as were seen added, and that nothing went to stderr.
 */
function zshComplete(how: 'source' | 'fpath', line: string): string[] {
	const result = spawnSync('zsh', ['-f', join(root, 'test/helpers/zsh-complete.zsh'), how, scripts.zsh.script, zshDir, line], {
		encoding: 'utf8',
		cwd: here,
		env: {PATH: process.env['PATH'] ?? '', HOME: temp, TERM: 'dumb'},
		// The hang guard: a completion takes well under a second.
		timeout: 60_000,
		killSignal: 'SIGKILL',
	});
	assert.equal(result.error, undefined, `zsh, ${line}: ${result.error}`);
	assert.equal(result.status, 0, result.stderr);
	assert.equal(result.stderr, '');
	const candidates = result.stdout.split('\n').filter((l) => l !== '');
	const count = candidates.pop();
	assert.equal(count, `#nmatches ${candidates.length}`, `zsh, ${line}: ${result.stdout}`);
	return candidates;
}

const completers: Record<'bash' | 'zsh' | 'fish', Complete> = {
	bash: (line) => {
		const w = words(line);
		return inShell(
			'bash',
			['--norc', '--noprofile', '-c'],
			`source '${scripts.bash.script}'; COMP_WORDS=(${quoted(w)}); COMP_CWORD=${w.length - 1}; _qari; printf '%s\\n' "\${COMPREPLY[@]}"`,
		);
	},
	zsh: (line) => zshComplete('source', line),
	fish: (line) =>
		inShell('fish', ['--no-config', '-c'], `source '${scripts.fish.script}'; complete -C '${line}'`).map((candidate) => candidate.split('\t')[0] ?? ''),
};

const commands = ['completion', 'export', 'list', 'remove', 'save', 'sections'];
const sorted = (list: readonly string[]): string[] => [...list].sort();

/** Each shell's way to complete; zsh's twice, the two ways its script is loaded. */
const ways: {name: string; shell: 'bash' | 'zsh' | 'fish'; complete: Complete}[] = [
	{name: 'bash', shell: 'bash', complete: completers.bash},
	{name: 'zsh, sourced after compinit', shell: 'zsh', complete: completers.zsh},
	{name: 'zsh, as _qari in $fpath', shell: 'zsh', complete: (line) => zshComplete('fpath', line)},
	{name: 'fish', shell: 'fish', complete: completers.fish},
];

for (const {name, shell, complete} of ways) {
	test(`completion ${shell}: the ${shell} script, complete in ${name}`, {skip: missing(shell)}, () => {
		const {text} = scripts[shell];
		assert.doesNotMatch(text, /\$0|yargs/);
		// The first word: the commands and the files here.
		assert.deepEqual(sorted(complete('qari ')), sorted([...commands, 'article.md']));
		assert.deepEqual(sorted(complete('qari s')), ['save', 'sections']);
		// Options: the command's own, as typed, no `--w`.
		const exportOptions = complete('qari export --');
		for (const option of ['--width', '--section', '--output', '--format', '--no-links', '--order', '--help']) assert.ok(exportOptions.includes(option), option);
		for (const option of ['--w', '--s', '--o', '--bidi', '--json', '--from-start']) assert.ok(!exportOptions.includes(option), option);
		assert.deepEqual(sorted(complete('qari --bi')), ['--bidi']);
		assert.deepEqual(sorted(complete('qari sections --j')), ['--json']);
		// Values: an option's choices; files after the command.
		assert.deepEqual(sorted(complete('qari export --order ')), ['auto', 'logical', 'visual']);
		assert.deepEqual(sorted(complete('qari --bidi t')), ['terminal']);
		assert.deepEqual(complete('qari sections art'), ['article.md']);
		assert.deepEqual(complete('qari export -o art'), ['article.md']);
		assert.deepEqual(complete('qari export --width '), []);
		assert.deepEqual(sorted(complete('qari completion ')), ['bash', 'fish', 'zsh']);
		assert.deepEqual(complete('qari list '), []);
		// `--opt=value`, completed as one word (bash's words here are split at spaces only; readline splits them at '=' too).
		if (shell !== 'bash') {
			assert.deepEqual(complete('qari export --order=l'), ['--order=logical']);
			assert.deepEqual(sorted(complete('qari --bidi=')), ['--bidi=app', '--bidi=auto', '--bidi=terminal']);
		}
	});
}

test('completion: the shell named wins over $SHELL; an unknown shell is a usage error', () => {
	assert.match(scripts.zsh.text, /^#compdef qari\n/);
	assert.match(scripts.fish.text, /^# fish completion/);
	assert.match(scripts.bash.text, /^# bash completion/);
	assert.match(runQari(['completion'], {env: {SHELL: '/usr/bin/fish'}}).stdout, /^# fish completion/);
	const unknown = runQari(['completion', 'tcsh']);
	assert.equal(unknown.status, 2);
	assert.equal(unknown.stderr, "qari: no completion for 'tcsh': the shells are bash, zsh, fish\nsee 'qari --help'\n");
});
