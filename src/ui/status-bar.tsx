// Header and footer: rows laid out by chrome.ts, drawn as given.

import React from 'react';
import {Lines} from './lines.js';

export interface StatusBarProps {
	readonly lines: readonly string[];
}

/** The header: the article's title and `section i/N: title` (and a rule). */
export function Header({lines}: StatusBarProps): React.JSX.Element {
	return <Lines lines={lines} />;
}

/** The footer: a rule, then page, percentage, progress bar and hints (or a message). */
export function Footer({lines}: StatusBarProps): React.JSX.Element {
	return <Lines lines={lines} />;
}
