import type { Language } from "../prefs/Language.ts";

/** How a field's value is shown. */
export type FieldKind = "number" | "percent" | "money" | "date" | "label" | "text" | "chip" | "ratio";

interface FieldSpec {
  readonly kind: FieldKind;
  readonly en: string;
  readonly fa: string;
  readonly ar: string;
}

const f = (kind: FieldKind, en: string, fa: string, ar: string): FieldSpec => ({ kind, en, fa, ar });

/**
 * The typed columns of the API's lists: each field the API returns, its header in English,
 * Persian and Arabic, and how its value is shown. Tables never show a raw field name.
 */
export const FIELDS: Readonly<Record<string, FieldSpec>> = {
  id: f("label", "Id", "شناسه", "المعرّف"),
  name: f("text", "Name", "نام", "الاسم"),
  group: f("label", "Group", "گروه", "المجموعة"),
  dimension: f("chip", "Described by", "ویژگی", "الخاصية"),
  level: f("chip", "Level", "سطح", "المستوى"),
  reason: f("text", "Reason", "دلیل", "السبب"),
  category: f("chip", "Category", "دسته", "الفئة"),
  customers: f("number", "Customers", "مشتریان", "العملاء"),
  customer_id: f("label", "Customer", "مشتری", "العميل"),
  customerId: f("label", "Customer", "مشتری", "العميل"),
  customersWith: f("number", "Customers with it", "مشتریان دارای آن", "العملاء الذين لديهم"),
  customersWithout: f("number", "Customers without it", "مشتریان بدون آن", "العملاء بدونه"),
  customersAtStart: f("number", "Customers at start", "مشتریان در آغاز", "العملاء في البداية"),
  defected: f("number", "Defected", "ریزش‌کرده", "المنقطعون"),
  defectors: f("number", "Defectors", "ریزش‌کنندگان", "المنقطعون"),
  rate: f("percent", "Defection rate", "نرخ ریزش", "معدل الانقطاع"),
  rateWith: f("percent", "Defection with it", "ریزش با آن", "الانقطاع معه"),
  rateWithout: f("percent", "Defection without it", "ریزش بدون آن", "الانقطاع بدونه"),
  restCustomers: f("number", "Other customers", "سایر مشتریان", "العملاء الآخرون"),
  restRate: f("percent", "Defection of the others", "ریزش سایرین", "انقطاع الآخرين"),
  restMeanValue: f("money", "Mean value of the others", "میانگین ارزش سایرین", "متوسط قيمة الآخرين"),
  meanValue: f("money", "Mean value", "میانگین ارزش", "متوسط القيمة"),
  meanProfit: f("money", "Mean profit", "میانگین سود", "متوسط الربح"),
  relativeRisk: f("ratio", "Relative risk", "ریسک نسبی", "الخطر النسبي"),
  oddsRatio: f("ratio", "Adjusted odds ratio", "نسبت شانس تعدیل‌شده", "نسبة الأرجحية المعدلة"),
  valueLost: f("money", "Value lost", "ارزش ازدست‌رفته", "القيمة المفقودة"),
  valueAtStake: f("money", "Value at stake", "ارزش در خطر", "القيمة المعرضة للخطر"),
  value_at_stake: f("money", "Value at stake", "ارزش در خطر", "القيمة المعرضة للخطر"),
  value: f("money", "Value", "ارزش", "القيمة"),
  share: f("percent", "Share", "سهم", "الحصة"),
  valueShare: f("percent", "Share of value", "سهم ارزش", "حصة القيمة"),
  sentence: f("text", "In words", "به زبان ساده", "بعبارة بسيطة"),
  explanation: f("text", "Why", "چرا", "لماذا"),
  likelyToLeave: f("chip", "Likely to leave", "احتمال رفتن", "مرجّح أن يغادر"),
  belowAverageValue: f("chip", "Below-average value", "ارزش کمتر از میانگین", "قيمة دون المتوسط"),
  costlyAndLikelyToLeave: f(
    "chip",
    "Costly and likely to leave",
    "پرهزینه و در آستانه رفتن",
    "مكلف ومرجّح أن يغادر",
  ),
  class: f("chip", "Class", "رده", "الفئة"),
  gridClass: f("chip", "Value-volume class", "رده ارزش و حجم", "فئة القيمة والحجم"),
  valueBasis: f("chip", "Value from", "مبنای ارزش", "أساس القيمة"),
  valueTopShare: f(
    "percent",
    "Value rank (top share)",
    "رتبه ارزش (سهم برتر)",
    "ترتيب القيمة (الحصة العليا)",
  ),
  valueToTopShare: f(
    "percent",
    "Value rank (top share)",
    "رتبه ارزش (سهم برتر)",
    "ترتيب القيمة (الحصة العليا)",
  ),
  highValue: f("chip", "High value", "ارزش بالا", "قيمة عالية"),
  atRisk: f("chip", "At risk", "در خطر", "معرّض للخطر"),
  flags: f("chip", "Flags", "نشانه‌ها", "العلامات"),
  lifetimeValue: f("money", "Lifetime value", "ارزش طول عمر", "القيمة الدائمة"),
  metric: f("chip", "Measure", "شاخص", "المقياس"),
  scope: f("chip", "Scope", "دامنه", "النطاق"),
  goal: f("percent", "Goal", "هدف", "الهدف"),
  baseline: f("percent", "Baseline", "مبنا", "خط الأساس"),
  current: f("percent", "Now", "اکنون", "الآن"),
  progress: f("percent", "Progress", "پیشرفت", "التقدّم"),
  deadline: f("date", "Deadline", "مهلت", "الموعد النهائي"),
  start: f("date", "Start", "آغاز", "البداية"),
  starts_at: f("date", "Start", "آغاز", "البداية"),
  ends_at: f("date", "End", "پایان", "النهاية"),
  startsAt: f("date", "Start", "آغاز", "البداية"),
  endsAt: f("date", "End", "پایان", "النهاية"),
  asOf: f("date", "As of", "تا تاریخ", "حتى تاريخ"),
  end: f("date", "End", "پایان", "النهاية"),
  created_at: f("date", "Created", "ایجاد", "أُنشئ"),
  closed_at: f("date", "Closed", "بسته‌شده", "أُغلق"),
  occurred_at: f("date", "Date", "تاریخ", "التاريخ"),
  contacted_at: f("date", "Contacted", "تماس", "تم الاتصال"),
  follow_up_at: f("date", "Follow up", "پیگیری", "المتابعة"),
  resolved_at: f("date", "Resolved", "حل‌شده", "حُلّت"),
  answered_at: f("date", "Answered", "پاسخ", "أُجيب"),
  assigned_at: f("date", "Assigned", "تخصیص", "خُصّص"),
  strategy: f("chip", "Strategy", "راهبرد", "الاستراتيجية"),
  control_share: f("percent", "Control group", "گروه کنترل", "مجموعة المقارنة"),
  controlShare: f("percent", "Control group", "گروه کنترل", "مجموعة المقارنة"),
  arm: f("chip", "Arm", "شاخه", "الذراع"),
  segment: f("label", "Segment", "بخش", "الشريحة"),
  branch: f("label", "Branch", "شعبه", "الفرع"),
  country: f("label", "Country", "کشور", "البلد"),
  channel: f("label", "Channel", "کانال", "القناة"),
  status: f("chip", "Status", "وضعیت", "الحالة"),
  state: f("chip", "State", "حالت", "الحالة"),
  priority: f("number", "Priority", "اولویت", "الأولوية"),
  owner: f("label", "Owner", "مسئول", "المسؤول"),
  account_owner: f("label", "Account owner", "مدیر حساب", "مدير الحساب"),
  outcome: f("chip", "Outcome", "نتیجه", "النتيجة"),
  exit_reason: f("chip", "Exit reason", "دلیل رفتن", "سبب المغادرة"),
  note: f("text", "Note", "یادداشت", "ملاحظة"),
  employee: f("label", "Employee", "کارمند", "الموظف"),
  alert_id: f("label", "Alert", "هشدار", "التنبيه"),
  closed_reason: f("chip", "Closed because", "علت بستن", "سبب الإغلاق"),
  p_alive: f("percent", "Chance still active", "احتمال فعال بودن", "احتمال النشاط"),
  amount: f("money", "Amount", "مبلغ", "المبلغ"),
  cost: f("money", "Cost", "هزینه", "التكلفة"),
  quantity: f("number", "Quantity", "تعداد", "الكمية"),
  product: f("label", "Product", "محصول", "المنتج"),
  product_id: f("label", "Product", "محصول", "المنتج"),
  description: f("text", "Description", "شرح", "الوصف"),
  invoice: f("label", "Invoice", "فاکتور", "الفاتورة"),
  discount: f("money", "Discount", "تخفیف", "الخصم"),
  severity: f("chip", "Severity", "شدت", "الشدة"),
  resolved: f("chip", "Resolved", "حل‌شده", "محلولة"),
  survey: f("chip", "Survey", "نظرسنجی", "الاستبيان"),
  question: f("text", "Question", "پرسش", "السؤال"),
  answer: f("text", "Answer", "پاسخ", "الإجابة"),
  score: f("number", "Score", "امتیاز", "الدرجة"),
  campaign_id: f("label", "Campaign", "کمپین", "الحملة"),
  antecedent: f("chip", "Bought", "خریده‌شده", "المشترى"),
  consequent: f("chip", "Then also", "سپس", "ثم أيضًا"),
  count: f("number", "Baskets", "سبدها", "السلال"),
  support: f("percent", "Support", "پشتیبانی", "الدعم"),
  confidence: f("percent", "Confidence", "اطمینان", "الثقة"),
  lift: f("ratio", "Lift", "بالابری", "الرفع"),
  members: f("number", "Members", "اعضا", "الأعضاء"),
  size: f("number", "Size", "اندازه", "الحجم"),
  rules: f("text", "Rule", "قاعده", "القاعدة"),
  definition: f("text", "Definition", "تعریف", "التعريف"),
  sales: f("money", "Sales", "فروش", "المبيعات"),
  net_sales: f("money", "Net sales", "فروش خالص", "صافي المبيعات"),
  orders: f("number", "Orders", "سفارش‌ها", "الطلبات"),
  recency: f("number", "Days since last purchase", "روز از آخرین خرید", "أيام منذ آخر شراء"),
  frequency: f("number", "Purchases", "خریدها", "المشتريات"),
  monetary: f("money", "Spend", "هزینه‌کرد", "الإنفاق"),
  first_purchase: f("date", "First purchase", "نخستین خرید", "أول شراء"),
  last_purchase: f("date", "Last purchase", "آخرین خرید", "آخر شراء"),
  period: f("label", "Period", "دوره", "الفترة"),
  trend: f("percent", "Change", "تغییر", "التغيّر"),
  low: f("percent", "Low (95%)", "کران پایین (۹۵٪)", "الحد الأدنى (٩٥٪)"),
  high: f("percent", "High (95%)", "کران بالا (۹۵٪)", "الحد الأعلى (٩٥٪)"),
  label: f("text", "Who they are", "چه کسانی‌اند", "من هم"),
  sales12m: f("money", "Sales, last 12 months", "فروش ۱۲ ماه اخیر", "مبيعات آخر ١٢ شهرًا"),
  questionnaireReason: f("chip", "Reason as asked", "دلیل در پرسشنامه", "السبب كما في الاستبيان"),
  sales_share: f("percent", "Share of sales", "سهم فروش", "حصة المبيعات"),
  recency_days: f("number", "Days since last purchase", "روز از آخرین خرید", "أيام منذ آخر شراء"),
  rule: f("chip", "Rule", "قاعده", "القاعدة"),
  uplift: f("percent", "Uplift", "اثر افزوده", "الأثر الإضافي"),
  roi: f("ratio", "Return on investment", "بازده سرمایه", "العائد على الاستثمار"),
};

/** A field name as words, for a field the dictionary does not know yet ("rateLow" → "rate low"). */
export function humanize(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replaceAll("_", " ")
    .toLowerCase();
}

/** The header of a field in a language. */
export function fieldHeader(key: string, language: Language): string {
  const spec = FIELDS[key];
  return spec === undefined ? humanize(key) : spec[language];
}

/** How a field is shown, when the dictionary knows it. */
export function fieldKind(key: string): FieldKind | undefined {
  return FIELDS[key]?.kind;
}
