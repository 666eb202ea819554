// Do not modify this file by hand: scripts/localize/locale-modules.mjs writes it.
const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });

export const templates = {'passkey.back': `Terug`,
'passkey.cancelled': `Er is geen toegangssleutel gemaakt: het verzoek is geannuleerd of niet bevestigd. Selecteer Toegangssleutel maken om het opnieuw te proberen.`,
'passkey.create': `Toegangssleutel maken`,
'passkey.default-name': `Toegangssleutel`,
'passkey.device-name': str`${0} op ${1}`,
'passkey.done': `Je toegangssleutel is toegevoegd`,
'passkey.exists': `Dit apparaat heeft al een toegangssleutel voor je account. Gebruik een ander apparaat of een beveiligingssleutel, of kies een andere methode.`,
'passkey.heading': `Een toegangssleutel maken`,
'passkey.intro': `Met een toegangssleutel meld je je aan met je gezicht, je vingerafdruk of je schermvergrendeling. Hij blijft op je apparaat en kan niet worden gephisht.`,
'passkey.limit': `Je hebt al het maximaal toegestane aantal toegangssleutels. Verwijder er een die je niet meer gebruikt en voeg daarna een nieuwe toe.`,
'passkey.name-heading': `Geef je toegangssleutel een naam`,
'passkey.name-hint': `Maximaal 64 tekens.`,
'passkey.name-intro': `Je toegangssleutel is klaar. Met een naam kun je hem onderscheiden van je andere toegangssleutels.`,
'passkey.name-invalid': `Voer een naam van 1 tot 64 tekens in.`,
'passkey.name-label': `Naam van de toegangssleutel`,
'passkey.not-supported': `Dit apparaat kan geen toegangssleutel maken die je organisatie accepteert. Probeer een ander apparaat of een beveiligingssleutel.`,
'passkey.origin': `Op deze pagina kunnen geen toegangssleutels worden gemaakt. Neem contact op met je beheerder.`,
'passkey.prompt': `Als je Toegangssleutel maken selecteert, vraagt je browser of telefoon je om te bevestigen.`,
'passkey.refused': `We konden je toegangssleutel niet controleren. Selecteer Toegangssleutel maken om het opnieuw te proberen.`,
'passkey.save': `Opslaan`,
'passkey.timeout': `Het verzoek duurde te lang. Selecteer Toegangssleutel maken om het opnieuw te proberen.`,
'passkey.unsupported': `Deze browser kan geen toegangssleutels maken. Gebruik een recente browser of kies een andere methode.`,
'passkey.waiting': `Volg de stappen die je browser toont…`
};
