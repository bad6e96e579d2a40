#!/usr/bin/env node
// nlp.js (node-nlp 4.27.0) on the ChatOps NLU data: same training lines, same cross-validation
// folds for the out-of-scope threshold, scored on the held-apart test split the way
// `chatops eval --json` scores our model. Prints one JSON object with the same field names
// (plus trainSeconds and a few extras) on standard output; progress goes to standard error.
//
// usage: node compare.js --train train.jsonl --test test.jsonl --catalog catalog.yaml
//   train.jsonl: `chatops data export --format jsonl --folds 5 --seed 42` (lines carry "fold")
//   test.jsonl:  `chatops data export --format jsonl --data training-data/test`
'use strict';

const fs = require('fs');
const path = require('path');

// nlp.js prints a few notices with console.log (e.g. "Compiling dictionary" when the Chinese
// tokenizer loads): keep standard output for the result alone.
const writeResult = (text) => process.stdout.write(`${text}\n`);
console.log = (...args) => console.error(...args);
console.info = (...args) => console.error(...args);
console.warn = (...args) => console.error(...args);

const { NlpManager } = require('node-nlp');
const yaml = require('js-yaml');

const OUT_OF_SCOPE = 'out_of_scope';
const MAX_FALSE_REJECTION = 0.02;
const LANGUAGES = ['en', 'zh'];
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const INTEGER_ENTITIES = new Set(['replicas', 'lines', 'since', 'pipeline_id']);
// Ties between entities on the same span go to the earlier name in this list.
const ENTITY_PRIORITY = ['service', 'environment', 'pod', 'project', 'ref', 'workflow', 'namespace', 'pipeline_id', 'replicas', 'lines', 'since'];

// ---------------------------------------------------------------------------------------------
// Regex entities for what the catalog does not cover. Written from the shapes in the training
// data (never from the test split); digits only: spelled-out numbers ("five", "五十") are not
// extracted and count as misses.
const REGEX_ENTITIES = {
  ref: [
    /(?<![\w/.-])(?:v\d+(?:\.\d+)+(?:-[0-9a-z]+(?:\.[0-9a-z]+)*)?|(?:feature|hotfix|release|bugfix|fix)\/[\w.-]*\w|main|master|develop|(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,40})(?![\w/-])/gi,
  ],
  pod: [/(?<![\w-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*-[a-z0-9]{8,10}-[a-z0-9]{5}(?![\w-])/gi],
  project: [
    /(?<![\w/.-])(?!(?:feature|hotfix|release|bugfix|fix|deploy|deployment|deployments|sts|statefulset|pod|pods|svc|service)\/)[a-z][\w-]*\/[a-z][\w.-]*\w(?![\w/-])/gi,
  ],
  pipeline_id: [
    /#\d+(?!\w)/g,
    /(?<![\w.#=/-])\d{4,}(?![\w.])(?!\s*(?:lines?|行|条|replicas?|个|副本|实例|pods?))/gi,
  ],
  lines: [
    /(?<![\w.])\d+(?=\s*(?:log\s+)?(?:lines?|行|条))/gi,
    /(?<=\btail(?:\s+-n)?[\s=]+|--tail[\s=]+)\d+(?![\w.])/gi,
  ],
  replicas: [
    /(?<![\w.])\d+(?=\s*(?:replicas?|pods?|copies|instances?|个|副本|实例))/gi,
    /(?<=\b(?:to|replicas\s*[=→:]?)\s*|→\s*|(?:扩到|缩到|扩容到|缩容到|调到|调成|改成|缩成|扩成)\s*)\d{1,3}(?![\w.])/gi,
  ],
  namespace: [
    /(?<=\b(?:namespace|ns)\s+|(?:^|\s)-n\s+)(?!(?:in|on|at|to|for|from|of|the|and|with)\b)[a-z][a-z0-9-]*(?![\w-])/gi,
    /(?<![\w-])[a-z][a-z0-9-]*(?=\s*(?:namespace\b|命名空间)|\s+ns\b)/gi,
  ],
  workflow: [
    /(?<=\b(?:workflow|zadig)\s+|工作流\s*)[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\w-])/gi,
    /(?<![\w-])[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?=\s*(?:workflow\b|工作流|流水线))/gi,
  ],
};

function parseArgs(argv) {
  const args = {};
  for (let i = 2; i < argv.length; i += 1) {
    const key = argv[i];
    if (!key.startsWith('--')) throw new Error(`unexpected argument ${key}`);
    args[key.slice(2)] = argv[i + 1];
    i += 1;
  }
  for (const required of ['train', 'test', 'catalog']) {
    if (!args[required]) throw new Error(`missing --${required}`);
  }
  return args;
}

function readJsonl(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line);
      } catch (e) {
        throw new Error(`${file}:${i + 1}: ${e.message}`);
      }
    });
}

