/**
 * A second, harder batch of ten whole news pages the engine has never seen
 * (not tuned on): a terse live blog, a story with a correction notice, a
 * fact-check quoting wrong claims, an analyst note with one wrong table cell,
 * non-native English, a Q&A with wrong-premise questions, a different deal
 * with look-alike numbers, a December 2025 report of talks, a newsletter full
 * of wrong claims, and a sports story (Amazon, a coach named Claude, $5 billion,
 * five years). Labels in test/fixtures/unseen-2/labels.json are judged from
 * DEAL-FACTS.md, not from engine output; the checks are in unseen-batch.ts.
 */
import { describeUnseenBatch } from './unseen-batch';

describeUnseenBatch('unseen pages, second batch', 'test/fixtures/unseen-2');
