/**
 * Sentences written for this test in wire-service style, unlike the seeds:
 * true statements must never be flagged, wrong ones should be.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/core/engine';
import { loadDefaultDataset } from '../../../src/node/load-dataset';

const engine = createEngine(loadDefaultDataset());
const INTRO = 'Amazon will invest billions more in Anthropic, the maker of the Claude chatbot, under an expanded cloud and chip agreement announced on Monday.';

function judge(sentence: string, published = '2026-04-22') {
  const r = engine.analyze({ blocks: [INTRO, sentence], title: 'Amazon deepens Anthropic investment', published });
  expect(r.about, r.reason).toBe(true);
  return r.annotations.filter((a) => a.block === 1).map((a) => ({ kind: a.kind, id: a.entryId, text: sentence.slice(a.start, a.end) }));
}

const TRUE = [
  'Amazon said it will invest $5 billion in Anthropic immediately, with as much as $20 billion more to follow if certain commercial milestones are met.',
  'Anthropic, in turn, agreed to spend more than $100 billion on AWS over the next 10 years.',
  'The deal gives Anthropic access to up to five gigawatts of computing capacity.',
  'The investment values Anthropic at $380 billion, the same as its February funding round.',
  "Anthropic's annualized revenue run rate has surpassed $30 billion, up from about $9 billion at the end of last year.",
  'Amazon has previously invested $8 billion in the startup.',
  'Microsoft and Nvidia committed up to $5 billion and $10 billion respectively to Anthropic in November.',
  'Google has agreed to supply Anthropic with up to one million TPUs worth tens of billions of dollars.',
  'OpenAI agreed in February to expand its $38 billion AWS contract by $100 billion over eight years.',
  'Anthropic was valued at $183 billion in September after a $13 billion round.',
  'Amazon first invested $4 billion in Anthropic in 2023 and another $4 billion in 2024.',
  'Nearly 1 gigawatt of Trainium2 and Trainium3 capacity is expected to come online by the end of 2026.',
  'Claude Platform on AWS, which is coming soon, will let customers use their existing AWS accounts.',
  'The company also runs Claude on Google Cloud and Microsoft Azure.',
  'Amazon shares rose 3% to $215 in early trading on the news.',
  'Analysts said the $25 billion headline figure is a ceiling rather than cash in hand.',
  'Amazon pays $5 billion at signing and up to $20 billion more as milestones are met.',
  'Amazon has committed $13 billion so far; $33 billion is the most it would have invested if every milestone is met.',
  'If every milestone is met, Amazon will have invested $33 billion in Anthropic.',
  'In exchange, Amazon tops up its investment in Anthropic with $5 billion in fresh capital, which changes hands now.',
  'Amazon has invested $5 billion so far of a possible $25 billion.',
];

/** True or not a claim about the deal, without a figure of the deal to recognise: only "no conflict" is asked. */
const NOT_FLAGGED = [
  "Anthropic's revenue last year was a fraction of its current $30 billion run rate.",
  'Amazon booked $30 billion in AWS revenue in the quarter, more than its revenue last year from advertising.',
  "Nothing in the agreement makes AWS Anthropic's only cloud.",
  'Amazon has said it wants more than 5 GW of small modular reactor capacity online by 2039.',
  // OpenAI named: its eight years are its own
  "OpenAI's spending pledge with AWS runs for eight years.",
  // March 2024's $2.75 billion, a pension fund's own stake, AWS's own data centres, an investor round
  'In March 2024 Amazon invested a further $2.75 billion in Anthropic.',
  'A pension plan invested US$300-million (C$414-million) in Anthropic’s Series G funding round.',
  'AWS has separately committed to invest $12.7 billion in cloud infrastructure in India by 2030.',
  // a panellist's words, early reports the same sentence rejects
  'The second panellist called the tranche a nine-figure bet.',
  'Some early reports gave a valuation of $350 billion; that figure conflicts with the Series G record.',
  // another start-up's growth; a question put indirectly
  'The startup in the roundup says its revenue tripled in twelve months.',
  'Several customers have asked whether they can now buy the full Claude Platform directly.',
  // headlines a column rejects, counterfactuals, a product "if it were" available
  'Any headline that tells you Amazon has handed over $25bn has deleted the most important part.',
  'Had the pledge been smaller, say $50 billion over the same ten years, AWS would earn less.',
  'If the full Claude Platform on AWS were already generally available, the pull toward AWS would be stronger.',
  // another company named before the claim, or right after it, owns the figure
  'AWS booked $30 billion in revenue last year.',
  'Revenue last year at AWS was $30 billion.',
  // no cue: a sole-value figure is read as the deal's only when both parties are named, and not as another story's
  'Amazon and Anthropic said nothing about the 5 GW of solar farms.',
  // another currency written before the number is not dollars
  'AWS plans an investment of EUR 7.8bn in its sovereign cloud by 2040.',
  // a quiz puts statements and choices; it claims nothing
  'True or false: AWS customers can already use the full Claude Platform.',
  'B. $25 billion',
  // Anthropic's spending on AWS, stated the right way round
  'Anthropic will spend more than $100 billion on AWS, and Amazon invests $5 billion in Anthropic.',
  // how long they have worked together is not the pledge's term
  'Six months after Amazon and Anthropic signed the largest agreement in their three-year relationship, capacity began to arrive.',
  // "could reach" keeps a ceiling a ceiling
  "Amazon's total investment in Anthropic could reach $33 billion.",
];

