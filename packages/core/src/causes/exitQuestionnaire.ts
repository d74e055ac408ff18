import { DEFAULT_EXIT_REASONS } from "../defection/worklistTaxonomy.ts";
import type { Localised, Questionnaire, SurveyOption, SurveyQuestion } from "./SurveyQuestion.ts";

/** Labels and concrete follow-ups of the default exit reasons (the worklist's taxonomy). */
const REASONS: Readonly<Record<string, { label: Localised; followUp: Localised }>> = {
  price: {
    label: { en: "Price", fa: "قیمت", ar: "السعر" },
    followUp: {
      en: "Which products or charges felt too expensive, and compared with what?",
      fa: "کدام محصول یا هزینه به نظرتان گران بود، و در مقایسه با چه؟",
      ar: "ما المنتج أو الرسوم التي وجدتها مرتفعة، ومقارنةً بماذا؟",
    },
  },
  competitor_offer: {
    label: { en: "A competitor's offer", fa: "پیشنهاد یک رقیب", ar: "عرض من منافس" },
    followUp: {
      en: "Which competitor, and what did they offer?",
      fa: "کدام رقیب، و چه پیشنهادی به شما داد؟",
      ar: "أي منافس، وماذا عرض عليك؟",
    },
  },
  staff_behaviour: {
    label: { en: "Staff behaviour", fa: "رفتار کارکنان", ar: "سلوك الموظفين" },
    followUp: {
      en: "What happened, when, and at which branch or with whom?",
      fa: "چه اتفاقی افتاد، چه زمانی، و در کدام شعبه یا با چه کسی؟",
      ar: "ماذا حدث، ومتى، وفي أي فرع أو مع من؟",
    },
  },
  service_quality: {
    label: { en: "Quality of service", fa: "کیفیت خدمات", ar: "جودة الخدمة" },
    followUp: {
      en: "Which part of the service let you down (waiting time, errors, delivery, …), and when did it happen?",
      fa: "کدام بخش خدمات ما ناامیدتان کرد (زمان انتظار، اشتباه، تحویل، …) و چه زمانی رخ داد؟",
      ar: "أي جزء من الخدمة خيّب ظنك (وقت الانتظار، الأخطاء، التوصيل، …) ومتى حدث ذلك؟",
    },
  },
  product: {
    label: { en: "The product", fa: "محصول", ar: "المنتج" },
    followUp: {
      en: "Which product or feature did not meet your needs, and what was missing?",
      fa: "کدام محصول یا ویژگی نیازتان را برآورده نکرد و چه چیزی کم بود؟",
      ar: "أي منتج أو ميزة لم تلبِّ حاجتك، وما الذي كان ينقصه؟",
    },
  },
  moved: {
    label: { en: "I moved away", fa: "نقل مکان کردم", ar: "انتقلت إلى مكان آخر" },
    followUp: {
      en: "Where did you move to? Would you have stayed if we served that area?",
      fa: "به کجا نقل مکان کردید؟ اگر در آنجا خدمت‌رسانی می‌کردیم، با ما می‌ماندید؟",
      ar: "إلى أين انتقلت؟ هل كنت ستبقى معنا لو قدّمنا خدماتنا هناك؟",
    },
  },
  no_longer_needs: {
    label: { en: "I no longer need it", fa: "دیگر به آن نیازی ندارم", ar: "لم أعد بحاجة إليه" },
    followUp: {
      en: "What changed, so that you no longer need it?",
      fa: "چه چیزی تغییر کرد که دیگر به آن نیاز ندارید؟",
      ar: "ما الذي تغيّر حتى لم تعد بحاجة إليه؟",
    },
  },
  payment_problem: {
    label: { en: "A problem with paying", fa: "مشکل پرداخت", ar: "مشكلة في الدفع" },
    followUp: {
      en: "What went wrong with paying (a declined card, a billing error, a payment method we do not offer)?",
      fa: "در پرداخت چه مشکلی پیش آمد (رد شدن کارت، اشتباه در صورت‌حساب، نبودن روش پرداخت دلخواه)؟",
      ar: "ما الذي حدث عند الدفع (رفض البطاقة، خطأ في الفاتورة، عدم توفر طريقة الدفع المناسبة)؟",
    },
  },
  other: {
    label: { en: "Another reason", fa: "دلیل دیگر", ar: "سبب آخر" },
    followUp: {
      en: "Please tell us in your own words why you left.",
      fa: "لطفاً با کلمات خودتان بگویید چرا ما را ترک کردید.",
      ar: "من فضلك أخبرنا بكلماتك لماذا غادرتنا.",
    },
  },
};

const GENERIC_FOLLOW_UP: Localised = {
  en: "Please tell us more about this reason: what happened, and when?",
  fa: "لطفاً دربارهٔ این دلیل بیشتر بگویید: چه اتفاقی افتاد و چه زمانی؟",
  ar: "من فضلك أخبرنا المزيد عن هذا السبب: ماذا حدث ومتى؟",
};

