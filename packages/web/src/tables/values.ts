import type { Language } from "../prefs/Language.ts";
import { humanize } from "./fields.ts";

type Words = { readonly en: string; readonly fa: string; readonly ar: string };
const w = (en: string, fa: string, ar: string): Words => ({ en, fa, ar });

/** The API's codes (classes, flags, statuses, strategies, …) in words, with why where it helps. */
const VALUES: Readonly<Record<string, Words>> = {
  retain_and_grow: w("Retain and grow", "حفظ و رشد", "الاحتفاظ والتنمية"),
  retain: w("Retain", "حفظ", "الاحتفاظ"),
  maintain_at_low_cost: w("Maintain at low cost", "نگه‌داری کم‌هزینه", "الإبقاء بتكلفة منخفضة"),
  let_go: w("Let go", "رها کردن", "التخلي"),
  costly_to_serve: w("Costly to serve", "پرهزینه برای خدمت", "مكلف الخدمة"),
  historical: w("Sales to date", "فروش تاکنون", "المبيعات حتى الآن"),
  clv: w("Predicted lifetime value", "ارزش طول عمر پیش‌بینی‌شده", "القيمة الدائمة المتوقعة"),
  profit_12m: w("Profit, last 12 months", "سود ۱۲ ماه اخیر", "ربح آخر ١٢ شهرًا"),
  sales_12m: w("Sales, last 12 months", "فروش ۱۲ ماه اخیر", "مبيعات آخر ١٢ شهرًا"),
  given: w("Given", "داده‌شده", "معطى"),
  active: w("Active", "فعال", "نشط"),
  at_risk: w("At risk", "در خطر", "معرّض للخطر"),
  defected: w("Defected", "ریزش‌کرده", "منقطع"),
  reactivated: w("Reactivated", "بازگشته", "عاد للنشاط"),
  open: w("Open", "باز", "مفتوح"),
  in_progress: w("In progress", "در جریان", "قيد العمل"),
  closed: w("Closed", "بسته", "مغلق"),
  saved: w("Saved", "حفظ شد", "تم الاحتفاظ"),
  lost: w("Lost", "از دست رفت", "فُقد"),
  unreachable: w("Unreachable", "در دسترس نبود", "تعذّر الوصول"),
  not_worth_retaining: w("Not worth retaining", "ارزش حفظ ندارد", "لا يستحق الاحتفاظ"),
  duplicate: w("Duplicate", "تکراری", "مكرر"),
  price: w("Price", "قیمت", "السعر"),
  competitor_offer: w("Competitor's offer", "پیشنهاد رقیب", "عرض منافس"),
  staff_behaviour: w("Staff behaviour", "رفتار کارکنان", "سلوك الموظفين"),
  service_quality: w("Service quality", "کیفیت خدمت", "جودة الخدمة"),
  product: w("Product", "محصول", "المنتج"),
  moved: w("Moved away", "نقل مکان", "انتقل"),
  no_longer_needs: w("No longer needs it", "دیگر نیاز ندارد", "لم يعد بحاجة"),
  payment_problem: w("Payment problem", "مشکل پرداخت", "مشكلة في الدفع"),
  other: w("Other", "سایر", "أخرى"),
  silence: w("Silent too long", "سکوت طولانی", "صمت طويل"),
  frequency_drop: w("Buying less often", "خرید کمتر", "شراء أقل"),
  spend_drop: w("Spending less", "هزینه کمتر", "إنفاق أقل"),
  p_alive: w("Low chance still active", "احتمال فعال بودن پایین", "احتمال نشاط منخفض"),
  treatment: w("Treatment", "گروه آزمون", "مجموعة المعالجة"),
  control: w("Control", "گروه کنترل", "مجموعة المقارنة"),
  random: w("Random", "تصادفی", "عشوائي"),
  stratified: w("Stratified", "لایه‌بندی‌شده", "طبقي"),
  raw: w("Customer retention", "نگهداشت مشتری", "الاحتفاظ بالعملاء"),
  raw_retention: w("Customer retention", "نگهداشت مشتری", "الاحتفاظ بالعملاء"),
  churn: w("Period churn", "ریزش دوره", "الانقطاع في الفترة"),
  defection_rate: w("Defected by rule", "ریزش طبق قاعده", "الانقطاع وفق القاعدة"),
  sales_adjusted: w("Sales-adjusted retention", "نگهداشت فروش", "الاحتفاظ بالمبيعات"),
  profit_adjusted: w("Profit-adjusted retention", "نگهداشت سود", "الاحتفاظ بالأرباح"),
  reason: w("Reason", "دلیل", "السبب"),
  segment: w("Segment", "بخش", "الشريحة"),
  country: w("Country", "کشور", "البلد"),
  branch: w("Branch", "شعبه", "الفرع"),
  channel: w("Channel", "کانال", "القناة"),
  tenure: w("Tenure", "سابقه", "مدة العلاقة"),
  exit: w("Exit", "خروج", "المغادرة"),
  csat: w("Satisfaction", "رضایت", "الرضا"),
  nps: w("Net promoter", "شاخص توصیه", "صافي المروّجين"),
  unresolved_complaint: w("Unresolved complaint", "شکایت حل‌نشده", "شكوى غير محلولة"),
  slow_resolution: w("Slow resolution", "رسیدگی کند", "حل بطيء"),
  customer_club: w("Customer club", "باشگاه مشتریان", "نادي العملاء"),
  loyalty_points: w("Loyalty points", "امتیاز وفاداری", "نقاط الولاء"),
  discount: w("Discount", "تخفیف", "خصم"),
  coupon: w("Coupon", "کوپن", "قسيمة"),
  lottery: w("Lottery", "قرعه‌کشی", "سحب"),
  vip_service: w("VIP service", "خدمت ویژه", "خدمة كبار العملاء"),
  free_tickets_or_gifts: w("Free tickets or gifts", "بلیت یا هدیهٔ رایگان", "تذاكر أو هدايا مجانية"),
  newsletter: w("Newsletter", "خبرنامه", "نشرة إخبارية"),
  personal_call: w("Personal call", "تماس شخصی", "اتصال شخصي"),
  sales_from_retained: w(
    "Sales from retained customers",
    "فروش از مشتریان ماندگار",
    "مبيعات العملاء المحتفظ بهم",
  ),
  new_to_retained: w("New customers who stayed", "مشتریان تازهٔ ماندگار", "العملاء الجدد الذين بقوا"),
  all: w("All customers", "همهٔ مشتریان", "كل العملاء"),
  true: w("Yes", "بله", "نعم"),
  false: w("No", "خیر", "لا"),
};

