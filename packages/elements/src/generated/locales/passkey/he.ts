// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `חזרה`,
'passkey.cancelled': `לא נוצר מפתח גישה: הבקשה בוטלה או לא אושרה. כדי לנסות שוב יש לבחור "יצירת מפתח גישה".`,
'passkey.create': `יצירת מפתח גישה`,
'passkey.default-name': `מפתח גישה`,
'passkey.device-name': str`${0} (${1})`,
'passkey.done': `מפתח הגישה נוסף`,
'passkey.exists': `במכשיר הזה כבר יש מפתח גישה לחשבון. יש להשתמש במכשיר אחר או במפתח אבטחה, או לבחור שיטה אחרת.`,
'passkey.heading': `יצירת מפתח גישה`,
'passkey.intro': `מפתח גישה מאפשר להיכנס באמצעות הפנים, טביעת האצבע או נעילת המסך. הוא נשאר במכשיר ואי אפשר לגנוב אותו בדיוג.`,
'passkey.limit': `כבר הגעת למספר המרבי המותר של מפתחות גישה. יש למחוק מפתח שכבר לא בשימוש, ואז להוסיף מפתח חדש.`,
'passkey.name-heading': `מתן שם למפתח הגישה`,
'passkey.name-hint': `עד 64 תווים.`,
'passkey.name-intro': `מפתח הגישה מוכן. שם יעזור להבחין בינו לבין מפתחות הגישה האחרים.`,
'passkey.name-invalid': `יש להזין שם באורך 1 עד 64 תווים.`,
'passkey.name-label': `שם מפתח הגישה`,
'passkey.not-supported': `המכשיר הזה לא יכול ליצור מפתח גישה שהארגון מקבל. יש לנסות מכשיר אחר או מפתח אבטחה.`,
'passkey.origin': `אי אפשר ליצור מפתחות גישה בדף הזה. יש לפנות למנהל המערכת.`,
'passkey.prompt': `לאחר בחירה ב"יצירת מפתח גישה", הדפדפן או הטלפון יבקשו אישור.`,
'passkey.refused': `לא הצלחנו לאמת את מפתח הגישה. כדי לנסות שוב יש לבחור "יצירת מפתח גישה".`,
'passkey.save': `שמירה`,
'passkey.timeout': `תם הזמן הקצוב לבקשה. כדי לנסות שוב יש לבחור "יצירת מפתח גישה".`,
'passkey.unsupported': `הדפדפן הזה לא יכול ליצור מפתחות גישה. יש להשתמש בדפדפן מעודכן או לבחור שיטה אחרת.`,
'passkey.waiting': `יש לבצע את השלבים שהדפדפן מציג…`
};