/** Options of `exitQuestionnaire`. */
export interface ExitQuestionnaireOptions {
  /** The business's exit-reason taxonomy, shared with the worklist; default `DEFAULT_EXIT_REASONS`. */
  readonly reasons?: readonly string[];
  /** Labels and follow-ups of reasons outside the default taxonomy; default the code and a generic follow-up. */
  readonly custom?: Readonly<Record<string, { label: Localised; followUp?: Localised }>>;
}

/**
 * The exit questionnaire, built on the sources' advice (seeds/000, 004): ask *why* the customer
 * left, specifically — one main reason from the same taxonomy the worklist records, then a concrete
 * follow-up for that reason ("Which competitor, and what did they offer?"), the event that tipped the
 * decision, whether the customer told us first (most defectors never complain), and what would have
 * kept them. No generic "how satisfied were you" score: satisfied customers defect too, and a score
 * names no cause to fix. Question ids are the same in every language; reason answers are the
 * taxonomy codes, so exit surveys and worklist contacts are counted together.
 *
 * @example
 * exitQuestionnaire().questions.map((q) => q.id);
 * // ["exit_reason", "exit_price_detail", …, "exit_last_straw", "exit_told_us", "exit_win_back", "exit_contact_ok"]
 */
export function exitQuestionnaire(options: ExitQuestionnaireOptions = {}): Questionnaire {
  const reasons = options.reasons ?? DEFAULT_EXIT_REASONS;
  const options_: SurveyOption[] = [];
  const followUps: SurveyQuestion[] = [];
  for (const code of reasons) {
    const known = options.custom?.[code] ?? REASONS[code];
    const label = known?.label ?? { en: code, fa: code, ar: code };
    const id = `exit_${code}_detail`;
    options_.push({ code, label, followUp: id });
    followUps.push({
      id,
      kind: "text",
      text: known?.followUp ?? GENERIC_FOLLOW_UP,
      required: false,
      when: { question: "exit_reason", answer: code },
    });
  }
  return {
    type: "exit",
    title: { en: "Why did you leave?", fa: "چرا ما را ترک کردید؟", ar: "لماذا غادرتنا؟" },
    intro: {
      en: "Thank you for a few minutes of your time. We want to know exactly why you left, so we can fix it for others.",
      fa: "از اینکه چند دقیقه وقت می‌گذارید سپاسگزاریم. می‌خواهیم دقیقاً بدانیم چرا ما را ترک کردید تا همین مشکل را برای دیگران رفع کنیم.",
      ar: "شكرًا لمنحنا بضع دقائق. نريد أن نعرف بالضبط لماذا غادرتنا حتى نعالج المشكلة نفسها لغيرك.",
    },
    questions: [
      {
        id: "exit_reason",
        kind: "choice",
        required: true,
        text: {
          en: "What is the main reason you stopped buying from us (or closed your account)?",
          fa: "اصلی‌ترین دلیلی که دیگر از ما خرید نمی‌کنید (یا حسابتان را بستید) چیست؟",
          ar: "ما السبب الرئيسي لتوقفك عن الشراء منا (أو إغلاق حسابك)؟",
        },
        options: options_,
      },
      ...followUps,
      {
        id: "exit_last_straw",
        kind: "text",
        required: false,
        text: {
          en: "Was there a particular moment or event that made you decide to leave? When was it?",
          fa: "آیا اتفاق یا لحظهٔ مشخصی بود که تصمیم به رفتن گرفتید؟ چه زمانی؟",
          ar: "هل كانت هناك لحظة أو حادثة محددة جعلتك تقرر المغادرة؟ متى كانت؟",
        },
      },
      {
        id: "exit_told_us",
        kind: "choice",
        required: false,
        text: {
          en: "Did you tell us about the problem before you left?",
          fa: "آیا پیش از رفتن، مشکل را با ما در میان گذاشتید؟",
          ar: "هل أخبرتنا بالمشكلة قبل أن تغادر؟",
        },
        options: [
          {
            code: "yes_resolved",
            label: { en: "Yes, and it was resolved", fa: "بله، و حل شد", ar: "نعم، وتم حلها" },
          },
          {
            code: "yes_unresolved",
            label: { en: "Yes, but it was not resolved", fa: "بله، اما حل نشد", ar: "نعم، لكنها لم تُحل" },
          },
          { code: "no", label: { en: "No", fa: "نه", ar: "لا" } },
        ],
      },
      {
        id: "exit_win_back",
        kind: "text",
        required: false,
        text: {
          en: "What would we have needed to do to keep you — and what would bring you back?",
          fa: "چه کاری باید می‌کردیم تا بمانید، و چه چیزی شما را برمی‌گرداند؟",
          ar: "ما الذي كان علينا فعله لنبقيك معنا، وما الذي قد يعيدك إلينا؟",
        },
      },
      {
        id: "exit_contact_ok",
        kind: "choice",
        required: false,
        text: {
          en: "May we contact you about your answers?",
          fa: "اجازه می‌دهید دربارهٔ پاسخ‌هایتان با شما تماس بگیریم؟",
          ar: "هل تسمح لنا بالتواصل معك بشأن إجاباتك؟",
        },
        options: [
          { code: "yes", label: { en: "Yes", fa: "بله", ar: "نعم" } },
          { code: "no", label: { en: "No", fa: "نه", ar: "لا" } },
        ],
      },
    ],
  };
}