/** Why a chip is set, shown as its tooltip. */
const WHY: Readonly<Record<string, Words>> = {
  retain_and_grow: w(
    "High value and high volume: worth keeping and growing",
    "ارزش و حجم بالا: ارزش نگه‌داشتن و رشد دارد",
    "قيمة وحجم عاليان: يستحق الاحتفاظ والتنمية",
  ),
  retain: w("High value: worth keeping", "ارزش بالا: ارزش نگه‌داشتن دارد", "قيمة عالية: يستحق الاحتفاظ"),
  maintain_at_low_cost: w(
    "Lower value: keep, but at low cost",
    "ارزش کمتر: نگه دارید، با هزینه کم",
    "قيمة أقل: أبقِه بتكلفة منخفضة",
  ),
  let_go: w(
    "Low value and leaving: not worth a retention effort",
    "ارزش کم و در حال رفتن: ارزش تلاش ندارد",
    "قيمة منخفضة ومغادر: لا يستحق الجهد",
  ),
  costly_to_serve: w(
    "Many complaints or returns for the value",
    "شکایت یا مرجوعی زیاد نسبت به ارزش",
    "شكاوى أو مرتجعات كثيرة مقارنة بالقيمة",
  ),
  likelyToLeave: w(
    "Defects more often than the other customers",
    "بیش از سایر مشتریان ریزش دارد",
    "ينقطع أكثر من بقية العملاء",
  ),
  belowAverageValue: w(
    "Worth less on average than the other customers",
    "به‌طور میانگین کم‌ارزش‌تر از سایر مشتریان",
    "أقل قيمة في المتوسط من بقية العملاء",
  ),
  costlyAndLikelyToLeave: w(
    "Likely to leave and worth less: who not to attract",
    "در آستانه رفتن و کم‌ارزش: چه کسی را جذب نکنیم",
    "مرجّح أن يغادر وأقل قيمة: من لا نستقطب",
  ),
  highValue: w("In the top value band", "در رده ارزش بالا", "ضمن فئة القيمة العليا"),
  atRisk: w("At risk of leaving", "در خطر رفتن", "معرّض لخطر المغادرة"),
};

/** A code from the API in words; unknown codes are written as words, never as identifiers. */
export function valueLabel(value: string, language: Language): string {
  return VALUES[value]?.[language] ?? humanize(value);
}

/** Why a chip (a field or a code) is set, for its tooltip; undefined when there is nothing to add. */
export function whyOf(code: string, language: Language): string | undefined {
  return WHY[code]?.[language];
}

/** A server sentence with any code in it ("retain_and_grow: …") written as words. */
export function plainText(text: string, language: Language): string {
  return text.replace(/\b[a-z]+(?:_[a-z0-9]+)+\b|\b[a-z]+[A-Z][A-Za-z]*\b/g, (code) =>
    valueLabel(code, language),
  );
}
