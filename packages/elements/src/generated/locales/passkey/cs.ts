// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `Zpět`,
'passkey.cancelled': `Přístupový klíč nebyl vytvořen: žádost byla zrušena nebo nepotvrzena. Zkuste to znovu výběrem Vytvořit přístupový klíč.`,
'passkey.create': `Vytvořit přístupový klíč`,
'passkey.default-name': `Přístupový klíč`,
'passkey.device-name': str`${0} (${1})`,
'passkey.done': `Přístupový klíč byl přidán`,
'passkey.exists': `Toto zařízení už má přístupový klíč k vašemu účtu. Použijte jiné zařízení nebo bezpečnostní klíč, nebo zvolte jinou metodu.`,
'passkey.heading': `Vytvořte přístupový klíč`,
'passkey.intro': `S přístupovým klíčem se přihlásíte obličejem, otiskem prstu nebo zámkem obrazovky. Zůstává ve vašem zařízení a nelze ho získat phishingem.`,
'passkey.limit': `Už máte nejvyšší povolený počet přístupových klíčů. Odstraňte klíč, který už nepoužíváte, a pak přidejte nový.`,
'passkey.name-heading': `Pojmenujte přístupový klíč`,
'passkey.name-hint': `Nejvýše 64 znaků.`,
'passkey.name-intro': `Váš přístupový klíč je připraven. Podle názvu ho rozeznáte od ostatních.`,
'passkey.name-invalid': `Zadejte název o délce 1 až 64 znaků.`,
'passkey.name-label': `Název přístupového klíče`,
'passkey.not-supported': `Toto zařízení neumí vytvořit přístupový klíč, který vaše organizace přijímá. Zkuste jiné zařízení nebo bezpečnostní klíč.`,
'passkey.origin': `Na této stránce nelze vytvářet přístupové klíče. Obraťte se na správce.`,
'passkey.prompt': `Když vyberete Vytvořit přístupový klíč, prohlížeč nebo telefon vás požádá o potvrzení.`,
'passkey.refused': `Váš přístupový klíč se nepodařilo ověřit. Zkuste to znovu výběrem Vytvořit přístupový klíč.`,
'passkey.save': `Uložit`,
'passkey.timeout': `Vypršel časový limit žádosti. Zkuste to znovu výběrem Vytvořit přístupový klíč.`,
'passkey.unsupported': `Tento prohlížeč neumí vytvářet přístupové klíče. Použijte aktuální prohlížeč nebo zvolte jinou metodu.`,
'passkey.waiting': `Postupujte podle pokynů prohlížeče…`
};
