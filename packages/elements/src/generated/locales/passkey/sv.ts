// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `Tillbaka`,
'passkey.cancelled': `Ingen nyckel skapades: begäran avbröts eller bekräftades inte. Välj Skapa nyckel för att försöka igen.`,
'passkey.create': `Skapa nyckel`,
'passkey.default-name': `Nyckel`,
'passkey.device-name': str`${0} på ${1}`,
'passkey.done': `Din nyckel har lagts till`,
'passkey.exists': `Den här enheten har redan en nyckel för ditt konto. Använd en annan enhet eller en säkerhetsnyckel, eller välj en annan metod.`,
'passkey.heading': `Skapa en nyckel`,
'passkey.intro': `Med en nyckel loggar du in med ansiktet, fingeravtrycket eller skärmlåset. Den stannar på din enhet och kan inte nätfiskas.`,
'passkey.limit': `Du har redan det högsta tillåtna antalet nycklar. Ta bort en som du inte längre använder och lägg sedan till en ny.`,
'passkey.name-heading': `Namnge din nyckel`,
'passkey.name-hint': `Högst 64 tecken.`,
'passkey.name-intro': `Din nyckel är klar. Ett namn hjälper dig att skilja den från dina andra nycklar.`,
'passkey.name-invalid': `Ange ett namn på 1 till 64 tecken.`,
'passkey.name-label': `Nyckelns namn`,
'passkey.not-supported': `Den här enheten kan inte skapa en nyckel som din organisation godkänner. Prova en annan enhet eller en säkerhetsnyckel.`,
'passkey.origin': `Det går inte att skapa nycklar på den här sidan. Kontakta din administratör.`,
'passkey.prompt': `När du väljer Skapa nyckel ber webbläsaren eller telefonen dig att bekräfta.`,
'passkey.refused': `Vi kunde inte verifiera din nyckel. Välj Skapa nyckel för att försöka igen.`,
'passkey.save': `Spara`,
'passkey.timeout': `Begäran tog för lång tid. Välj Skapa nyckel för att försöka igen.`,
'passkey.unsupported': `Den här webbläsaren kan inte skapa nycklar. Använd en uppdaterad webbläsare eller välj en annan metod.`,
'passkey.waiting': `Följ stegen som webbläsaren visar …`
};