function loadCatalog(file) {
  const doc = yaml.load(fs.readFileSync(file, 'utf8')) || {};
  const section = (name) =>
    (doc[name] || []).map((item) => ({ name: String(item.name), aliases: (item.aliases || []).map(String) }));
  const catalog = { services: section('services'), environments: section('environments') };
  const lookup = (items) => {
    const map = new Map();
    for (const item of items) {
      for (const text of [item.name, ...item.aliases]) map.set(text.toLowerCase(), item.name);
    }
    return map;
  };
  catalog.serviceByText = lookup(catalog.services);
  catalog.environmentByText = lookup(catalog.environments);
  return catalog;
}

const languageOf = (text) => (CJK.test(text) ? 'zh' : 'en');

// ---------------------------------------------------------------------------------------------
// Gold entities, normalised like the contract: canonical service/environment names, integers for
// counts and seconds, the rest as written. Services are a set.
function goldEntities(row, catalog) {
  const result = {};
  for (const e of row.entities || []) {
    const text = row.text.slice(e.start, e.end);
    let value = e.value !== undefined && e.value !== null ? String(e.value) : text;
    if (e.entity === 'service' && e.value === undefined) value = catalog.serviceByText.get(text.toLowerCase()) || text;
    if (e.entity === 'environment' && e.value === undefined) value = catalog.environmentByText.get(text.toLowerCase()) || text;
    if (INTEGER_ENTITIES.has(e.entity)) value = Number.parseInt(value.replace(/^#/, ''), 10);
    if (e.entity === 'service') (result.service = result.service || new Set()).add(value);
    else result[e.entity] = value;
  }
  return result;
}

function entityKey(entities) {
  return Object.keys(entities)
    .sort()
    .map((k) => `${k}=${entities[k] instanceof Set ? [...entities[k]].sort().join(',') : entities[k]}`)
    .join('; ');
}

// ISO-8601 duration (PT15M, P1D, PT0.5H, P1W) to seconds.
function isoDurationSeconds(timex) {
  const m = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(timex);
  if (!m || m[0] === 'P' || m[0] === 'PT') return undefined;
  const [w, d, h, min, s] = m.slice(1).map((x) => (x ? Number(x) : 0));
  return Math.round(w * 604800 + d * 86400 + h * 3600 + min * 60 + s);
}

// The built-in (Microsoft Recognizers) time entities that denote a look-back window.
function sinceSeconds(entity) {
  const r = entity.resolution || {};
  if (entity.entity === 'duration') {
    const v = r.values && r.values[0];
    if (v && v.value !== undefined) return Math.round(Number(v.value));
    return v && v.timex ? isoDurationSeconds(v.timex) : undefined;
  }
  if ((entity.entity === 'datetimerange' || entity.entity === 'daterange') && typeof r.timex === 'string') {
    const m = /,(P[^,)]+)\)$/.exec(r.timex); // "(start,end,PT2H)"
    return m ? isoDurationSeconds(m[1]) : undefined;
  }
  return undefined;
}

