// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `Indietro`,
'passkey.cancelled': `Nessuna passkey creata: la richiesta è stata annullata o non confermata. Seleziona Crea passkey per riprovare.`,
'passkey.create': `Crea passkey`,
'passkey.default-name': `Passkey`,
'passkey.device-name': str`${0} su ${1}`,
'passkey.done': `La passkey è stata aggiunta`,
'passkey.exists': `Questo dispositivo ha già una passkey per il tuo account. Usa un altro dispositivo o una chiave di sicurezza, oppure scegli un altro metodo.`,
'passkey.heading': `Crea una passkey`,
'passkey.intro': `Con una passkey accedi con il volto, l’impronta digitale o il blocco schermo. Resta sul tuo dispositivo e non può essere rubata con il phishing.`,
'passkey.limit': `Hai già il numero massimo di passkey consentito. Eliminane una che non usi più, poi aggiungine un'altra.`,
'passkey.name-heading': `Dai un nome alla passkey`,
'passkey.name-hint': `Fino a 64 caratteri.`,
'passkey.name-intro': `La passkey è pronta. Un nome ti aiuta a distinguerla dalle altre passkey.`,
'passkey.name-invalid': `Inserisci un nome da 1 a 64 caratteri.`,
'passkey.name-label': `Nome della passkey`,
'passkey.not-supported': `Questo dispositivo non può creare una passkey accettata dalla tua organizzazione. Prova con un altro dispositivo o una chiave di sicurezza.`,
'passkey.origin': `Non è possibile creare passkey in questa pagina. Contatta l’amministratore.`,
'passkey.prompt': `Quando selezioni Crea passkey, il browser o il telefono ti chiederà di confermare.`,
'passkey.refused': `Non è stato possibile verificare la passkey. Seleziona Crea passkey per riprovare.`,
'passkey.save': `Salva`,
'passkey.timeout': `La richiesta è scaduta. Seleziona Crea passkey per riprovare.`,
'passkey.unsupported': `Questo browser non può creare passkey. Usa un browser aggiornato o scegli un altro metodo.`,
'passkey.waiting': `Segui i passaggi mostrati dal browser…`
};