const WRONG: [string, string][] = [
  ['Amazon will pour $25 billion into Anthropic upfront.', '$25 billion'],
  ['Anthropic committed to spend $100 billion on AWS over five years.', 'five years'],
  ['The agreement secures 3 GW of capacity for Anthropic.', '3 GW'],
  ['The deal values Anthropic at $350 billion.', '$350 billion'],
  ["Anthropic's annual revenue hit $30 billion this year.", 'annual revenue'],
  ["Anthropic's 2025 revenue topped $30 billion, a record for a start-up.", '2025 revenue'],
  ['Claude Platform on AWS went GA on Tuesday for every AWS customer.', 'went GA'],
  ['Amazon has now sunk $33 billion into Anthropic.', '$33 billion'],
  ["Amazon's total commitment to Anthropic now comes to $33 billion.", '$33 billion'],
  ['Every Claude model is trained and served on Amazon hardware and nowhere else.', 'nowhere else'],
  ["Amazon's outlay this year: $25 billion, paid in full at signing.", '$25 billion'],
  ["Last year's revenue of $30bn makes Anthropic one of the fastest-growing companies ever.", "Last year's revenue"],
  ['The full Claude Platform is available now to AWS customers.', 'available now'],
  ['Anthropic will now run exclusively on AWS for the next decade.', 'exclusively on AWS'],
  ["Amazon's total investment in Anthropic now exceeds $33 billion.", '$33 billion'],
  // a company named in a later clause does not own the figure
  ['Anthropic brought in $30 billion in revenue last year, which is why Amazon wants a bigger piece of it.', 'in revenue last year'],
  // no cue word, but both parties named and 5 GW is only the deal's figure
  ['Amazon is obliged to hand Anthropic no less than five gigawatts.', 'no less than five gigawatts'],
  // the whole $25 billion stated as money already in
  ['Amazon has already invested the full $25 billion.', '$25 billion'],
  ['AMZN has already wired the full $25B to the Claude maker.', '$25B'],
  ['Amazon wired Anthropic $25 billion this week, in one go.', '$25 billion'],
  ['Amazon will transfer $10 billion at closing, the companies said.', '$10 billion'],
  ['Claude Platform on AWS: live now for every AWS customer, on the same account and bill.', 'live now'],
  ['The witness said Anthropic has agreed to run everything on Amazon for the next decade.', 'run everything on Amazon'],
  // a record that is itself a condition: "if … milestones" restates it rather than hedging the figure
  ['Amazon put in $5 billion, with up to $25 billion more to come if Anthropic hit its milestones.', '$25 billion'],
  ['Anthropic now has a $30B+ run-rate, up from $9B this time last year.', 'from $9B this time last year'],
  ['With the deal Amazon has locked in four dollars back for every dollar it puts in Anthropic.', 'four dollars back'],
  ['Our team says we already have the complete Claude Platform running inside our AWS account.', 'already have the complete'],
  ['In November 2024 Amazon added a further $6 billion, and AWS became Anthropic’s primary training partner.', '$6 billion'],
  ['The agreement covers Trainium chips only; Amazon’s Graviton processors are not part of it.', 'Trainium chips only'],
  ['Subtract the committed $13bn from the $33bn ceiling and the two companies are left with $22bn that depends on milestones.', '$22bn'],
  ['The transaction values the San Francisco group at about $410bn.', '$410bn'],
  ['For Anthropic, the full Claude Platform is already switched on inside AWS accounts.', 'already switched on'],
  ['For Anthropic, the compute covers Trainium1 through Trainium3.', 'Trainium1 through'],
  // an interview's answer is a claim, not a quiz's lettered choice
  ['A: Amazon will invest $25 billion up front.', '$25 billion'],
  ['The total investment of Amazon in Anthropic has reached US$33 billion.', 'US$33 billion'],
  ['Claude will be trained and served on AWS alone from now on, Anthropic said.', 'AWS alone'],
  ['From this week, AWS customers can use the complete Claude Platform.', 'From this week'],
  ['Amazon has agreed to buy more than $100 billion of Anthropic’s services over the decade.', 'Anthropic’s services'],
  // eight years is OpenAI's term, but OpenAI is not named here: the cue decides
  ["Anthropic's spending pledge with AWS runs for eight years.", 'eight years'],
  ['The new money brings Amazon’s total investment in the company to $33 billion.', '$33 billion'],
  // the spending pledge turned into Amazon money going into Anthropic
  ['Amazon has pledged to pour more than $100 billion into Anthropic.', 'into Anthropic'],
  ['The agreement covers Trainium2 through Trainium5 chips.', 'Trainium5'],
  ['Anthropic can keep training its Claude 3 chatbots on Trainium.', 'Claude 3 chatbots'],
  ["Analysts call the AI lab's new deal proof that the Seattle company is now its sole cloud provider.", 'sole cloud provider'],
];

