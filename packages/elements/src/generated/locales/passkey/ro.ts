// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `Înapoi`,
'passkey.cancelled': `Nu s-a creat nicio cheie de acces: solicitarea a fost anulată sau neconfirmată. Selectați Creați cheia de acces pentru a încerca din nou.`,
'passkey.create': `Creați cheia de acces`,
'passkey.default-name': `Cheie de acces`,
'passkey.device-name': str`${0} (${1})`,
'passkey.done': `Cheia de acces a fost adăugată`,
'passkey.exists': `Acest dispozitiv are deja o cheie de acces pentru contul dvs. Folosiți alt dispozitiv sau o cheie de securitate ori alegeți altă metodă.`,
'passkey.heading': `Creați o cheie de acces`,
'passkey.intro': `Cu o cheie de acces vă conectați cu fața, amprenta sau blocarea ecranului. Rămâne pe dispozitivul dvs. și nu poate fi furată prin phishing.`,
'passkey.limit': `Aveți deja numărul maxim permis de chei de acces. Ștergeți una pe care nu o mai folosiți, apoi adăugați alta.`,
'passkey.name-heading': `Denumiți cheia de acces`,
'passkey.name-hint': `Maximum 64 de caractere.`,
'passkey.name-intro': `Cheia de acces este gata. Un nume vă ajută să o deosebiți de celelalte chei de acces.`,
'passkey.name-invalid': `Introduceți un nume de 1–64 de caractere.`,
'passkey.name-label': `Numele cheii de acces`,
'passkey.not-supported': `Acest dispozitiv nu poate crea o cheie de acces acceptată de organizația dvs. Încercați alt dispozitiv sau o cheie de securitate.`,
'passkey.origin': `Pe această pagină nu se pot crea chei de acces. Contactați administratorul.`,
'passkey.prompt': `Când selectați Creați cheia de acces, browserul sau telefonul vă va cere să confirmați.`,
'passkey.refused': `Nu am putut verifica cheia de acces. Selectați Creați cheia de acces pentru a încerca din nou.`,
'passkey.save': `Salvați`,
'passkey.timeout': `Solicitarea a expirat. Selectați Creați cheia de acces pentru a încerca din nou.`,
'passkey.unsupported': `Acest browser nu poate crea chei de acces. Folosiți un browser actualizat sau alegeți altă metodă.`,
'passkey.waiting': `Urmați pașii afișați de browser…`
};
