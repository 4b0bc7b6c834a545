/**
 * The single definition of the dataset's shape. The build, the content script,
 * the CLI and the tests all validate with these schemas; the TypeScript types
 * are inferred from them, never written twice.
 */
import { z } from 'zod';

/** Stable entry id: lowercase words joined by hyphens. */
export const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');

/** A calendar date, YYYY-MM-DD, that exists (no 2026-02-30). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date');

const NO_HTML = /<\/?[a-z][^>]*>|&[a-z]+;|&#\d+;/i;
/** Plain text for readers: no markup, no entities, trimmed. */
export const PlainText = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !NO_HTML.test(s), 'must be plain text, not HTML')
    .refine((s) => s.trim() === s, 'must not start or end with spaces');

/** Body text: plain, at most about 60 words (70 allowed as slack). */
export const Body = PlainText(600).refine((s) => s.split(/\s+/).length <= 70, 'must be at most about 60 words');

export const Title = PlainText(60);

export const SourceKind = z.enum(['primary', 'press', 'analysis']);
export const Status = z.enum(['confirmed', 'self-reported', 'single-source', 'disputed', 'superseded']);
export const Qualifier = z.enum(['exact', 'up-to', 'more-than', 'at-least', 'about', 'less-than']);
export const Unit = z.enum(['usd', 'gw', 'years', 'months', 'percent', 'count']);
export const Verdict = z.enum(['conflict', 'caveat']);
export const Kind = z.enum(['term', 'fact', 'caveat', 'conflict']);

export const HttpsUrl = z
  .string()
  .url()
  .refine((s) => s.startsWith('https://'), 'must be an https:// URL');

const Entry = z.object({ id: Id, title: Title, body: Body });

export const Source = z
  .object({
    id: Id,
    publisher: PlainText(80),
    title: PlainText(200),
    date: IsoDate,
    /** How much of `date` is known: 'month' when a source is only dated by month (show "February 2026", not a day). */
    datePrecision: z.enum(['day', 'month']).default('day'),
    kind: SourceKind,
    /** Only when truly known; the seeds give none. */
    url: HttpsUrl.optional(),
  })
  .strict();

/** Words that tie a figure in a sentence to a fact. Matched case-insensitively as whole words (a trailing * matches any ending). */
export const Cues = z
  .object({
    /** At least one must appear near the figure (within the fact's window). */
    topic: z.array(PlainText(60)).min(1),
    /** Optional words that make the link more likely (verbs, objects). */
    boost: z.array(PlainText(60)).default([]),
    /** Words that, present in the sentence, mean the figure is about something else. */
    not: z.array(PlainText(60)).default([]),
    /** How many words from the figure a topic cue may stand. */
    window: z.number().int().min(1).max(40).default(12),
  })
  .strict();

export const Term = Entry.extend({
  /** Surface forms, matched case-insensitively as whole words. */
  forms: z.array(PlainText(80)).min(1),
  /** Surface forms matched with exact case (acronyms such as "AWS", "TPU"). */
  exactForms: z.array(PlainText(80)).default([]),
  /** What the term means for this deal, one or two sentences. */
  deal: Body.optional(),
  /**
   * The term is the deal's own (Trainium, Project Rainier, Claude Platform on
   * AWS): a sentence naming it speaks of the deal's parties even when it names
   * neither. Generic terms (a post-money valuation, a gigawatt) do not.
   */
  subject: z.boolean().default(false),
  sources: z.array(Id).default([]),
  caveats: z.array(Id).default([]),
}).strict();

export const Fact = Entry.extend({
  /** The verified number; null for a statement without one. */
  value: z.number().nonnegative().nullable(),
  unit: Unit.nullable(),
  qualifier: Qualifier,
  /** Relative tolerance when comparing a page's figure to `value` (0.02 = 2%). */
  tolerance: z.number().min(0).max(0.5).default(0.02),
  asOf: IsoDate,
  status: Status,
  sources: z.array(Id).min(1, 'must cite at least one source'),
  /** The parties the figure belongs to; the first is the lead (e.g. who pays). Keys of story.parties. */
  parties: z.array(Id).min(1),
  cues: Cues.optional(),
  /** Caveats that always travel with this fact: a matching figure is shown as a caveat. */
  caveats: z.array(Id).default([]),
  /** Conflict rule applied to figures tied to this fact by cues but with another value. */
  conflict: Id.optional(),
  /** For superseded facts: the facts that replaced it ("since then"). */
  supersededBy: z.array(Id).default([]),
  /** First and last day the fact was the current record (articles dated then are judged by it). */
  validFrom: IsoDate.optional(),
  validUntil: IsoDate.optional(),
  /**
   * For a record that moves (a valuation, a run-rate): after this day it may be
   * out of date, so a page dated later that states another value is not called
   * wrong (it may report newer news). Contract terms have none.
   */
  recheckAfter: IsoDate.optional(),
  /**
   * The record is itself a condition ("up to $20 billion more if milestones are met"):
   * "if … milestones" beside a figure restates it, and hedges nothing.
   */
  conditional: z.boolean().default(false),
  /** Whether the fact belongs to this story's deal or a neighbouring deal. */
  scope: z.enum(['deal', 'neighbour', 'background']),
}).strict();

