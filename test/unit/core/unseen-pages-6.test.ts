/**
 * A sixth batch of eight whole news pages the engine has never seen (not tuned
 * on), built to find false alarms: each page is packed with true, hedged,
 * conditional, negated or other-company statements that share the deal's
 * numbers and vocabulary, plus eight wrong claims in fresh wording (one or two
 * on seven pages) so that recall is measured too. The styles: a podcast
 * episode page (chapters, a speaker-labelled transcript with bare-word numbers
 * such as "the other twenty" and "thirty-three", a sponsor read), where the
 * guest says Claude runs on Amazon hardware "and nowhere else"; an energy
 * trade journal reading the deal as grid load next to Amazon's own power book
 * (1.92 GW from Talen through 2042, 5 GW of small reactors by 2039, $20B in
 * Pennsylvania, a 15-year Ohio lease), whose own slip is a 5 GW "floor"; an
 * Indian business daily with rupee crore conversions, Amazon's and
 * Microsoft's $5 billion in one sentence, AWS's India plan, revenue and capex,
 * and a sidebar's "$25 bn, paid in full at signing"; a brokerage's
 * bull/base/bear explainer ("a bear case of $300 billion", "the $380bn
 * post-money mark") that calls the AWS pledge an assured payback; a Seattle
 * paper's question headline with a correction box, older-stage facts,
 * negations and denied rumours, and one wrong $50 billion spending pledge; an
 * AWS outage report mentioning Claude on Bedrock and Amazon's stake that is
 * not about the deal (no annotations); a 14-entry interactive timeline of
 * dated older facts and rival deals whose run-rate baseline is misdated to
 * April 2025; and a developer newsletter with Bedrock's own numbers, a
 * "Claude 3 is an older generation" tip, a $33 billion "sunk" total and
 * Claude Platform on AWS "GA on Tuesday". Labels in
 * test/fixtures/unseen-6/labels.json are judged from DEAL-FACTS.md, not from
 * engine output; the checks are in unseen-batch.ts.
 */
import { describeUnseenBatch } from './unseen-batch';

describeUnseenBatch('unseen pages, sixth batch', 'test/fixtures/unseen-6');
