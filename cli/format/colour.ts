import type { ActionType, Severity } from '../../lib/plan/vocabulary.js';

/** Wraps text in ANSI styles, or leaves it alone when colour is off. */
export type Paint = {
  bold(text: string): string;
  dim(text: string): string;
  severity(severity: Severity, text: string): string;
  action(type: ActionType, text: string): string;
};

const CODES = {
  bold: 1,
  dim: 2,
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
} as const;
type Style = keyof typeof CODES;

const SEVERITY_STYLE: Record<Severity, Style> = {
  critical: 'red',
  high: 'magenta',
  medium: 'yellow',
  low: 'cyan',
  info: 'dim',
};

const ACTION_STYLE: Record<ActionType, Style> = {
  redeploy: 'green',
  signal: 'blue',
  block: 'red',
  skip: 'dim',
};

/** A painter that colours when `enabled`. */
export function paint(enabled: boolean): Paint {
  const style = (name: Style, text: string) =>
    enabled ? `\u001b[${CODES[name]}m${text}\u001b[0m` : text;
  return {
    bold: (text) => style('bold', text),
    dim: (text) => style('dim', text),
    severity: (severity, text) => style(SEVERITY_STYLE[severity], text),
    action: (type, text) => style(ACTION_STYLE[type], text),
  };
}
