import {
  CausesError,
  LOCALES,
  type Locale,
  parseSurveyType,
  SURVEY_TYPES,
  surveyQuestionnaire,
} from "@vafa/core";
import { recordSurveyResponse } from "@vafa/duckdb";
import { Command } from "commander";
import { globalOptions } from "../globalOptions.ts";
import { printJson } from "../output.ts";
import { withEmbedded } from "../withEngine.ts";

function parseLocale(value: string): Locale {
  const found = LOCALES.find((l) => l === value);
  if (found === undefined) throw new CausesError(`--locale must be one of ${LOCALES.join(", ")}`);
  return found;
}

const reasonList = (value: string | undefined) =>
  value === undefined ? {} : { reasons: value.split(",").map((r) => r.trim().toLowerCase()) };

/** `vafa surveys questions|record`: the exit, CSAT and NPS questionnaires, and recording answers. */
export function surveysCommand(): Command {
  const root = new Command("surveys").description(
    "exit, CSAT and NPS questionnaires (en, fa, ar) and recording answers (files: vafa ingest surveys)",
  );
  root
    .command("questions")
    .description(
      "print a questionnaire: the exit survey asks why the customer left, with a concrete follow-up per reason",
    )
    .option("--type <type>", SURVEY_TYPES.join(" | "), "exit")
    .option("--locale <locale>", LOCALES.join(" | "), "en")
    .option("--reasons <list>", "comma-separated exit-reason taxonomy (default the worklist's)")
    .action(async (opts: { type: string; locale: string; reasons?: string }, command: Command) => {
      const { json } = globalOptions(command);
      const q = surveyQuestionnaire(parseSurveyType(opts.type), reasonList(opts.reasons));
      if (json) return printJson(q);
      const l = parseLocale(opts.locale);
      const out: string[] = [q.title[l], q.intro[l], ""];
      let n = 0;
      for (const question of q.questions) {
        const when =
          question.when === undefined ? "" : `  [if ${question.when.question} = ${question.when.answer}]`;
        const prefix = question.when === undefined ? `${++n}.` : "   →";
        out.push(`${prefix} ${question.text[l]}  (${question.id})${when}`);
        for (const o of question.options ?? []) out.push(`     - ${o.label[l]}  (${o.code})`);
        if (question.scale !== undefined) {
          const s = question.scale;
          out.push(`     ${s.min} = ${s.low[l]} … ${s.max} = ${s.high[l]}`);
        }
      }
      process.stdout.write(`${out.join("\n")}\n`);
    });
  root
    .command("record")
    .description("record one customer's answers, checked against the questionnaire")
    .requiredOption("--customer <id>", "customer id")
    .option("--type <type>", SURVEY_TYPES.join(" | "), "exit")
    .option(
      "--answer <question=value>",
      'an answer, repeatable: exit_reason=price, exit_price_detail="…", nps_score=3',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option("--reasons <list>", "comma-separated exit-reason taxonomy (default the worklist's)")
    .action(
      async (
        opts: { customer: string; type: string; answer: string[]; reasons?: string },
        command: Command,
      ) => {
        const { config, json } = globalOptions(command);
        const answers = opts.answer.map((a) => {
          const at = a.indexOf("=");
          if (at <= 0) throw new CausesError(`--answer expects question=value, got "${a}"`);
          return { question: a.slice(0, at).trim(), value: a.slice(at + 1) };
        });
        const result = await withEmbedded(
          config,
          { feature: "surveys", needsData: false, create: true },
          (store) =>
            recordSurveyResponse(store.client, {
              customerId: opts.customer,
              survey: parseSurveyType(opts.type),
              answers,
              questionnaire: reasonList(opts.reasons),
            }),
        );
        if (json) printJson(result);
        else process.stdout.write(`response ${result.responseId} recorded (${result.answers} answers)\n`);
      },
    );
  return root;
}
