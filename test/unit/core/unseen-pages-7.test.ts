/**
 * A seventh batch of eight whole news pages the engine has never seen (not
 * tuned on), written as a final, honest measurement in styles not used before:
 * the English edition of a Spanish-English bilingual business site (euro
 * conversions, a Spanish glossary line with '5.000 millones', AWS's own
 * €15.7 billion Aragón plan) that prices the new money at "roughly $420
 * billion"; a student newspaper explainer (campus megawatts, tuition, a
 * licence fee) that says Anthropic "brought in $30 billion in revenue last
 * year"; a LinkedIn-style thought-leadership post with emoji-numbered lessons
 * calling AWS Anthropic's "one and only cloud" and Claude Platform on AWS
 * "live as of this week"; a Reddit-style thread digest with a rebutted "$25
 * billion on Monday" and an unrebutted "$38 billion" total next to OpenAI's
 * $38 billion AWS contract; a stock-picking newsletter with a seven-year
 * horizon and "all $25 billion" already funded; a competition regulator's
 * press note on a cloud market study citing the deal correctly (about either
 * way, no wrong claims); an undated "by the numbers" tile page with a 10 GW
 * tile and "$30B+ in annual revenue"; and a translated Japanese wire story of
 * November 2026 reporting later developments (a $610 billion valuation,
 * Claude Platform on AWS generally available) that must not be flagged, since
 * the ledger is as of April 2026. Nine wrong claims in all. Labels in
 * test/fixtures/unseen-7/labels.json are judged from DEAL-FACTS.md, not from
 * engine output; the checks are in unseen-batch.ts.
 */
import { describeUnseenBatch } from './unseen-batch';

describeUnseenBatch('unseen pages, seventh batch', 'test/fixtures/unseen-7');