describe('unseen wording: true statements', () => {
  it.each(TRUE)('no conflict in: %s', (s) => {
    expect(judge(s).filter((a) => a.kind === 'conflict')).toEqual([]);
  });
  it.each(NOT_FLAGGED)('no conflict in: %s', (s) => {
    expect(judge(s).filter((a) => a.kind === 'conflict')).toEqual([]);
  });
  it('recognises most true figures as facts or caveats', () => {
    const marked = TRUE.filter((s) => judge(s).some((a) => a.kind === 'fact' || a.kind === 'caveat'));
    expect(marked.length / TRUE.length).toBeGreaterThanOrEqual(0.75);
  });
});

describe('unseen wording: wrong claims', () => {
  it.each(WRONG)('flags: %s', (s, text) => {
    const got = judge(s);
    expect(got.find((a) => a.kind === 'conflict' && (a.text.includes(text) || text.includes(a.text))), JSON.stringify(got)).toBeDefined();
  });
});

describe('unseen wording: whose figure, and claims the page itself rejects', () => {
  const conflicts = (blocks: string[], title = 'Amazon deepens Anthropic investment') =>
    engine.analyze({ blocks, title, published: '2026-04-22' }).annotations.filter((a) => a.kind === 'conflict').map((a) => blocks[a.block]!.slice(a.start, a.end));
  const DEAL = [INTRO, 'Amazon will invest $5 billion now and up to $20 billion more in Anthropic; the startup will spend more than $100 billion on AWS over ten years.'];
  it('leaves alone another Amazon story further down the page (its capacity, its contracts, its investments)', () => {
    expect(
      conflicts([
        ...DEAL,
        'Amazon bets on wind power in Europe',
        'Amazon has signed power purchase agreements for 2.4 gigawatts of new wind capacity, including a 20-year agreement with a Spanish utility.',
        'Amazon to invest $10 billion in North Carolina data centres',
      ]),
    ).toEqual([]);
  });
  it('still flags a sentence naming Amazon alone right after Anthropic was named', () => {
    expect(conflicts([...DEAL, 'Amazon will hand over $25 billion up front.'])).toEqual(['$25 billion']);
  });
  it('does not flag a figure the next sentence calls stale, or one said to be making the rounds', () => {
    expect(conflicts([...DEAL, "Some put Anthropic's valuation at $350 billion. That number is stale: the February round set it at $380 billion."])).toEqual([]);
    expect(conflicts([...DEAL, "A figure making the rounds puts Anthropic's valuation at $350 billion."])).toEqual([]);
    expect(conflicts([...DEAL, "The deal puts Anthropic's valuation at $350 billion."])).toEqual(['$350 billion']);
  });
  it('reads a headline that names no company as no evidence either way', () => {
    const body = ['Amazon will invest $5 billion in Anthropic now, the companies said.', 'Anthropic also released a new model this week.'];
    const neutral = engine.analyze({ blocks: body, title: 'The gigawatt bargain: inside the pact', published: '2026-04-22' });
    const other = engine.analyze({ blocks: body, title: 'Anthropic ships a new model', published: '2026-04-22' });
    expect(neutral.score).toBe(other.score);
    expect(neutral.score).toBeLessThan(12);
    expect([neutral.about, other.about]).toEqual([true, false]);
  });
  it('reads "the startup" and "the Seattle company" as the deal\'s parties for a claim, never for whose figure it is', () => {
    expect(conflicts([...DEAL, 'The deal values the startup at $350 billion.'])).toEqual(['$350 billion']);
    expect(conflicts([...DEAL, 'OpenAI raised money last month. The startup is now valued at $500 billion.'])).toEqual([]);
    // a description alone does not make a page about the deal
    expect(engine.analyze({ blocks: ['The Seattle company will invest $5 billion in the startup now.'], title: 'The gigawatt bargain', published: '2026-04-22' }).about).toBe(false);
  });
  it('does not call a later page wrong on a record that moves (a valuation, a launch); contract terms still hold', () => {
    const later = (sentence: string, published?: string) =>
      engine.analyze({ blocks: [...DEAL, sentence], title: 'Amazon and Anthropic, seven months on', ...(published ? { published } : {}) }, { today: '2026-11-20' }).annotations
        .filter((a) => a.kind === 'conflict' && a.block === DEAL.length)
        .map((a) => sentence.slice(a.start, a.end));
    const valuation = 'Anthropic is now valued at $550 billion after its October round.';
    const launch = 'Claude Platform on AWS is now generally available.';
    expect(later(valuation, '2026-11-20')).toEqual([]);
    expect(later(launch, '2026-11-20')).toEqual([]);
    expect(later('Amazon will invest $25 billion up front.', '2026-11-20')).toEqual(['$25 billion']);
    // dated at the deal, or undated (read as the deal's news): still flagged
    expect(later(valuation, '2026-04-22')).toEqual(['$550 billion']);
    expect(later(valuation)).toEqual(['$550 billion']);
    expect(later(launch, '2026-04-22')).toEqual(['generally available']);
  });
  it('leaves an embedded post to the paragraph under it that denies it with the record, and matches a note\'s words whole', () => {
    expect(conflicts([...DEAL, 'Amazon just wired $25bn in cash to Anthropic.', '@ventureweekly, 20 April 2026', 'Amazon has not paid $25 billion. Only the $5 billion tranche was immediate.'])).toEqual([]);
    // "on Amazon" is not in "$4 billion Amazon invested": the claim two blocks up still stands
    expect(conflicts([...DEAL, "Amazon has agreed to buy more than $100 billion of Anthropic's services.", 'Not quite. Counting the $4 billion Amazon invested in 2023, its stake is $13 billion.'])).toEqual(["of Anthropic's services"]);
  });
  it('leaves an answer to the comment that says "This is wrong", and a post to a correction further down that quotes it', () => {
    expect(conflicts([...DEAL, 'Yes, the Claude Platform is GA on AWS now, just enable it.', 'answered by quickfix_guru', "This is wrong. Anthropic's update says it is coming soon."])).toEqual([]);
    const far = Array.from({ length: 8 }, (_, i) => `Comment ${i + 1}: great post, thanks for sharing.`);
    const post = 'With this week’s deal Amazon has now invested $33 billion in Anthropic.';
    expect(conflicts([...DEAL, post, ...far, 'Small correction: the committed total is $13 billion; $33 billion is only the ceiling.'])).toEqual([]);
    expect(conflicts([...DEAL, post, ...far, 'Agreed, $33 billion is a lot of money.'])).toEqual(['$33 billion']);
  });
  it('leaves a comment to the reply under it that gives the record, and a nine-figure claim the same sentence calls ten figures', () => {
    expect(conflicts([...DEAL, 'Amazon just wired Anthropic $25 billion in cash.', 'quarterly_ed, replying', 'Not quite. Only $5 billion goes in now.'])).toEqual([]);
    expect(conflicts([...DEAL, 'Amazon just wired Anthropic $25 billion in cash.', 'quarterly_ed', 'What a time to be alive.'])).toEqual(['$25 billion']);
    expect(conflicts([...DEAL, "A column called Amazon's commitment a nine-figure check; the first tranche alone is $5 billion, a ten-figure sum."])).toEqual([]);
  });
  it('leaves the voices the page reports: a question\'s premise, critics who describe, testimony, a corrections page, a satire page', () => {
    expect(conflicts([...DEAL, 'Hi. Anthropic is doing $30 billion in annual revenue now. How durable is that growth?'])).toEqual([]);
    expect(conflicts([...DEAL, 'Critics who describe Amazon as having already sunk $33 billion into Anthropic are counting money that has not moved.'])).toEqual([]);
    expect(conflicts([...DEAL, 'An MP told the committee the deal valued Anthropic at $350 billion.'])).toEqual([]);
    expect(conflicts([...DEAL, 'We said Amazon had invested $25 billion in Anthropic.', 'A chart labeled the new capacity as 50 gigawatts.'])).toEqual([]);
    const satire = engine.analyze({ blocks: ['SATIRE', ...DEAL, 'Amazon on Friday wired Anthropic one trillion dollars up front.'], title: 'Amazon wires Anthropic one trillion dollars', published: '2026-04-24' });
    expect(satire.annotations.filter((a) => a.kind === 'conflict')).toEqual([]);
    expect(satire.satire).toBe(true);
    // an incremental pass on that page (infinite scroll) is told, and reports no conflict either
    const more = ['Amazon then wired Anthropic $25 billion up front.'];
    expect(engine.annotate(more, '2026-04-24', {}).filter((a) => a.kind === 'conflict')).not.toEqual([]);
    expect(engine.annotate(more, '2026-04-24', { satire: true }).filter((a) => a.kind === 'conflict')).toEqual([]);
    expect(engine.annotate(['PARODY', ...more], '2026-04-24', {}).filter((a) => a.kind === 'conflict')).toEqual([]);
    expect(engine.analyze({ blocks: [...DEAL, ...more], title: 'Amazon and Anthropic', published: '2026-04-24' }).satire).toBeUndefined();
    // the same sentences in the page's own voice are still flagged
    expect(conflicts([...DEAL, 'Anthropic is doing $30 billion in annual revenue now.'])).toEqual(['annual revenue']);
    expect(conflicts([...DEAL, 'Amazon has already sunk $33 billion into Anthropic.'])).toEqual(['$33 billion']);
  });
  it('takes the subject from the deal\'s own terms, the block\'s last party and "Claude", never from a generic term', () => {
    // a funding roundup's other start-ups: "post-money valuation" names no one
    expect(conflicts([...DEAL, 'Vantablue, which designs inference chips, raised $500 million at a $5 billion post-money valuation.'])).toEqual([]);
    expect(conflicts([...DEAL, 'Example: a $1 billion investment paid in three tranches over two years.'])).toEqual([]);
    // the block named Amazon a sentence before; "when the agreement was signed" is past, not a condition
    expect(conflicts([...DEAL, 'Amazon is a shareholder as well as a landlord. Under the April terms, all $25 billion of its new investment changed hands when the agreement was signed.'])).toEqual(['$25 billion']);
    expect(conflicts([...DEAL, 'The agreement locks in at least 5 gigawatts of new capacity for training and running Claude.'])).toEqual(['at least 5 gigawatts']);
    // "quoted as though" reports a reading the page rejects
    expect(conflicts([...DEAL, 'We have seen the headline figure of twenty-five billion dollars quoted as though it had already been paid; it has not.'])).toEqual([]);
  });
  it('reads a long page that touches the deal once, with a figure at most, as about something else', () => {
    const story = Array.from({ length: 12 }, (_, i) => `Utility number ${i + 1} says data-centre requests now exceed what its grid can connect this decade, regulators said.`);
    const aside = "Anthropic's April agreement with Amazon covers up to 5 gigawatts of new compute, and neither company has said where it will be sited.";
    expect(engine.analyze({ blocks: [...story, aside], title: 'Utilities race to keep up with data centres', published: '2026-07-09' }).about).toBe(false);
    expect(engine.analyze({ blocks: [story[0]!, aside, ...DEAL], title: 'Utilities race to keep up with data centres', published: '2026-07-09' }).about).toBe(true);
  });
  it('reaches a cue across another figure, and reads a deal-only value with both parties named', () => {
    expect(conflicts([...DEAL, 'Anthropic made a pledge to spend more than $100 billion on AWS over five years.'])).toEqual(['five years']);
    expect(conflicts([...DEAL, 'The expansion lifts the cash Amazon has already put into Anthropic to $33 billion.'])).toEqual(['$33 billion']);
  });
  it("leaves a claim a fact-check rates right under it, and one put in the mouth of 'anyone who tells you'", () => {
    expect(conflicts([...DEAL, 'Claim 1: the cash payment', 'Amazon just wired Anthropic $25 billion in cash.', 'Our rating: False'])).toEqual([]);
    expect(conflicts([...DEAL, 'Anyone who tells you Amazon has handed over twenty-five billion dollars is describing the best case.'])).toEqual([]);
  });
  it('reads a page whose headline pairs one party with another company as about that pairing', () => {
    const body = [...DEAL, 'Amazon has invested $8 billion in Anthropic since 2023, and the startup runs on AWS.', 'Google will supply Anthropic with up to one million TPUs.'];
    expect(engine.analyze({ blocks: body, title: 'Anthropic to tap up to one million Google TPUs', published: '2026-04-22' }).about).toBe(false);
    expect(engine.analyze({ blocks: body, title: 'Amazon to invest $50 billion in OpenAI', published: '2026-04-22' }).about).toBe(false);
    expect(engine.analyze({ blocks: body, title: 'Anthropic and Amazon expand their deal; Google TPUs stay', published: '2026-04-22' }).about).toBe(true);
    // a headline listing three companies is a roundup's, not a pairing
    expect(engine.analyze({ blocks: [...body, ...DEAL], title: 'Capex keeps climbing at Amazon, Microsoft and Alphabet', published: '2026-05-02' }).about).toBe(true);
  });
  it('flags a Claude 3 model called the current best, not one compared with the newer line', () => {
    expect(conflicts([...DEAL, "Teams are running Claude 3 Opus, Anthropic's top model, in production today."])).toEqual(['Claude 3 Opus']);
    expect(conflicts([...DEAL, 'Opus 4.7 beats Claude 3 Opus on every benchmark, the latest tests show.'])).toEqual([]);
  });
  it("leaves a reader's claims to the editor's note that corrects them, and flags the ones it does not", () => {
    const letter = ['Amazon has handed Anthropic $25 billion in cash this week.', 'And Anthropic can keep training its Claude 3 models on it.', 'Jane Roe, Springfield'];
    const note = "Editor's note: Amazon is investing $5 billion now; $25 billion is a ceiling, not a payment.";
    expect(conflicts([...DEAL, ...letter, note])).toEqual(['Claude 3 models']);
    expect(conflicts([...DEAL, ...letter])).toEqual(['$25 billion', 'Claude 3 models']);
  });
  it('reads a long page on another story, whose only block naming both parties is a short teaser, as not about the deal', () => {
    const story = Array.from({ length: 9 }, (_, i) => `Solvane, a solar developer, said its panel factory number ${i + 1} will employ about four hundred people by next spring.`);
    const teaser = 'Anthropic commits more than $100 billion to AWS as Amazon invests $5 billion more';
    expect(engine.analyze({ blocks: [...story, teaser], title: 'Solar developer lands $5 billion', published: '2026-04-22' }).about).toBe(false);
    // the same teaser on a short page, or written out in the story itself, is still read
    expect(engine.analyze({ blocks: [story[0]!, teaser], title: 'Solar developer lands $5 billion', published: '2026-04-22' }).about).toBe(true);
  });
  it("reads a short cell under its row and column headers (the page's structure), and never against another deal's row", () => {
    const cells = (labels: (string | undefined)[], blocks: string[]) =>
      engine.analyze({ blocks: [...DEAL, ...blocks], labels: [undefined, undefined, ...labels], title: 'Big Tech AI deals compared', published: '2026-04-22' }).annotations
        .filter((a) => a.kind === 'conflict' && a.block >= DEAL.length)
        .map((a) => blocks[a.block - DEAL.length]!.slice(a.start, a.end));
    expect(cells(['AI deals — Amazon and Anthropic — Term', 'AI deals — Amazon and OpenAI — Term'], ['5 years', '8 years'])).toEqual(['5 years']);
    // the same cells with no structure: nothing to read them under
    expect(cells([undefined, undefined], ['5 years', '8 years'])).toEqual([]);
    // a scenario table is no claim
    expect(cells(['Bear — Anthropic valuation'], ['A bear case of $300 billion'])).toEqual([]);
  });
  it("reads a page first published before the deal, kept up to date since, as of its last change when it states the deal's figures", () => {
    const profile = (blocks: string[], modified?: string) =>
      engine.analyze({ blocks, title: 'Anthropic — company profile', published: '2021-06-14', ...(modified ? { modified } : {}) });
    const claim = 'The agreement also made AWS the sole cloud provider of Anthropic for the decade.';
    const flagged = (r: ReturnType<typeof profile>) => r.annotations.filter((a) => a.kind === 'conflict').length;
    expect(flagged(profile([...DEAL, claim], '2026-05-03'))).toBe(1);
    // as of 2021 it could not have said so: nothing is judged
    expect(flagged(profile([...DEAL, claim]))).toBe(0);
    // an old article touched later, that states none of the current figures, stays an old article
    const old = profile(['Amazon will invest up to $4 billion in Anthropic, the AI startup.', 'Anthropic will make AWS its primary cloud provider.'], '2026-05-03');
    expect(old.date).toBe('2021-06-14');
  });
  it('raises the bar for a page whose headline is about something else', () => {
    const passing = ['Anthropic released a new model on Thursday, available on Amazon Bedrock.', 'Amazon is Anthropic’s largest outside backer, with $8 billion invested across 2023 and 2024.'];
    expect(engine.analyze({ blocks: passing, title: 'Anthropic releases Claude Opus 4.7', published: '2026-04-16' }).about).toBe(false);
    expect(engine.analyze({ blocks: [...DEAL, ...DEAL.map((b) => b.replace('Monday', 'Tuesday'))], title: 'Anthropic’s big week', published: '2026-04-22' }).about).toBe(true);
  });

  it('batches 26–27 (inline markup, later coverage): a ceiling restated smaller, a cheque written, the earlier rounds misadded, chips called exclusive', () => {
    // "up to 3 GW" states the ceiling itself, wrongly; "nearly 1 GW" by year-end is a part of it
    expect(conflicts([...DEAL, "Anthropic's April agreement with Amazon covers up to 3 gigawatts of new capacity."])).toEqual(['up to 3 gigawatts']);
    expect(conflicts([...DEAL, 'Of the up to 5 gigawatts, nearly 1 GW of Trainium2 and Trainium3 capacity comes online by the end of 2026.'])).toEqual([]);
    expect(conflicts([...DEAL, 'The deal secures up to 5 gigawatts of capacity, and up to 1 GW of it should be running by the end of 2026.'])).toEqual([]);
    // a cheque written today is money paid; a cheque that may come is not
    expect(conflicts([...DEAL, 'Amazon is writing Anthropic a $25 billion cheque today.'])).toEqual(['$25 billion']);
    expect(conflicts([...DEAL, 'Amazon could end up writing Anthropic a $25 billion cheque if every milestone is met.'])).toEqual([]);
    // the two earlier rounds added wrongly; the same rounds right, each or together
    expect(conflicts([...DEAL, 'That came on top of the $6 billion Amazon had put into Anthropic across 2023 and 2024.'])).toEqual(['$6 billion']);
    expect(conflicts([...DEAL, 'That came on top of the $8 billion Amazon had put into Anthropic across 2023 and 2024.'])).toEqual([]);
    expect(conflicts([...DEAL, 'Amazon had previously invested $4 billion in 2023 and $4 billion in 2024.'])).toEqual([]);
    expect(conflicts([...DEAL, 'Before the deal, Anthropic was valued at $183 billion after a $13 billion round.'])).toEqual([]);
    expect(conflicts([...DEAL, 'AWS has separately committed to invest $12.7 billion in cloud infrastructure in India by 2030.'])).toEqual([]);
    // training exclusively on Trainium is an exclusivity claim; Rainier's own chips are not
    expect(conflicts([...DEAL, 'Anthropic agreed to train its frontier models exclusively on Trainium.'])).toEqual(['models exclusively on Trainium']);
    expect(conflicts([...DEAL, "Project Rainier, Anthropic's cluster in Indiana, runs exclusively on Trainium2 chips."])).toEqual([]);
    // what investors assume is their belief, not the page's claim
    expect(conflicts([...DEAL, "We continue to see investors assume the deal makes AWS Anthropic's sole cloud."])).toEqual([]);
    expect(conflicts([...DEAL, "The deal makes AWS Anthropic's sole cloud."])).toEqual(['sole cloud']);
    // ability in the past is not a hedge
    expect(conflicts([...DEAL, 'AWS customers could already open the full Claude Platform inside their AWS accounts.'])).toEqual(['could already open']);
  });

  it('batches 28–29 (deals mixed up, rewrites that change one word): a year-end target overstated, conditional money scheduled, another deal\'s sum', () => {
    // the 1 GW due by the end of 2026: a larger amount by then is wrong; progress toward it and the deal's ceiling are not
    expect(conflicts([...DEAL, 'Amazon is on track to bring nearly 2 gigawatts of Trainium2 and Trainium3 capacity online for Anthropic by the end of 2026.'])).toEqual(['nearly 2 gigawatts']);
    expect(conflicts([...DEAL, 'Roughly 700 megawatts of new Trainium capacity is now serving Claude, on course for the nearly 1 GW promised by the end of the year.'])).toEqual([]);
    expect(conflicts([...DEAL, 'Nearly 1 gigawatt of Trainium2 and Trainium3 capacity is due for Anthropic by the end of 2026, out of up to 5 gigawatts in all.'])).toEqual([]);
    expect(conflicts([...DEAL, 'Anthropic expects the full 5 GW to be energised by the end of 2026.'])).toEqual(['full 5 GW']);
    expect(conflicts([...DEAL, 'Anthropic expects the full 5 GW to be energised over the life of the agreement.'])).toEqual([]);
    // the milestone money told as scheduled
    expect(conflicts([...DEAL, 'Amazon will invest a further $20 billion in Anthropic as the capacity comes online.'])).toEqual(['$20 billion']);
    expect(conflicts([...DEAL, 'Amazon invests $5 billion in Anthropic now; the remaining $20 billion will be paid on a fixed schedule regardless of performance.'])).toEqual(['$20 billion']);
    expect(conflicts([...DEAL, 'Amazon may invest up to $20 billion more in Anthropic, in instalments, if milestones are met.'])).toEqual([]);
    // OpenAI's $50 billion given to Anthropic
    expect(conflicts([...DEAL, 'Amazon is putting $50 billion into Anthropic.'])).toEqual(['$50 billion']);
    expect(conflicts([...DEAL, 'Amazon is putting $5 billion into Anthropic now.'])).toEqual([]);
    // paraphrases of known wrong claims
    expect(conflicts([...DEAL, "Anthropic's run-rate passed $30 billion, up from about $9 billion a year earlier."])).toEqual(['from about $9 billion a year earlier']);
    expect(conflicts([...DEAL, 'Customers have been asking about the Claude Platform on AWS, which launched alongside the deal.'])).toEqual(['launched alongside']);
  });

  it('batches 30–31 (pages of many stories, numbers in unusual shapes): rates and analogies are not the record restated', () => {
    // a rate per gigawatt or per year is not the total; an analogy's "$100" is not the $100 billion
    expect(conflicts([...DEAL, "Anthropic's commitment to spend more than $100 billion on AWS over ten years works out, at the ceiling, to at least $20 billion per gigawatt over the decade."])).toEqual([]);
    expect(conflicts([...DEAL, 'Think of it as a teenager who promises to spend more than $100 at Amazon over the next ten years.'])).toEqual([]);
    expect(conflicts([...DEAL, 'Anthropic will spend at least $10 billion a year on AWS on average over the decade.'])).toEqual([]);
    // "a year ago", "a year from now" are times, not rates: the total is still judged
    expect(conflicts([...DEAL, 'Amazon had put $6 billion into Anthropic across 2023 and 2024, a year before the deal.'])).toEqual(['$6 billion']);
    expect(conflicts([...DEAL, 'That came on top of the $6 billion a year before that Amazon had put into Anthropic across 2023 and 2024.'])).toEqual(['$6 billion']);
    // the same figures as totals are still judged
    expect(conflicts([...DEAL, 'Anthropic will spend $20 billion on AWS over ten years.'])).toEqual(['$20 billion']);
    // half a decade is five years; cash handed over today is paid
    expect(conflicts([...DEAL, 'Anthropic committed to spend more than $100 billion on AWS technologies over half a decade.'])).toEqual(['half a decade']);
    expect(conflicts([...DEAL, 'Amazon is handing Anthropic $25 billion in cash today.'])).toEqual(['$25 billion']);
  });
  it('batch 32 (adjacent news in late 2026): how much of the internet runs on a single cloud is not a claim about Anthropic', () => {
    expect(conflicts([...DEAL, "An AWS outage left users of Anthropic's Claude staring at errors, a reminder of how much of the internet still runs through a single cloud."])).toEqual([]);
    expect(conflicts([...DEAL, 'Anthropic runs Claude on a single cloud.'])).toEqual(['single cloud']);
  });
  it('batches 33–34 (predictions, short formats): a prediction is not a claim, and "before next autumn" is not the earlier rounds', () => {
    expect(conflicts([...DEAL, 'I predict that Anthropic announces a run-rate above $50 billion before next autumn.'])).toEqual([]);
    expect(conflicts([...DEAL, 'Amazon will announce a figure above $50 billion before next autumn, I predict.'])).toEqual([]);
    // the earlier rounds named by their own words are still judged
    expect(conflicts([...DEAL, 'Before the deal, Amazon had put $6 billion into Anthropic.'])).toEqual(['$6 billion']);
    expect(conflicts([...DEAL, 'Before the deal, Amazon had put $8 billion into Anthropic.'])).toEqual([]);
  });
  it('batches 35–36 (accounting language, other voices quoted): gains are not the investment; quoted and answered claims are not the page\'s', () => {
    // an accounting gain on the stake is not the sum invested
    expect(conflicts([...DEAL, 'Other income included pre-tax gains of $6.2 billion related to its Anthropic investment.'])).toEqual([]);
    expect(conflicts([...DEAL, 'Amazon invested $6.2 billion in Anthropic this April.'])).toEqual(['$6.2 billion']);
    // a claims table: the claim, its source, a rating; "False" under it rejects it, "True" adopts it
    const row = (rating: string) => conflicts([...DEAL, "Amazon's total exposure to Anthropic exceeds $33 billion.", 'A news explainer', rating, 'Amazon has committed $13 billion; $33 billion is the ceiling.']);
    expect(row('False')).toEqual([]);
    expect(row('True')).toEqual(['exceeds $33 billion']);
    // a quoted headline with its source under it, in a media column
    expect(conflicts([...DEAL, 'Another Nine-Figure Check From Seattle', "Columnist's headline, weekly magazine", 'Nine figures means hundreds of millions; each tranche was in the billions.'])).toEqual([]);
    expect(conflicts([...DEAL, 'Another Nine-Figure Check From Seattle', 'Nine figures means hundreds of millions; each tranche was in the billions.'])).toEqual(['Nine-Figure']);
    // a reply that stops the speaker, with the record's wording
    expect(conflicts([...DEAL, 'Rohan: Anthropic did $30 billion of revenue last year.', 'Dana: Careful again. The figure Anthropic gave in April was an annualized run-rate of more than $30 billion.'])).toEqual([]);
    expect(conflicts([...DEAL, 'Rohan: Anthropic did $30 billion of revenue last year.', 'Dana: The curve is the story anyway.'])).toEqual(['of revenue last year']);
  });
});
