/**
 * How this Code.js is deployed. The build (src/tooling/build.mjs) makes both: build/addon/Code.js
 * is the editor add-on, the recommended deployment, whose code no user of a spreadsheet can open;
 * build/Code.js is a script bound to one spreadsheet, the quick trial, whose code every editor of
 * that spreadsheet can change (README "Deploy"). Outside a build (tests, the preview) it is `bound`.
 */
declare const REGIOMONITOR_DEPLOYMENT: string | undefined;

export type Deployment = 'addon' | 'bound';

export const DEPLOYMENT: Deployment = typeof REGIOMONITOR_DEPLOYMENT !== 'undefined' && REGIOMONITOR_DEPLOYMENT === 'addon' ? 'addon' : 'bound';
