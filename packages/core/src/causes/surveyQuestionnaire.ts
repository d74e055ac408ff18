import { CausesError } from "./CausesError.ts";
import { type ExitQuestionnaireOptions, exitQuestionnaire } from "./exitQuestionnaire.ts";
import { type Questionnaire, SURVEY_TYPES, type SurveyType } from "./SurveyQuestion.ts";

const CSAT: Questionnaire = {
  type: "csat",
  title: { en: "Customer satisfaction (CSAT)", fa: "رضایت مشتری (CSAT)", ar: "رضا العملاء (CSAT)" },
  intro: {
    en: "Two quick questions about your most recent visit or order.",
    fa: "دو پرسش کوتاه دربارهٔ آخرین مراجعه یا سفارش شما.",
    ar: "سؤالان قصيران عن آخر زيارة أو طلب لك.",
  },
  questions: [
    {
      id: "csat_score",
      kind: "scale",
      required: true,
      text: {
        en: "How satisfied were you with your most recent visit or order?",
        fa: "از آخرین مراجعه یا سفارش خود چقدر راضی بودید؟",
        ar: "ما مدى رضاك عن آخر زيارة أو طلب لك؟",
      },
      scale: {
        min: 1,
        max: 5,
        low: { en: "Very dissatisfied", fa: "بسیار ناراضی", ar: "غير راضٍ إطلاقًا" },
        high: { en: "Very satisfied", fa: "بسیار راضی", ar: "راضٍ جدًا" },
      },
    },
    {
      id: "csat_reason",
      kind: "text",
      required: false,
      text: {
        en: "What is the main reason for your score? Please be specific.",
        fa: "دلیل اصلی امتیازتان چیست؟ لطفاً دقیق بنویسید.",
        ar: "ما السبب الرئيسي لتقييمك؟ يُرجى التحديد.",
      },
    },
  ],
};

const NPS: Questionnaire = {
  type: "nps",
  title: { en: "Net Promoter Score (NPS)", fa: "شاخص خالص مروجان (NPS)", ar: "صافي نقاط الترويج (NPS)" },
  intro: {
    en: "One question, and one reason.",
    fa: "یک پرسش، و یک دلیل.",
    ar: "سؤال واحد، وسبب واحد.",
  },
  questions: [
    {
      id: "nps_score",
      kind: "scale",
      required: true,
      text: {
        en: "How likely are you to recommend us to a friend or colleague?",
        fa: "چقدر احتمال دارد ما را به یک دوست یا همکار توصیه کنید؟",
        ar: "ما مدى احتمال أن توصي بنا لصديق أو زميل؟",
      },
      scale: {
        min: 0,
        max: 10,
        low: { en: "Not at all likely", fa: "اصلاً", ar: "غير محتمل إطلاقًا" },
        high: { en: "Extremely likely", fa: "بسیار زیاد", ar: "محتمل جدًا" },
      },
    },
    {
      id: "nps_reason",
      kind: "text",
      required: false,
      text: {
        en: "What is the main reason for your score?",
        fa: "دلیل اصلی امتیازتان چیست؟",
        ar: "ما السبب الرئيسي لتقييمك؟",
      },
    },
  ],
};

/**
 * Checks a survey type typed by a user.
 *
 * @throws CausesError listing the accepted types.
 * @example
 * parseSurveyType("NPS"); // "nps"
 */
export function parseSurveyType(value: string): SurveyType {
  const found = SURVEY_TYPES.find((t) => t === value.trim().toLowerCase());
  if (found === undefined)
    throw new CausesError(`survey type "${value}" is not one of ${SURVEY_TYPES.join(", ")}`);
  return found;
}

/**
 * The questionnaire of a survey type: the exit questionnaire (see `exitQuestionnaire`; its reasons are
 * the worklist's taxonomy unless given), CSAT (1–5 and a specific reason) or NPS (0–10 and a reason).
 * CSAT and NPS measure the relationship over time; only the exit survey says why customers left.
 *
 * @example
 * surveyQuestionnaire("nps").questions[0]?.scale; // { min: 0, max: 10, … }
 */
export function surveyQuestionnaire(type: SurveyType, options: ExitQuestionnaireOptions = {}): Questionnaire {
  if (type === "exit") return exitQuestionnaire(options);
  return type === "csat" ? CSAT : NPS;
}
