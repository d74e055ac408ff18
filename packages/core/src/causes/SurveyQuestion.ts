import type { Locale } from "../defection/Locale.ts";

/** The survey kinds Vafa ships questionnaires for. */
export const SURVEY_TYPES = ["exit", "csat", "nps"] as const;

/** A survey kind: why a customer left, satisfaction with a visit, likelihood to recommend. */
export type SurveyType = (typeof SURVEY_TYPES)[number];

/** A text in every supported language. */
export type Localised = Readonly<Record<Locale, string>>;

/** One choice of a choice question; `followUp` is the id of the question asked when it is chosen. */
export interface SurveyOption {
  readonly code: string;
  readonly label: Localised;
  readonly followUp?: string;
}

/**
 * One question. `choice` answers with an option code (stored in `survey_responses.reason`), `scale`
 * with a number in [min, max] (`score`), `text` with free text (`text`). `when` makes a follow-up
 * asked only after a given answer to an earlier question.
 */
export interface SurveyQuestion {
  readonly id: string;
  readonly kind: "choice" | "scale" | "text";
  readonly text: Localised;
  readonly required: boolean;
  readonly options?: readonly SurveyOption[];
  readonly scale?: {
    readonly min: number;
    readonly max: number;
    readonly low: Localised;
    readonly high: Localised;
  };
  readonly when?: { readonly question: string; readonly answer: string };
}

/**
 * A questionnaire: the same question ids in every language, so answers collected in Persian and in
 * English are analysed together.
 *
 * @example
 * const q: Questionnaire = surveyQuestionnaire("exit");
 * q.questions[0]?.text.fa;
 */
export interface Questionnaire {
  readonly type: SurveyType;
  readonly title: Localised;
  readonly intro: Localised;
  readonly questions: readonly SurveyQuestion[];
}
