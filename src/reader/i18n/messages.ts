// The reader's chrome in words: the one set of keys every language's
// catalogue (en.ts, ar.ts, fa.ts, he.ts, ur.ts) fills, so a missing message is
// a type error. Numbers reach the functions already in the language's digits
// (index.ts); titles, queries and key names are passed through as they are.

/** The languages of the chrome. */
export type UiLang = 'en' | 'ar' | 'fa' | 'he' | 'ur';

/** The footer's hint words, by the hint's name in keys.ts. */
export type HintName = 'next' | 'section' | 'contents' | 'links' | 'search' | 'help' | 'quit' | 'open' | 'back' | 'more' | 'copy' | 'go' | 'cancel';

/** Why a bidi mode was chosen, by the terminal detected (terminal/detect.ts words it in English; index.ts translates). */
export type ReasonName =
	| 'tmux'
	| 'screen'
	| 'mintty'
	| 'appleTerminal'
	| 'konsole'
	| 'mlterm'
	| 'kitty'
	| 'wezterm'
	| 'windowsTerminal'
	| 'alacritty'
	| 'ghostty'
	| 'vscode'
	| 'iterm'
	| 'xterm'
	| 'foot';

/** What a key does, for the help screen, by the binding's name in keys.ts. */
export type KeyHelpName =
	| 'pageForward'
	| 'pageForwardArrow'
	| 'pageBack'
	| 'pageBackArrow'
	| 'lineDown'
	| 'lineUp'
	| 'halfDown'
	| 'halfUp'
	| 'nextMatch'
	| 'previousMatch'
	| 'nextSection'
	| 'previousSection'
	| 'sectionStart'
	| 'sectionEnd'
	| 'digits'
	| 'goto'
	| 'toc'
	| 'links'
	| 'search'
	| 'clearSearch'
	| 'help'
	| 'suspend'
	| 'quitRemembered'
	| 'previousEntry'
	| 'nextEntry'
	| 'openSection'
	| 'openDigit'
	| 'backToPage'
	| 'suspendShort'
	| 'quit'
	| 'helpNext'
	| 'helpPrevious'
	| 'helpLineDown'
	| 'helpLineUp'
	| 'helpStart'
	| 'helpEnd'
	| 'searchSubmit'
	| 'cancel'
	| 'erase'
	| 'eraseAll'
	| 'previousLink'
	| 'nextLink'
	| 'linkOpen'
	| 'linkCopy'
	| 'go';

export interface Messages {
	/** The chrome is laid out right to left. */
	readonly rtl: boolean;
	/** The ten digits, 0 to 9. */
	readonly digits: string;
	/** `section i/N` in the header. */
	readonly section: (i: string, n: string) => string;
	/** The footer's position: `page p/P · n%`, `(END)` when the article's end is on screen. */
	readonly position: (label: string, page: string, pages: string, percent: string, end: boolean) => string;
	readonly page: string;
	/** The help screen's own pages. */
	readonly help: string;
	readonly contents: string;
	/** A section's reading time in the contents. */
	readonly minutes: (n: string) => string;
	readonly linksTitle: (n: string) => string;
	readonly image: string;
	readonly searchPrompt: string;
	readonly gotoPrompt: string;
	readonly hints: Readonly<Record<HintName, string>>;
	readonly keys: Readonly<Record<KeyHelpName, string>>;
	/** The help screen's headings and notes. */
	readonly modeTitle: string;
	readonly bidiLine: (bidi: string, reason: string) => string;
	readonly bidiApp: string;
	readonly bidiTerminal: string;
	readonly shapingOn: string;
	readonly shapingOff: string;
	readonly readingTitle: string;
	readonly searchNote: string;
	readonly tocTitle: string;
	readonly linksListTitle: string;
	readonly searchPromptTitle: string;
	readonly gotoPromptTitle: string;
	/** The reader's one-line messages (pager.ts words them in English; index.ts translates). */
	readonly quitHint: string;
	readonly noLinks: string;
	readonly noSection: (n: string, count: string) => string;
	readonly gotoUsage: (count: string) => string;
	readonly noMatch: (query: string) => string;
	readonly match: (n: string, total: string, query: string) => string;
	readonly wrappedStart: string;
	readonly wrappedEnd: string;
	/** A link opened, not opened, copied (ui/open-link.ts, ui/run.tsx word them in English). */
	readonly opened: (command: string, href: string) => string;
	readonly notOpened: (href: string) => string;
	readonly copied: (href: string) => string;
	/** The one line shown instead of a frame on a terminal too small for one (screen/geometry.ts), longest first; sizes come as `80×24`. */
	readonly tooSmall: (size: string, need: string) => string;
	readonly tooSmallShort: (size: string) => string;
	readonly tooSmallShortest: string;
	/** The help screen's reason for the bidi mode (terminal/detect.ts, chooseBidi). */
	readonly reasons: Readonly<Record<ReasonName, string>>;
	readonly reasonVte: (version: string) => string;
	/** `term` is `TERM=…` or empty. */
	readonly reasonUnknown: (term: string) => string;
	readonly reasonForced: (option: string, detected: string) => string;
}
