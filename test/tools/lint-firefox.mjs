#!/usr/bin/env node
/** Runs addons-linter on the Firefox build and fails on any error or warning. */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const dir = process.argv[2] || 'dist/firefox';
const require = createRequire(import.meta.url);
const bin = require.resolve('addons-linter/bin/addons-linter');
const r = spawnSync(process.execPath, [bin, '--output', 'json', '--boring', dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(`addons-linter gave no JSON report (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  process.exit(1);
}
const { errors, warnings, notices } = report.summary;
for (const m of [...report.errors, ...report.warnings]) console.error(`${m._type}: ${m.code} ${m.file ?? ''} ${m.message}\n  ${m.description ?? ''}`);
console.log(`addons-linter ${dir}: ${errors} errors, ${warnings} warnings, ${notices} notices`);
process.exit(errors || warnings ? 1 : 0);