export const Caveat = Entry.extend({
  asOf: IsoDate,
  status: Status.optional(),
  sources: z.array(Id).min(1, 'must cite at least one source'),
  /** Facts or terms this caveat qualifies. */
  appliesTo: z.array(Id).min(1),
}).strict();

const FigureMatch = z
  .object({
    type: z.literal('figure'),
    /** The fact whose topic this rule guards: a figure linked to it with another value is flagged. */
    fact: Id,
    /** What is compared: the value, or the qualifier (e.g. "more than" for a ceiling). */
    on: z.enum(['value', 'qualifier']).default('value'),
    /**
     * Only a larger figure contradicts the record (for a target due by a date: a
     * smaller figure may be progress toward it, and "up to" a larger one is the
     * whole agreement's ceiling, not this target).
     */
    above: z.boolean().optional(),
  })
  .strict();

const PhraseMatch = z
  .object({
    type: z.literal('phrase'),
    /** Phrases whose presence is the claim; matched case-insensitively as whole words. */
    phrases: z.array(PlainText(80)).min(1),
    /** At least one of these must be in the same sentence (the claim's subject). */
    near: z.array(PlainText(80)).default([]),
    /** If any of these is in the sentence the claim is not made (negations, quotes of the record). */
    unless: z.array(PlainText(80)).default([]),
    /**
     * Other owners of the claim's figure (companies): one named in the sentence
     * before the phrase, or within four words after it in the same clause, makes the claim theirs
     * ("AWS's revenue last year"); one named further on speaks of something else
     * ("…last year, which is why Amazon wants more of it").
     */
    owners: z.array(PlainText(80)).default([]),
  })
  .strict();

export const ConflictRule = Entry.extend({
  verdict: Verdict,
  /** What the record says, in one short sentence. */
  record: PlainText(200),
  /** Why the page's wording misleads. */
  why: PlainText(300),
  asOf: IsoDate,
  sources: z.array(Id).min(1, 'must cite at least one source'),
  /** Facts this rule defends (shown in the tooltip). */
  facts: z.array(Id).default([]),
  /** Phrase rules, as for facts: a page dated after this day is not flagged by this rule (the record may have moved on). Figure rules follow their fact's. */
  recheckAfter: IsoDate.optional(),
  match: z.discriminatedUnion('type', [FigureMatch, PhraseMatch]),
}).strict();

export const Story = z
  .object({
    id: Id,
    title: Title,
    body: Body,
    /** The day the deal was announced: later articles are judged by today's record. */
    announced: IsoDate,
    /** The deal's two parties (keys of `parties`). */
    dealParties: z.tuple([Id, Id]),
    /** Names of every company that matters, by key. Matched as whole words; exact case for acronyms. */
    parties: z.record(
      Id,
      z
        .object({
          forms: z.array(PlainText(60)).min(1),
          exactForms: z.array(PlainText(60)).default([]),
          /**
           * How articles refer back to the party without naming it ("the Seattle company",
           * "the startup"): enough to tell that a sentence speaks of the deal, never enough
           * to say whose figure it is or that a page is about the deal.
           */
          descriptors: z.array(PlainText(60)).default([]),
        })
        .strict(),
    ),
    /** Words that say a text is about money, compute or contracts between the parties. */
    dealWords: z.array(PlainText(60)).min(1),
  })
  .strict();

export const Dataset = z
  .object({
    story: Story,
    sources: z.array(Source),
    terms: z.array(Term),
    facts: z.array(Fact),
    caveats: z.array(Caveat),
    conflicts: z.array(ConflictRule),
  })
  .strict();

export type Source = z.infer<typeof Source>;
export type Term = z.infer<typeof Term>;
export type Fact = z.infer<typeof Fact>;
export type Caveat = z.infer<typeof Caveat>;
export type ConflictRule = z.infer<typeof ConflictRule>;
export type Story = z.infer<typeof Story>;
export type Dataset = z.infer<typeof Dataset>;
export type Kind = z.infer<typeof Kind>;
export type Qualifier = z.infer<typeof Qualifier>;
export type Unit = z.infer<typeof Unit>;
export type Status = z.infer<typeof Status>;

/** The files of one story folder and the dataset key each fills. */
export const DATA_FILES = {
  'story.json': 'story',
  'sources.json': 'sources',
  'terms.json': 'terms',
  'facts.json': 'facts',
  'caveats.json': 'caveats',
  'conflicts.json': 'conflicts',
} as const;
