import { CausesError } from "./CausesError.ts";
import type { Questionnaire } from "./SurveyQuestion.ts";

/** One answer to one question: an option code (choice), a number (scale) or text. */
export interface SurveyAnswer {
  readonly question: string;
  readonly value: string | number;
  /** Optional free text next to a choice or a score ("found it 20% cheaper at X"). */
  readonly text?: string;
}

/** An answer as stored in `survey_responses`: the option code in `reason`, a score in `score`. */
export interface CheckedAnswer {
  readonly question: string;
  readonly score: number | null;
  readonly reason: string | null;
  readonly text: string | null;
}

/**
 * Checks answers against a questionnaire: every question id known, choice answers among the
 * options (case-insensitive), scale answers numbers within the scale, required questions answered,
 * each question at most once.
 *
 * @throws CausesError naming the first problem.
 * @example
 * checkSurveyAnswers(exitQuestionnaire(), [{ question: "exit_reason", value: "price" }]);
 * // [{ question: "exit_reason", score: null, reason: "price", text: null }]
 */
export function checkSurveyAnswers(q: Questionnaire, answers: readonly SurveyAnswer[]): CheckedAnswer[] {
  const seen = new Set<string>();
  const checked = answers.map((a): CheckedAnswer => {
    const question = q.questions.find((x) => x.id === a.question);
    if (question === undefined) {
      throw new CausesError(
        `question "${a.question}" is not in the ${q.type} questionnaire (${q.questions.map((x) => x.id).join(", ")})`,
      );
    }
    if (seen.has(a.question)) throw new CausesError(`question "${a.question}" is answered twice`);
    seen.add(a.question);
    const text = a.text ?? null;
    if (question.kind === "choice") {
      const code = String(a.value).trim().toLowerCase();
      const option = question.options?.find((o) => o.code === code);
      if (option === undefined) {
        throw new CausesError(
          `"${a.value}" is not an answer to ${a.question} (${(question.options ?? []).map((o) => o.code).join(", ")})`,
        );
      }
      return { question: a.question, score: null, reason: option.code, text };
    }
    if (question.kind === "scale") {
      const score = typeof a.value === "number" ? a.value : Number(String(a.value).trim());
      const scale = question.scale;
      if (!Number.isFinite(score) || scale === undefined || score < scale.min || score > scale.max) {
        throw new CausesError(
          `${a.question} expects a number from ${scale?.min} to ${scale?.max}, got "${a.value}"`,
        );
      }
      return { question: a.question, score, reason: null, text };
    }
    return { question: a.question, score: null, reason: null, text: String(a.value) };
  });
  for (const question of q.questions) {
    if (question.required && !seen.has(question.id))
      throw new CausesError(`question "${question.id}" needs an answer`);
  }
  return checked;
}
