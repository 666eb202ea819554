// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `Tilbake`,
'passkey.cancelled': `Ingen passnøkkel ble opprettet: Forespørselen ble avbrutt eller ikke bekreftet. Velg Opprett passnøkkel for å prøve igjen.`,
'passkey.create': `Opprett passnøkkel`,
'passkey.default-name': `Passnøkkel`,
'passkey.device-name': str`${0} på ${1}`,
'passkey.done': `Passnøkkelen din er lagt til`,
'passkey.exists': `Denne enheten har allerede en passnøkkel for kontoen din. Bruk en annen enhet eller en sikkerhetsnøkkel, eller velg en annen metode.`,
'passkey.heading': `Opprett en passnøkkel`,
'passkey.intro': `Med en passnøkkel logger du på med ansiktet, fingeravtrykket eller skjermlåsen. Den blir på enheten din og kan ikke phishes.`,
'passkey.limit': `Du har allerede det høyeste tillatte antallet passnøkler. Slett en du ikke lenger bruker, og legg deretter til en ny.`,
'passkey.name-heading': `Gi passnøkkelen et navn`,
'passkey.name-hint': `Opptil 64 tegn.`,
'passkey.name-intro': `Passnøkkelen din er klar. Et navn hjelper deg å skille den fra de andre passnøklene dine.`,
'passkey.name-invalid': `Skriv inn et navn på 1 til 64 tegn.`,
'passkey.name-label': `Navn på passnøkkelen`,
'passkey.not-supported': `Denne enheten kan ikke opprette en passnøkkel som organisasjonen din godtar. Prøv en annen enhet eller en sikkerhetsnøkkel.`,
'passkey.origin': `Passnøkler kan ikke opprettes på denne siden. Kontakt administratoren.`,
'passkey.prompt': `Når du velger Opprett passnøkkel, ber nettleseren eller telefonen deg om å bekrefte.`,
'passkey.refused': `Vi kunne ikke bekrefte passnøkkelen din. Velg Opprett passnøkkel for å prøve igjen.`,
'passkey.save': `Lagre`,
'passkey.timeout': `Forespørselen tok for lang tid. Velg Opprett passnøkkel for å prøve igjen.`,
'passkey.unsupported': `Denne nettleseren kan ikke opprette passnøkler. Bruk en oppdatert nettleser, eller velg en annen metode.`,
'passkey.waiting': `Følg trinnene nettleseren viser …`
};