// nlp.js entities → contract entities.
function predictedEntities(output) {
  const candidates = [];
  for (const e of output.entities || []) {
    const text = e.utteranceText !== undefined ? e.utteranceText : e.sourceText;
    let name = e.entity;
    let value;
    if (name === 'service' || name === 'environment') value = e.option;
    else if (name === 'duration' || name === 'datetimerange' || name === 'daterange') {
      value = sinceSeconds(e);
      name = 'since';
    } else if (name === 'pipeline_id' || name === 'replicas' || name === 'lines') {
      value = Number.parseInt(String(text).replace(/^#/, ''), 10);
    } else if (ENTITY_PRIORITY.includes(name)) value = text;
    if (value === undefined || value === null || Number.isNaN(value)) continue;
    candidates.push({ name, value, start: e.start, end: e.end, len: e.end - e.start + 1 });
  }
  // Longest span wins an overlap ("devops-uat" is a workflow, not the environment uat inside it).
  candidates.sort((a, b) => b.len - a.len || ENTITY_PRIORITY.indexOf(a.name) - ENTITY_PRIORITY.indexOf(b.name) || a.start - b.start);
  const kept = [];
  for (const c of candidates) {
    if (!kept.some((k) => c.start <= k.end && c.end >= k.start)) kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  const result = {};
  for (const k of kept) {
    if (k.name === 'service') (result.service = result.service || new Set()).add(k.value);
    else result[k.name] = k.value; // one value per entity: the last one named ("from staging to prod")
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
async function train(rows, catalog) {
  const manager = new NlpManager({
    languages: LANGUAGES,
    autoSave: false,
    nlu: { log: false },
    forceNER: true, // without it (or slots) nlp.js 4 returns no entities at all
    threshold: 0, // nlp.js's own 0.5 cut-off off: the out-of-scope threshold is tuned below
    calculateSentiment: false, // not part of the contract; only adds latency
  });
  for (const s of catalog.services) manager.addNamedEntityText('service', s.name, LANGUAGES, [s.name, ...s.aliases]);
  for (const e of catalog.environments) manager.addNamedEntityText('environment', e.name, LANGUAGES, [e.name, ...e.aliases]);
  // Workflow names seen in the training lines, as a gazetteer (nlp.js's usual way to learn entities).
  const workflows = new Set();
  for (const row of rows) {
    for (const e of row.entities || []) {
      if (e.entity === 'workflow') workflows.add(row.text.slice(e.start, e.end).toLowerCase());
    }
  }
  for (const w of workflows) manager.addNamedEntityText('workflow', w, LANGUAGES, [w]);
  for (const [entity, regexes] of Object.entries(REGEX_ENTITIES)) {
    for (const regex of regexes) manager.addRegexEntity(entity, LANGUAGES, regex);
  }
  for (const row of rows) manager.addDocument(languageOf(row.text), row.text, row.intent);
  const start = process.hrtime.bigint();
  await manager.train();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { manager, seconds };
}

async function classify(manager, text) {
  const output = await manager.process(languageOf(text), text);
  return { intent: output.intent, score: output.score, output };
}

const decide = (intent, score, threshold) =>
  intent === 'None' || intent === OUT_OF_SCOPE || score < threshold ? OUT_OF_SCOPE : intent;

async function parse(manager, text, threshold) {
  const { intent, score, output } = await classify(manager, text);
  return { intent: decide(intent, score, threshold), entities: predictedEntities(output) };
}

function chooseThreshold(predictions) {
  const inScope = predictions.filter((p) => p.gold !== OUT_OF_SCOPE).length;
  let best = { threshold: 0, accuracy: -1, falseRejection: undefined };
  for (let t = 0; t <= 95; t += 1) {
    const threshold = t / 100;
    let correct = 0;
    let rejected = 0;
    for (const p of predictions) {
      const intent = decide(p.intent, p.score, threshold);
      if (intent === p.gold) correct += 1;
      if (p.gold !== OUT_OF_SCOPE && intent === OUT_OF_SCOPE) rejected += 1;
    }
    const accuracy = correct / predictions.length;
    const falseRejection = inScope ? rejected / inScope : 0;
    if (falseRejection > MAX_FALSE_REJECTION) continue;
    if (accuracy > best.accuracy) best = { threshold, accuracy, falseRejection };
  }
  if (best.accuracy < 0) {
    // Nothing meets the 2% cap (as in the ML.NET trainer, the threshold then stays at 0.00).
    const atZero = predictions.map((p) => ({ gold: p.gold, intent: decide(p.intent, p.score, 0) }));
    best = {
      threshold: 0,
      accuracy: atZero.filter((p) => p.gold === p.intent).length / atZero.length,
      falseRejection: inScope ? atZero.filter((p) => p.gold !== OUT_OF_SCOPE && p.intent === OUT_OF_SCOPE).length / inScope : 0,
      noneQualified: true,
    };
  }
  return best;
}

function macroF1(pairs) {
  const labels = new Set(pairs.map((p) => p.gold));
  let sum = 0;
  for (const label of labels) {
    const support = pairs.filter((p) => p.gold === label).length;
    const predicted = pairs.filter((p) => p.predicted === label).length;
    const correct = pairs.filter((p) => p.gold === label && p.predicted === label).length;
    const precision = predicted === 0 ? (support === 0 ? 1 : 0) : correct / predicted;
    const recall = support === 0 ? 1 : correct / support;
    sum += precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  return labels.size ? sum / labels.size : 0;
}

async function main() {
  const args = parseArgs(process.argv);
  const catalog = loadCatalog(args.catalog);
  const trainRows = readJsonl(args.train);
  const testRows = readJsonl(args.test);
  if (!trainRows.length || !testRows.length) throw new Error('empty training or test data');
  if (trainRows.some((r) => typeof r.fold !== 'number')) throw new Error(`${args.train}: every line needs a "fold" (export with --folds)`);
  const folds = [...new Set(trainRows.map((r) => r.fold))].sort((a, b) => a - b);
  const wall = process.hrtime.bigint();

  // 1. Out-of-scope threshold on the same folds as the ML.NET trainer.
  const predictions = [];
  for (const fold of folds) {
    const { manager, seconds } = await train(trainRows.filter((r) => r.fold !== fold), catalog);
    const heldOut = trainRows.filter((r) => r.fold === fold);
    for (const row of heldOut) {
      const { intent, score } = await classify(manager, row.text);
      predictions.push({ gold: row.intent, intent, score });
    }
    console.error(`nlp.js: fold ${fold}: trained in ${seconds.toFixed(1)} s, scored ${heldOut.length} held-out lines`);
  }
  const chosen = chooseThreshold(predictions);
  console.error(
    `nlp.js: out-of-scope threshold ${chosen.threshold.toFixed(2)} (CV accuracy ${chosen.accuracy.toFixed(4)}, ` +
      `CV in-scope false rejection ${(100 * chosen.falseRejection).toFixed(1)}%` +
      `${chosen.noneQualified ? '; no threshold keeps it at or under 2%, so 0.00 as in the ML.NET trainer' : ''})`
  );

  // 2. Final model on all training data.
  const { manager, seconds: trainSeconds } = await train(trainRows, catalog);
  const cvAndTrainSeconds = Number(process.hrtime.bigint() - wall) / 1e9;
  console.error(`nlp.js: final model on ${trainRows.length} lines in ${trainSeconds.toFixed(1)} s`);

  // 3. Test split, scored like `chatops eval`.
  const pairs = [];
  const misses = [];
  let inScope = 0;
  let exact = 0;
  let oosGold = 0;
  let oosCaught = 0;
  let oosPredicted = 0;
  let falseRejections = 0;
  const zh = { lines: 0, correct: 0, inScope: 0, exact: 0 };
  for (const row of testRows) {
    const result = await parse(manager, row.text, chosen.threshold);
    pairs.push({ gold: row.intent, predicted: result.intent });
    const gold = entityKey(goldEntities(row, catalog));
    const got = entityKey(result.entities);
    const isOos = row.intent === OUT_OF_SCOPE;
    if (isOos) oosGold += 1;
    if (result.intent === OUT_OF_SCOPE) oosPredicted += 1;
    if (isOos && result.intent === OUT_OF_SCOPE) oosCaught += 1;
    if (!isOos) {
      inScope += 1;
      if (gold === got) exact += 1;
      if (result.intent === OUT_OF_SCOPE) falseRejections += 1;
    }
    if (languageOf(row.text) === 'zh') {
      zh.lines += 1;
      if (result.intent === row.intent) zh.correct += 1;
      if (!isOos) {
        zh.inScope += 1;
        if (gold === got) zh.exact += 1;
      }
    }
    if (row.intent !== result.intent || (!isOos && gold !== got)) {
      misses.push({ text: row.text, gold: row.intent, got: result.intent, goldEntities: gold, gotEntities: got });
    }
  }

  // 4. Warm latency: every test line 11 times, the first round discarded.
  const latencies = [];
  for (let round = 0; round < 11; round += 1) {
    for (const row of testRows) {
      const start = process.hrtime.bigint();
      await parse(manager, row.text, chosen.threshold);
      if (round > 0) latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  latencies.sort((a, b) => a - b);

  if (args.misses) fs.writeFileSync(path.resolve(args.misses), misses.map((m) => JSON.stringify(m)).join('\n') + '\n');
  const round4 = (x) => Math.round(x * 10000) / 10000;
  writeResult(
    JSON.stringify({
      lines: testRows.length,
      accuracy: pairs.filter((p) => p.gold === p.predicted).length / pairs.length,
      macroF1: macroF1(pairs),
      outOfScopeRecall: oosGold === 0 ? 1 : oosCaught / oosGold,
      outOfScopePrecision: oosPredicted === 0 ? 1 : oosCaught / oosPredicted,
      inScopeFalseRejection: inScope === 0 ? 0 : falseRejections / inScope,
      entityExactMatch: inScope === 0 ? 1 : exact / inScope,
      parseP50Ms: round4(latencies[Math.floor(latencies.length / 2)]),
      parseP99Ms: round4(latencies[Math.floor(latencies.length * 0.99)]),
      trainSeconds: round4(trainSeconds),
      cvAndTrainSeconds: round4(cvAndTrainSeconds),
      threshold: chosen.threshold,
      cvAccuracy: chosen.accuracy,
      cvFalseRejection: chosen.falseRejection,
      thresholdCapMet: !chosen.noneQualified,
      chinese: {
        lines: zh.lines,
        accuracy: zh.lines ? zh.correct / zh.lines : null,
        entityExactMatch: zh.inScope ? zh.exact / zh.inScope : null,
      },
      english: {
        lines: testRows.length - zh.lines,
        accuracy:
          testRows.length - zh.lines
            ? (pairs.filter((p) => p.gold === p.predicted).length - zh.correct) / (testRows.length - zh.lines)
            : null,
        entityExactMatch: inScope - zh.inScope ? (exact - zh.exact) / (inScope - zh.inScope) : null,
      },
      misses: misses.length,
      nodeVersion: process.version,
    })
  );
}

main().catch((error) => {
  console.error(`compare.js: ${error && error.stack ? error.stack : error}`);
  process.exit(1);
});
