/**
 * `npm run understanding:eval [-- --json file] [--failures dev|dev2|…|dev59|training] [--splits training,dev]`: the
 * understanding step measured on the labelled corpus, split by split (the held-out split only
 * with `--json` or when named in `--splits`). Prints per-intent
 * precision and recall, entity accuracy, the confusions, wrong patients and yes/no flips;
 * `--json` also writes them (the committed report is `test/understanding/report.json`).
 * Failures are listed for the dev split only unless asked: the held-out split is a measure,
 * never a to-do list.
 */
import { writeFileSync } from 'node:fs';
import { evaluate, readSplit, SPLITS, type SplitName, type SplitReport } from './evaluate.js';

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
const failuresAt = args.indexOf('--failures');
const failuresOf = (failuresAt >= 0 ? args[failuresAt + 1] : 'dev') as SplitName;

const splitsAt = args.indexOf('--splits');
// The held-out split is measured only when asked for by name or when the report is written,
// so that tuning runs never show it.
const chosen = (splitsAt >= 0 ? (args[splitsAt + 1] ?? '').split(',') : Object.keys(SPLITS).filter((name) => jsonFile !== undefined || name !== 'heldOut')) as SplitName[];

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const reports = {} as Record<SplitName, SplitReport>;

for (const name of chosen) {
  const report = evaluate(readSplit(name));
  reports[name] = report;
  console.log(`\n== ${name}: ${report.utterances} utterances`);
  console.log(
    `intent accuracy ${percent(report.intentAccuracy)} · entity accuracy ${percent(report.entityAccuracy)} · choice accuracy ${percent(report.choiceAccuracy)} · wrong patient ${report.wrongPatient} · yes/no flips ${report.yesNoFlips}`,
  );
  console.log('intent            precision  recall  support');
  for (const [intent, stats] of Object.entries(report.perIntent)) {
    console.log(`${intent.padEnd(16)}  ${percent(stats.precision).padStart(9)}  ${percent(stats.recall).padStart(7)}  ${String(stats.support).padStart(7)}`);
  }
  console.log('entity            accuracy  total');
  for (const [entity, stats] of Object.entries(report.perEntity)) {
    console.log(`${entity.padEnd(16)}  ${percent(stats.correct / stats.total).padStart(8)}  ${String(stats.total).padStart(5)}`);
  }
  if (report.confusions.length) {
    console.log(
      'confusions (expected → got): ' +
        report.confusions
          .slice(0, 12)
          .map((c) => `${c.expected} → ${c.got} ×${c.count}`)
          .join(', '),
    );
  }
  if (name === failuresOf) {
    console.log(`failures (${report.failures.length}):`);
    for (const failure of report.failures)
      console.log(
        `  [${failure.at}]${failure.wrongPatient ? ' WRONG PATIENT' : ''} ${JSON.stringify(failure.text)}\n     expected ${JSON.stringify(failure.expected)}\n     got      ${JSON.stringify(failure.got)}`,
      );
  }
}

if (jsonFile && (Object.keys(SPLITS) as SplitName[]).every((name) => reports[name])) {
  const withoutFailures = (report: SplitReport) => ({ ...report, failures: report.failures.length });
  writeFileSync(
    jsonFile,
    `${JSON.stringify(
      {
        corpusNow: '2026-11-23T08:00:00-05:00',
        ...Object.fromEntries((Object.keys(SPLITS) as SplitName[]).map((name) => [name, withoutFailures(reports[name])])),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nwrote ${jsonFile}`);
}
