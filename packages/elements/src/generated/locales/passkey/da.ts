// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `Tilbage`,
'passkey.cancelled': `Der blev ikke oprettet en adgangsnøgle: Anmodningen blev annulleret eller ikke bekræftet. Vælg Opret adgangsnøgle for at prøve igen.`,
'passkey.create': `Opret adgangsnøgle`,
'passkey.default-name': `Adgangsnøgle`,
'passkey.device-name': str`${0} på ${1}`,
'passkey.done': `Din adgangsnøgle er tilføjet`,
'passkey.exists': `Denne enhed har allerede en adgangsnøgle til din konto. Brug en anden enhed eller en sikkerhedsnøgle, eller vælg en anden metode.`,
'passkey.heading': `Opret en adgangsnøgle`,
'passkey.intro': `Med en adgangsnøgle logger du ind med dit ansigt, dit fingeraftryk eller din skærmlås. Den bliver på din enhed og kan ikke phishes.`,
'passkey.limit': `Du har allerede det højeste tilladte antal adgangsnøgler. Slet en, du ikke længere bruger, og tilføj derefter en ny.`,
'passkey.name-heading': `Navngiv din adgangsnøgle`,
'passkey.name-hint': `Op til 64 tegn.`,
'passkey.name-intro': `Din adgangsnøgle er klar. Et navn hjælper dig med at skelne den fra dine andre adgangsnøgler.`,
'passkey.name-invalid': `Angiv et navn på 1 til 64 tegn.`,
'passkey.name-label': `Adgangsnøglens navn`,
'passkey.not-supported': `Denne enhed kan ikke oprette en adgangsnøgle, som din organisation accepterer. Prøv en anden enhed eller en sikkerhedsnøgle.`,
'passkey.origin': `Der kan ikke oprettes adgangsnøgler på denne side. Kontakt din administrator.`,
'passkey.prompt': `Når du vælger Opret adgangsnøgle, beder din browser eller telefon dig om at bekræfte.`,
'passkey.refused': `Vi kunne ikke bekræfte din adgangsnøgle. Vælg Opret adgangsnøgle for at prøve igen.`,
'passkey.save': `Gem`,
'passkey.timeout': `Anmodningen tog for lang tid. Vælg Opret adgangsnøgle for at prøve igen.`,
'passkey.unsupported': `Denne browser kan ikke oprette adgangsnøgler. Brug en opdateret browser, eller vælg en anden metode.`,
'passkey.waiting': `Følg trinene i din browser…`
};
