// What the terminal does with right-to-left text, guessed from its
// environment, and the escape sequences the reader sends. Pure: the
// environment comes in as an argument.
//
// Logic:
// 1. A multiplexer (tmux, screen) is what draws qari's cells, whatever
//    terminal is outside it; neither reorders, and neither passes the BiDi
//    mode switch on, so it wins over variables inherited from outside.
// 2. Terminals that reorder but can be switched to explicit mode (VTE,
//    mintty): qari reorders and sends CSI 8 l, so nothing is reordered twice.
// 3. Terminals that always reorder (Konsole, mlterm, Terminal.app) would
//    reorder qari's visual lines a second time and scramble them: there qari
//    hands them logical order and lets them do the work.
// 4. Everything else draws cells left to right: qari reorders.
// 5. The reasons are English; reader/i18n/en.ts holds the same sentences so
//    the help screen can say them in the reader's language (localReason):
//    change both together (test/i18n.test.ts checks every one is recognised).

export type BidiMode = 'app' | 'terminal';

export interface TerminalInfo {
	/** Who reorders right-to-left text: qari ('app') or the terminal. */
	readonly bidi: BidiMode;
	/** One sentence for the help screen: which terminal and why this mode. */
	readonly reason: string;
	/** Whether the terminal obeys the BiDi mode switch (BDSM, CSI 8 h/l). */
	readonly supportsBdsm: boolean;
	/** Whether it draws a bidi mark (RLM, LRE, …) as a blank cell, as mlterm 3.9 does. */
	readonly marksTakeCells?: boolean;
}

export type Env = Readonly<Record<string, string | undefined>>;

const CSI = '\u001B[';

/** Switch to the alternate screen (the shell's screen is kept aside). */
export const ALT_SCREEN_ON = `${CSI}?1049h`;
/** Back to the shell's screen. */
export const ALT_SCREEN_OFF = `${CSI}?1049l`;
export const CURSOR_HIDE = `${CSI}?25l`;
export const CURSOR_SHOW = `${CSI}?25h`;
/** BDSM explicit: the terminal shows cells as given, no reordering. */
export const BDSM_EXPLICIT = `${CSI}8l`;
/** BDSM implicit: the terminal's default, it reorders on its own. */
export const BDSM_IMPLICIT = `${CSI}8h`;
/** SCP: paragraph direction left to right (explicit mode mirrors RTL rows). */
export const SCP_LTR = `${CSI}1 k`;
/** SCP: the terminal's default paragraph direction. */
export const SCP_DEFAULT = `${CSI}0 k`;

/** The signals on which the reader gives the terminal back, with their numbers (the exit status is 128 + n). */
export const EXIT_SIGNALS = {SIGTERM: 15, SIGHUP: 1, SIGINT: 2} as const;
export type ExitSignal = keyof typeof EXIT_SIGNALS;

const app = (reason: string, supportsBdsm = false): TerminalInfo => ({bidi: 'app', reason, supportsBdsm});
const terminal = (reason: string): TerminalInfo => ({bidi: 'terminal', reason, supportsBdsm: false});

const has = (env: Env, name: string): boolean => (env[name] ?? '') !== '';

