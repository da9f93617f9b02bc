// The machine check: which tools this computer has, with a fix for each problem, per OS.
export { runMachineCheck, DEFAULT_TIMEOUT_MS, PROBES, fixFor, FIX_KEYS, type FixKey } from './check';
export { detectOs, readOsRelease } from './os';
export { formatMachineReport, summarize, type TextStyle } from './format';
export { machineCheckHandlers } from './handlers';
