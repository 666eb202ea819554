// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `رجوع`,
'passkey.cancelled': `لم يتم إنشاء مفتاح مرور: أُلغي الطلب أو لم يتم تأكيده. اختر "إنشاء مفتاح مرور" للمحاولة مرة أخرى.`,
'passkey.create': `إنشاء مفتاح مرور`,
'passkey.default-name': `مفتاح مرور`,
'passkey.device-name': str`${0} (${1})`,
'passkey.done': `تمت إضافة مفتاح المرور`,
'passkey.exists': `يحتوي هذا الجهاز بالفعل على مفتاح مرور لحسابك. استخدم جهازًا آخر أو مفتاح أمان، أو اختر طريقة أخرى.`,
'passkey.heading': `إنشاء مفتاح مرور`,
'passkey.intro': `يتيح لك مفتاح المرور تسجيل الدخول بوجهك أو بصمتك أو قفل الشاشة. يبقى على جهازك ولا يمكن سرقته بالتصيّد.`,
'passkey.limit': `لديك بالفعل الحد الأقصى المسموح به من مفاتيح المرور. احذف مفتاحًا لم تعد تستخدمه، ثم أضف مفتاحًا آخر.`,
'passkey.name-heading': `سمِّ مفتاح المرور`,
'passkey.name-hint': `حتى 64 حرفًا.`,
'passkey.name-intro': `مفتاح المرور جاهز. يساعدك الاسم على تمييزه عن مفاتيح المرور الأخرى.`,
'passkey.name-invalid': `أدخل اسمًا من 1 إلى 64 حرفًا.`,
'passkey.name-label': `اسم مفتاح المرور`,
'passkey.not-supported': `لا يمكن لهذا الجهاز إنشاء مفتاح مرور تقبله مؤسستك. جرّب جهازًا آخر أو مفتاح أمان.`,
'passkey.origin': `لا يمكن إنشاء مفاتيح مرور في هذه الصفحة. اتصل بالمسؤول.`,
'passkey.prompt': `عند اختيار "إنشاء مفتاح مرور"، سيطلب منك المتصفح أو الهاتف التأكيد.`,
'passkey.refused': `تعذّر التحقق من مفتاح المرور. اختر "إنشاء مفتاح مرور" للمحاولة مرة أخرى.`,
'passkey.save': `حفظ`,
'passkey.timeout': `انتهت مهلة الطلب. اختر "إنشاء مفتاح مرور" للمحاولة مرة أخرى.`,
'passkey.unsupported': `لا يمكن لهذا المتصفح إنشاء مفاتيح مرور. استخدم متصفحًا محدّثًا أو اختر طريقة أخرى.`,
'passkey.waiting': `اتبع الخطوات التي يعرضها المتصفح…`
};
