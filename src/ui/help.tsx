// The help screen, in place of the body (generated from the key table).

import React from 'react';
import {PageView} from './page-view.js';

export interface HelpProps {
	readonly lines: readonly string[];
	readonly height: number;
}

export function Help({lines, height}: HelpProps): React.JSX.Element {
	return <PageView lines={lines} height={height} />;
}
