// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `Takaisin`,
'passkey.cancelled': `Pääsyavainta ei luotu: pyyntö peruttiin tai sitä ei vahvistettu. Yritä uudelleen valitsemalla Luo pääsyavain.`,
'passkey.create': `Luo pääsyavain`,
'passkey.default-name': `Pääsyavain`,
'passkey.device-name': str`${0} (${1})`,
'passkey.done': `Pääsyavaimesi lisättiin`,
'passkey.exists': `Tällä laitteella on jo pääsyavain tilillesi. Käytä toista laitetta tai suojausavainta tai valitse toinen menetelmä.`,
'passkey.heading': `Luo pääsyavain`,
'passkey.intro': `Pääsyavaimella kirjaudut sisään kasvoillasi, sormenjäljelläsi tai näytön lukituksella. Se pysyy laitteellasi, eikä sitä voi kalastella.`,
'passkey.limit': `Sinulla on jo suurin sallittu määrä pääsyavaimia. Poista jokin, jota et enää käytä, ja lisää sitten uusi.`,
'passkey.name-heading': `Nimeä pääsyavain`,
'passkey.name-hint': `Enintään 64 merkkiä.`,
'passkey.name-intro': `Pääsyavaimesi on valmis. Nimen avulla erotat sen muista pääsyavaimistasi.`,
'passkey.name-invalid': `Anna nimi, jossa on 1–64 merkkiä.`,
'passkey.name-label': `Pääsyavaimen nimi`,
'passkey.not-supported': `Tällä laitteella ei voi luoda organisaatiosi hyväksymää pääsyavainta. Kokeile toista laitetta tai suojausavainta.`,
'passkey.origin': `Tällä sivulla ei voi luoda pääsyavaimia. Ota yhteyttä järjestelmänvalvojaan.`,
'passkey.prompt': `Kun valitset Luo pääsyavain, selain tai puhelin pyytää sinua vahvistamaan.`,
'passkey.refused': `Pääsyavaintasi ei voitu vahvistaa. Yritä uudelleen valitsemalla Luo pääsyavain.`,
'passkey.save': `Tallenna`,
'passkey.timeout': `Pyyntö aikakatkaistiin. Yritä uudelleen valitsemalla Luo pääsyavain.`,
'passkey.unsupported': `Tällä selaimella ei voi luoda pääsyavaimia. Käytä ajantasaista selainta tai valitse toinen menetelmä.`,
'passkey.waiting': `Noudata selaimen näyttämiä ohjeita…`
};
