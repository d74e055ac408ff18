import { randomUUID } from "node:crypto";
import {
  CausesError,
  checkSurveyAnswers,
  duckdbDialect,
  type ExitQuestionnaireOptions,
  insertRows,
  type SqlClient,
  type SurveyAnswer,
  type SurveyType,
  sql,
  surveyQuestionnaire,
  timestampText,
} from "@vafa/core";

/** One customer's answers to one survey. */
export interface SurveyResponse {
  readonly customerId: string;
  readonly survey: SurveyType;
  readonly answers: readonly SurveyAnswer[];
  /** The exit taxonomy (shared with the worklist); default `DEFAULT_EXIT_REASONS`. */
  readonly questionnaire?: ExitQuestionnaireOptions;
  readonly now?: Date;
}

/**
 * Checks a customer's answers against the survey's questionnaire and stores them in
 * `survey_responses`, one row per answer (ids `<response>:<question>`): a choice in `reason` (the
 * exit reason is a taxonomy code, so it counts with the worklist's exit reasons), a score in
 * `score`, free text in `text`.
 *
 * @throws CausesError for an answer outside the questionnaire.
 * @example
 * await recordSurveyResponse(store.client, { customerId: "c1", survey: "exit",
 *   answers: [{ question: "exit_reason", value: "competitor_offer" },
 *             { question: "exit_competitor_offer_detail", value: "X bank, 2% cashback" }] });
 */
export async function recordSurveyResponse(
  client: SqlClient,
  response: SurveyResponse,
): Promise<{ responseId: string; answers: number }> {
  if (response.customerId.trim() === "") throw new CausesError("a survey response needs a customer");
  const checked = checkSurveyAnswers(
    surveyQuestionnaire(response.survey, response.questionnaire),
    response.answers,
  );
  const responseId = randomUUID();
  const at = timestampText(response.now ?? new Date());
  await client.run(sql("BEGIN TRANSACTION"));
  try {
    await insertRows(
      client,
      duckdbDialect.param,
      "survey_responses",
      ["id", "customer_id", "occurred_at", "survey", "question", "score", "reason", "text"],
      checked.map((a) => [
        `${responseId}:${a.question}`,
        response.customerId.trim(),
        at,
        response.survey,
        a.question,
        a.score,
        a.reason,
        a.text,
      ]),
    );
    await client.run(sql("COMMIT"));
  } catch (error) {
    await client.run(sql("ROLLBACK"));
    throw error;
  }
  return { responseId, answers: checked.length };
}