/** Guesses how the terminal treats right-to-left text from its environment. */
export function detectTerminal(env: Env): TerminalInfo {
	const program = env['TERM_PROGRAM'] ?? '';
	const term = env['TERM'] ?? '';
	if (has(env, 'TMUX') || program === 'tmux')
		return app('tmux draws cells left to right and does not pass the BiDi mode switch on (turn bidi off in the outer terminal if it reorders)');
	if (has(env, 'STY') || term.startsWith('screen')) return app('GNU screen draws cells left to right (turn bidi off in the outer terminal if it reorders)');
	if (program === 'mintty') return app('mintty reorders by itself but obeys CSI 8 l: qari reorders and switches it to explicit mode', true);
	if (program === 'Apple_Terminal') return terminal('Terminal.app always reorders right-to-left text and cannot be switched off');
	if (has(env, 'VTE_VERSION'))
		return app(`VTE ${env['VTE_VERSION'] ?? ''} (GNOME Terminal and friends) obeys CSI 8 l: qari reorders and switches it to explicit mode`, true);
	if (has(env, 'KONSOLE_VERSION')) return terminal('Konsole reorders right-to-left text by itself and ignores CSI 8 l');
	if (has(env, 'MLTERM') || term.startsWith('mlterm')) return {...terminal('mlterm reorders and shapes right-to-left text by itself'), marksTakeCells: true};
	if (has(env, 'KITTY_WINDOW_ID') || term === 'xterm-kitty') return app('kitty draws cells left to right (set force_ltr yes if Arabic words look reversed)');
	if (program === 'WezTerm' || has(env, 'WEZTERM_PANE')) return app('WezTerm draws cells left to right unless bidi_enabled is set');
	if (has(env, 'WT_SESSION')) return app('Windows Terminal draws cells left to right');
	if (has(env, 'ALACRITTY_WINDOW_ID') || has(env, 'ALACRITTY_SOCKET') || has(env, 'ALACRITTY_LOG') || term === 'alacritty')
		return app('Alacritty draws cells left to right');
	if (program === 'ghostty' || term === 'xterm-ghostty') return app('Ghostty draws cells left to right');
	if (program === 'vscode') return app("VS Code's terminal (xterm.js) draws cells left to right");
	if (program === 'iTerm.app' || has(env, 'ITERM_SESSION_ID')) return app('iTerm2 draws cells left to right unless its bidi preference is on');
	if (has(env, 'XTERM_VERSION')) return app('xterm draws cells left to right');
	if (term.startsWith('foot')) return app('foot draws cells left to right');
	return app(`an unknown terminal${term ? ` (TERM=${term})` : ''}: most draw cells left to right`);
}

export interface BidiChoice {
	readonly bidi: BidiMode;
	readonly reason: string;
	/** Send CSI 8 l on start and CSI 8 h on exit. */
	readonly switchBdsm: boolean;
	/** The terminal draws bidi marks as blank cells (TerminalInfo). */
	readonly marksTakeCells?: boolean;
	/** Also report the mouse wheel while the reader runs (--mouse: SGR 1006 mouse mode, as less --mouse). */
	readonly mouse?: boolean;
}

/** The mode to use: the user's `--bidi` if given, else the detected one. */
export function chooseBidi(option: 'auto' | BidiMode, info: TerminalInfo): BidiChoice {
	const cells = info.marksTakeCells ? {marksTakeCells: true} : {};
	if (option === 'auto') return {bidi: info.bidi, reason: info.reason, switchBdsm: info.bidi === 'app' && info.supportsBdsm, ...cells};
	const reason = `--bidi ${option} (detected: ${info.reason})`;
	return {bidi: option, reason, switchBdsm: option === 'app' && info.supportsBdsm, ...cells};
}

/**
 * Paragraph direction autodetection (VTE's private mode 2501, terminal-wg
 * BiDi draft): off by default, and then an implicit-mode VTE lays every row
 * out left to right whatever mark starts it. Terminal mode turns it on while
 * the reader runs; terminals without it ignore an unknown private mode.
 */
export const AUTODETECT_ON = `${CSI}?2501h`;
export const AUTODETECT_OFF = `${CSI}?2501l`;

/** Mouse button events (the wheel among them), reported in SGR form (1006). */
export const MOUSE_ON = `${CSI}?1000h${CSI}?1006h`;
export const MOUSE_OFF = `${CSI}?1006l${CSI}?1000l`;

/** What to write when the reader takes the screen over. */
export function enterSequence(choice: BidiChoice): string {
	const bidi = choice.switchBdsm ? BDSM_EXPLICIT + SCP_LTR : choice.bidi === 'terminal' ? AUTODETECT_ON : '';
	return ALT_SCREEN_ON + CURSOR_HIDE + bidi + (choice.mouse ? MOUSE_ON : '');
}

/** What to write when the reader gives the screen back: the reverse of `enterSequence`. */
export function leaveSequence(choice: BidiChoice): string {
	const bidi = choice.switchBdsm ? SCP_DEFAULT + BDSM_IMPLICIT : choice.bidi === 'terminal' ? AUTODETECT_OFF : '';
	return (choice.mouse ? MOUSE_OFF : '') + bidi + CURSOR_SHOW + ALT_SCREEN_OFF;
}
